package com.backpropexplorer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast accuracy counts exactly the rows the plain {@code TwoLayerNet.accuracy} counts. */
class FastAccuracyTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void equalsThePlainAccuracyOnSyntheticData(int threads) {
        DMatrixRMaj x = KernelFixtures.sparseData(2001, 784, 0.81, 1, 0, 10);
        int[] labels = KernelFixtures.labels(2001, 10, 2);
        for (long seed = 0; seed < 3; seed++) {
            TwoLayerNet net = KernelFixtures.net(784, 50, 10, 0.05, seed);
            try (FastAccuracy fast = new FastAccuracy(net, threads)) {
                assertEquals(net.accuracy(x, labels), fast.of(SparseRows.of(x), labels), 0.0);
            }
        }
    }

    @Test
    void tiesGoToTheFirstClassAsInThePlainArgmax() {
        // all weights zero: every score is 0, every row is predicted as class 0
        TwoLayerNet net = new TwoLayerNet(784, 50, 10, 0.0, Activation.RELU, 3);
        DMatrixRMaj x = KernelFixtures.sparseData(100, 784, 0.81, 4);
        int[] labels = KernelFixtures.labels(100, 10, 5);
        double plain = net.accuracy(x, labels);
        assertEquals(plain, FastAccuracy.of(net, SparseRows.of(x), labels), 0.0);
        long zeros = java.util.Arrays.stream(labels).filter(t -> t == 0).count();
        assertEquals(zeros / 100.0, plain, 1e-15);
    }

    @Test
    void followsTheLiveWeights() {
        DMatrixRMaj x = KernelFixtures.sparseData(300, 784, 0.81, 6);
        int[] labels = KernelFixtures.labels(300, 10, 7);
        TwoLayerNet net = KernelFixtures.net(784, 50, 10, 0.05, 8);
        SparseRows sparse = SparseRows.of(x);
        try (FastAccuracy fast = new FastAccuracy(net, 2); FastGradientKernel kernel = new FastGradientKernel(net, sparse, labels, 1)) {
            Map<String, DMatrixRMaj> grads = KernelFixtures.gradsFor(net);
            for (int step = 0; step < 30; step++) {
                kernel.lossAndGradient(KernelFixtures.batch(50, 300, step), 50, grads);
                SgdUpdate.apply(net.params(), grads, 0.5);
                assertEquals(net.accuracy(x, labels), fast.of(sparse, labels), 0.0, "step " + step);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void equalsThePlainAccuracyOnTheMnistTestSet(int threads) throws IOException {
        Assumptions.assumeTrue(MnistForTests.available(),
                "MNIST not found in " + MnistForTests.folder() + ": real-data accuracy comparison skipped");
        MnistForTests.Set train = MnistForTests.load("train", 5000);
        MnistForTests.Set test = MnistForTests.load("t10k", 10_000);
        TwoLayerNet net = new TwoLayerNet(784, 50, 10, 0.01, Activation.RELU, 9);
        SparseRows xTrain = SparseRows.of(train.images());
        try (FastGradientKernel kernel = new FastGradientKernel(net, xTrain, train.labels(), 1);
             FastAccuracy fast = new FastAccuracy(net, threads)) {
            Map<String, DMatrixRMaj> grads = KernelFixtures.gradsFor(net);
            for (int step = 0; step < 200; step++) {
                kernel.lossAndGradient(KernelFixtures.batch(100, 5000, step), 100, grads);
                SgdUpdate.apply(net.params(), grads, 0.1);
            }
            double plain = net.accuracy(test.images(), test.labels());
            assertEquals(plain, fast.of(SparseRows.of(test.images()), test.labels()), 0.0);
            assertEquals(plain * 10_000, fast.correct(SparseRows.of(test.images()), test.labels()), 1e-9);
        }
    }

    @Test
    void aStopRequestCancelsThePass() {
        TwoLayerNet net = KernelFixtures.net(784, 50, 10, 0.05, 12);
        SparseRows x = SparseRows.of(KernelFixtures.sparseData(500, 784, 0.8, 13));
        int[] labels = KernelFixtures.labels(500, 10, 14);
        for (int threads = 1; threads <= 2; threads++) {
            try (FastAccuracy fast = new FastAccuracy(net, threads)) {
                int[] asked = new int[1];
                assertThrows(java.util.concurrent.CancellationException.class,
                        () -> fast.of(x, labels, () -> ++asked[0] > 3));
                // and it still works afterwards
                assertEquals(FastAccuracy.of(net, x, labels), fast.of(x, labels, () -> false), 0.0);
            }
        }
    }

    @Test
    void rejectsMismatchedData() {
        TwoLayerNet net = KernelFixtures.net(784, 50, 10, 0.05, 10);
        SparseRows x = SparseRows.of(KernelFixtures.sparseData(5, 784, 0.8, 11));
        assertThrows(IllegalArgumentException.class, () -> FastAccuracy.of(net, x, new int[4]));
        assertThrows(IllegalArgumentException.class, () -> new FastAccuracy(net, 3));
    }
}
