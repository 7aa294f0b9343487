package com.backpropexplorer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/** Synthetic MNIST-like data, seeded nets and gradient comparisons for the fast-path tests. */
final class KernelFixtures {
    private KernelFixtures() {
    }

    /** rows×cols in [0, 1], about {@code zeros} of them exactly 0; the rows in {@code blank} all 0. */
    static DMatrixRMaj sparseData(int rows, int cols, double zeros, long seed, int... blank) {
        Random random = new Random(seed);
        DMatrixRMaj x = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < x.data.length; i++) {
            if (random.nextDouble() >= zeros) {
                x.data[i] = random.nextInt(256) / 255.0;
            }
        }
        for (int r : blank) {
            java.util.Arrays.fill(x.data, r * cols, (r + 1) * cols, 0.0);
        }
        return x;
    }

    static int[] labels(int rows, int classes, long seed) {
        Random random = new Random(seed);
        int[] t = new int[rows];
        for (int i = 0; i < rows; i++) {
            t[i] = random.nextInt(classes);
        }
        return t;
    }

    /** A seeded ReLU net with non-zero biases, so that ReLU cuts some units and passes others. */
    static TwoLayerNet net(int in, int hidden, int out, double std, long seed) {
        TwoLayerNet net = new TwoLayerNet(in, hidden, out, std, Activation.RELU, seed);
        Random random = new Random(seed + 1);
        for (String b : new String[] {"b1", "b2"}) {
            double[] d = net.params().get(b).data;
            for (int i = 0; i < d.length; i++) {
                d[i] = std * random.nextGaussian();
            }
        }
        return net;
    }

    static int[] batch(int size, int n, long seed) {
        Random random = new Random(seed);
        int[] rows = new int[size];
        for (int i = 0; i < size; i++) {
            rows[i] = random.nextInt(n);
        }
        return rows;
    }

    /** Zero matrices shaped like the net's parameters. */
    static Map<String, DMatrixRMaj> gradsFor(TwoLayerNet net) {
        Map<String, DMatrixRMaj> grads = new LinkedHashMap<>();
        net.params().forEach((name, p) -> grads.put(name, new DMatrixRMaj(p.numRows, p.numCols)));
        return grads;
    }

    /** Every element within {@code relative}·(largest |expected| of that matrix). */
    static void assertClose(Map<String, DMatrixRMaj> expected, Map<String, DMatrixRMaj> actual, double relative) {
        for (String name : TwoLayerNet.PARAM_NAMES) {
            DMatrixRMaj e = expected.get(name);
            DMatrixRMaj a = actual.get(name);
            assertEquals(e.numRows, a.numRows, name);
            assertEquals(e.numCols, a.numCols, name);
            double scale = 0;
            for (double v : e.data) {
                scale = Math.max(scale, Math.abs(v));
            }
            double worst = 0;
            for (int i = 0; i < e.getNumElements(); i++) {
                worst = Math.max(worst, Math.abs(e.data[i] - a.data[i]));
            }
            assertTrue(worst <= relative * scale, name + ": max |difference| " + worst + " against scale " + scale);
        }
    }

    /** What the plain kernel says for one batch: the loss and fresh gradients. */
    record Result(double loss, Map<String, DMatrixRMaj> grads) {
    }

    static Result run(GradientKernel kernel, TwoLayerNet net, int[] rows, int count) {
        Map<String, DMatrixRMaj> grads = gradsFor(net);
        // poison the output: a kernel must write every element, not accumulate into what is there
        grads.values().forEach(g -> java.util.Arrays.fill(g.data, Double.NaN));
        double loss = kernel.lossAndGradient(rows, count, grads);
        return new Result(loss, grads);
    }
}
