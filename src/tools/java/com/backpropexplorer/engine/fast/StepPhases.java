package com.backpropexplorer.engine.fast;

import com.backpropexplorer.data.Mnist;
import com.backpropexplorer.data.MnistDataset;
import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.Matrices;
import com.backpropexplorer.engine.Optimizer;
import com.backpropexplorer.engine.OptimizerKind;
import com.backpropexplorer.engine.WeightsBackup;
import com.backpropexplorer.engine.TwoLayerNet;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * Times the phases of one fast step (1 thread) on MNIST: a rough profile. Test scope, by hand.
 * Arguments: [MNIST_DIR] [STEPS] [HIDDEN]; {@code -Dsigmoid} for the ch. 4 net,
 * {@code -Doptimizer=sgd|momentum|adagrad|adam} (default sgd, at its default learning rate). The
 * update is timed as the fast step runs it: the copy kept for undo, the optimizer's rule, W1's
 * rows refreshed; {@code -DsaveW1} also copies W1 for undoing, as the step did before its rows were
 * double-buffered (now only b1, W2 and b2 are copied).
 */
public final class StepPhases {
    private static final boolean REGROUP = System.getProperty("regroup") != null;
    private static final boolean SIGMOID = System.getProperty("sigmoid") != null;
    private static final boolean SAVE_W1 = System.getProperty("saveW1") != null;

    private StepPhases() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/mnist");
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        MnistDataset train = Mnist.loadTrain(dir);
        SparseRows x = SparseRows.of(train.images());
        System.out.println("compact: " + x.compact() + ", non-zeros " + x.nonZeros());
        int hidden = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        TwoLayerNet net = new TwoLayerNet(784, hidden, 10, 0.01, SIGMOID ? Activation.SIGMOID : Activation.RELU, 0L);
        Map<String, DMatrixRMaj> p = net.params();
        Map<String, DMatrixRMaj> grads = Matrices.copyAll(p);
        double[] w1 = p.get("W1").data;
        double[] b1 = p.get("b1").data;
        double[] w2 = p.get("W2").data;
        double[] b2 = p.get("b2").data;
        int n = 100;
        int classes = 10;
        double[][] w1Rows = new double[784][hidden];
        TwoLayerLoops.toRows(w1, w1Rows, 0, 784);
        double[] dW1Row = new double[hidden];
        PixelGroups[] groups = {new PixelGroups(784)};
        groups[0].reserve(n * x.maxRowNonZeros());
        double[][] hiddenOut = new double[n][hidden];
        double[] dScores = new double[n * classes];
        double[][] dHidden = new double[n][hidden];
        double[][] w2T = new double[classes][hidden];
        double[][] dW2T = new double[classes][hidden];
        double[][] hT = new double[hidden][n];
        double[][] sT = new double[classes][n];
        int[] labels = train.labels();
        OptimizerKind kind = OptimizerKind.parse(System.getProperty("optimizer", "sgd"));
        Optimizer optimizer = kind.create(kind == OptimizerKind.SGD ? 0.1 : kind.defaultLearningRate());
        DMatrixRMaj[] params = {p.get("W1"), p.get("b1"), p.get("W2"), p.get("b2")};
        DMatrixRMaj[] gradArray = {grads.get("W1"), grads.get("b1"), grads.get("W2"), grads.get("b2")};
        WeightsBackup backup = new WeightsBackup(params);
        int[] rows = new int[n];
        Random random = new Random(0);
        String[] names = {"draw", "w2T", "group", "regroup", "hiddenRows", "scores", "softmax", "hiddenGrad", "dW1",
            "small", "backup", "update", "w1Rows"};
        long[] t = new long[names.length];
        for (int step = 0; step < steps; step++) {
            if (step == steps / 2) {
                java.util.Arrays.fill(t, 0);
            }
            long a = System.nanoTime();
            for (int i = 0; i < n; i++) {
                rows[i] = random.nextInt(x.numRows());
            }
            long b = System.nanoTime();
            TwoLayerLoops.transposeToRows(w2, w2T);
            long c = System.nanoTime();
            groups[0].group(x, rows, 0, n);
            long c1 = System.nanoTime();
            if (REGROUP) {
                groups[0].group(x, rows, 0, n);
            }
            long d = System.nanoTime();
            for (int o = 0; o < n; o++) {
                TwoLayerLoops.hiddenRow(x, rows[o], w1Rows, b1, SIGMOID, hiddenOut[o]);
            }
            long e = System.nanoTime();
            TwoLayerLoops.scoresRows(hiddenOut, hT, w2, b2, classes, sT, dScores, 0, n);
            long e1 = System.nanoTime();
            for (int o = 0; o < n; o++) {
                TwoLayerLoops.softmaxLossBackwardRow(dScores, classes, o, labels[rows[o]], n);
            }
            long e2 = System.nanoTime();
            for (int o = 0; o < n; o++) {
                TwoLayerLoops.hiddenGradientRow(dScores, classes, o, w2T, hiddenOut[o], SIGMOID, dHidden[o]);
            }
            long f = System.nanoTime();
            TwoLayerLoops.inputWeightGradient(groups, 1, dHidden, dW1Row, hidden, grads.get("W1").data, 0, 784);
            long g = System.nanoTime();
            TwoLayerLoops.smallGradients(hiddenOut, dScores, dHidden, n, classes, dW2T, grads.get("W2").data,
                    grads.get("b2").data, grads.get("b1").data);
            long h = System.nanoTime();
            for (int k = SAVE_W1 ? 0 : 1; k < params.length; k++) {
                backup.save(k, 0, params[k].getNumElements());
            }
            long h1 = System.nanoTime();
            optimizer.begin(params);
            for (int k = 0; k < params.length; k++) {
                optimizer.apply(k, params[k].data, gradArray[k].data, 0, params[k].getNumElements());
            }
            long h2 = System.nanoTime();
            TwoLayerLoops.toRows(w1, w1Rows, 0, 784);
            long i = System.nanoTime();
            long[] marks = {a, b, c, c1, d, e, e1, e2, f, g, h, h1, h2, i};
            for (int k = 0; k < names.length; k++) {
                t[k] += marks[k + 1] - marks[k];
            }
        }
        long total = 0;
        for (int k = 0; k < names.length; k++) {
            total += t[k];
            System.out.printf("%-11s %7.1f µs%n", names[k], t[k] / 1e3 / (steps - steps / 2));
        }
        System.out.printf("%-11s %7.1f µs (%.0f steps/s), 784-%d-10 %s %s%n", "total", total / 1e3 / (steps - steps / 2),
                (steps - steps / 2) / (total / 1e9), hidden, SIGMOID ? "sigmoid" : "relu", kind.id());
    }
}
