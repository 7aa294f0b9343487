package com.backpropexplorer.engine;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * The book's training recipe (784-50-10, batch 100, SGD lr 0.1, weight_init_std 0.01, 10,000
 * steps) on the fast kernel, timing the training loop alone (batch draw, gradient, update), as
 * the numpy reference does. Run from the test classpath:
 * <pre>java -cp target/classes:target/test-classes:$(cat cp.txt) com.backpropexplorer.engine.BookRecipeRun
 *      [MNIST_DIR] [STEPS] [THREADS] [plain]</pre>
 */
public final class BookRecipeRun {
    private BookRecipeRun() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/mnist");
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        boolean plain = args.length > 3 && args[3].equals("plain");
        MnistForTests.Set train = MnistForTests.load(dir, "train", Integer.MAX_VALUE);
        MnistForTests.Set test = MnistForTests.load(dir, "t10k", Integer.MAX_VALUE);
        SparseRows xTrain = SparseRows.of(train.images());
        SparseRows xTest = SparseRows.of(test.images());

        TwoLayerNet net = new TwoLayerNet(784, 50, 10, 0.01, Activation.RELU, 0L);
        GradientKernel kernel = plain
                ? new PlainGradientKernel(net, train.images(), train.labels())
                : new FastGradientKernel(net, xTrain, train.labels(), threads);
        Map<String, DMatrixRMaj> grads = new LinkedHashMap<>();
        net.params().forEach((name, p) -> grads.put(name, new DMatrixRMaj(p.numRows, p.numCols)));
        int batch = 100;
        int[] rows = new int[batch];
        Random random = new Random(0);
        int n = xTrain.numRows();
        long trainNanos = 0;
        long accuracyNanos = 0;
        try (FastAccuracy accuracy = new FastAccuracy(net, threads)) {
            for (int step = 0; step < steps; step++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < batch; i++) {
                    rows[i] = random.nextInt(n);
                }
                kernel.lossAndGradient(rows, batch, grads);
                SgdUpdate.apply(net.params(), grads, 0.1);
                trainNanos += System.nanoTime() - t0;
                if (step % 600 == 0) {
                    long a0 = System.nanoTime();
                    double trainAcc = accuracy.of(xTrain, train.labels());
                    double testAcc = accuracy.of(xTest, test.labels());
                    accuracyNanos += System.nanoTime() - a0;
                    System.out.printf("iter %d: train acc %.4f test acc %.4f%n", step, trainAcc, testAcc);
                }
            }
            System.out.printf("final: train acc %.4f test acc %.4f%n",
                    accuracy.of(xTrain, train.labels()), accuracy.of(xTest, test.labels()));
        }
        if (kernel instanceof AutoCloseable c) {
            c.close();
        }
        double seconds = trainNanos / 1e9;
        System.out.printf("training steps: %d in %.2f s (%.0f steps/s), kernel %s, threads %d%n",
                steps, seconds, steps / seconds, plain ? "plain" : "fast", threads);
        System.out.printf("accuracy passes (60,000 + 10,000): %.1f ms each%n",
                accuracyNanos / 1e6 / ((steps + 599) / 600));
    }
}
