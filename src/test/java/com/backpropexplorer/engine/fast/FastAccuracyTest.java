package com.backpropexplorer.engine.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.backpropexplorer.data.Mnist;
import com.backpropexplorer.data.MnistDataset;
import com.backpropexplorer.data.SharedMnist;
import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.TwoLayerNet;
import org.ejml.data.DMatrixRMaj;
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
        KernelFixtures.onThreads(threads, shared -> {
            for (Activation activation : Activation.values()) {
                for (long seed = 0; seed < 3; seed++) {
                    TwoLayerNet net = KernelFixtures.net(784, 50, 10, 0.05, seed, activation);
                    assertEquals(net.accuracy(x, labels), new FastAccuracy(net, shared).of(SparseRows.of(x), labels), 0.0,
                            activation + ", seed " + seed);
                }
            }
        });
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
        KernelFixtures.onThreads(2, shared -> {
            FastAccuracy fast = new FastAccuracy(net, shared);
            FastStep step = new FastStep(net, new com.backpropexplorer.engine.Sgd(0.5), sparse, null);
            for (int i = 0; i < 30; i++) {
                step.forward(sparse, KernelFixtures.batch(50, 300, i), 50, labels);
                step.update();
                assertEquals(net.accuracy(x, labels), fast.of(sparse, labels), 0.0, "step " + i);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void equalsThePlainAccuracyOnTheMnistTestSet(int threads) {
        Mnist mnist = SharedMnist.get();
        MnistDataset train = mnist.train().head(5000);
        MnistDataset test = mnist.test();
        TwoLayerNet net = new TwoLayerNet(784, 50, 10, 0.01, Activation.RELU, 9);
        SparseRows xTrain = SparseRows.of(train.images());
        int[] trainLabels = train.labels();
        KernelFixtures.onThreads(threads, shared -> {
            FastStep step = KernelFixtures.step(net, xTrain, null);
            for (int i = 0; i < 200; i++) {
                step.forward(xTrain, KernelFixtures.batch(100, 5000, i), 100, trainLabels);
                step.update();
            }
            FastAccuracy fast = new FastAccuracy(net, shared);
            double plain = net.accuracy(test.images(), test.labels());
            assertEquals(plain, fast.of(SparseRows.of(test.images()), test.labels()), 0.0);
            assertEquals(plain * 10_000, fast.correct(SparseRows.of(test.images()), test.labels()), 1e-9);
        });
    }

    @Test
    void aStopRequestCancelsThePass() {
        TwoLayerNet net = KernelFixtures.net(784, 50, 10, 0.05, 12);
        SparseRows x = SparseRows.of(KernelFixtures.sparseData(500, 784, 0.8, 13));
        int[] labels = KernelFixtures.labels(500, 10, 14);
        for (int threads = 1; threads <= 2; threads++) {
            KernelFixtures.onThreads(threads, shared -> {
                FastAccuracy fast = new FastAccuracy(net, shared);
                int[] asked = new int[1];
                assertThrows(java.util.concurrent.CancellationException.class,
                        () -> fast.of(x, labels, () -> ++asked[0] > 3));
                // and it still works afterwards
                assertEquals(FastAccuracy.of(net, x, labels), fast.of(x, labels, () -> false), 0.0);
            });
        }
    }

    @Test
    void rejectsMismatchedData() {
        TwoLayerNet net = KernelFixtures.net(784, 50, 10, 0.05, 10);
        SparseRows x = SparseRows.of(KernelFixtures.sparseData(5, 784, 0.8, 11));
        assertThrows(IllegalArgumentException.class, () -> FastAccuracy.of(net, x, new int[4]));
        SparseRows narrow = SparseRows.of(KernelFixtures.sparseData(5, 783, 0.8, 11));
        assertThrows(IllegalArgumentException.class, () -> FastAccuracy.of(net, narrow, new int[5]));
    }
}
