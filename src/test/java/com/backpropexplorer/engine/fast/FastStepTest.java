package com.backpropexplorer.engine.fast;

import static com.backpropexplorer.engine.fast.KernelFixtures.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.data.MnistDataset;
import com.backpropexplorer.data.SharedMnist;
import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.Matrices;
import com.backpropexplorer.engine.Optimizer;
import com.backpropexplorer.engine.OptimizerKind;
import com.backpropexplorer.engine.Sgd;
import com.backpropexplorer.engine.TwoLayerNet;
import java.lang.management.ManagementFactory;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast step gives the book's layers' loss, gradients and updates on the same batches. */
class FastStepTest {
    private static final double TOLERANCE = 1e-12;

    private static void assertSameAsPlain(TwoLayerNet net, DMatrixRMaj x, int[] labels, int[] rows, int count,
                                          int threads) {
        KernelFixtures.Result plain = KernelFixtures.plain(net.copy(), x, labels, rows, count);
        KernelFixtures.onThreads(threads, shared -> {
            SparseRows sparse = SparseRows.of(x);
            KernelFixtures.Result result = KernelFixtures.fast(KernelFixtures.step(net, sparse, shared), sparse, labels,
                    rows, count);
            assertEquals(plain.loss(), result.loss(), TOLERANCE * Math.abs(plain.loss()));
            assertClose(plain.grads(), result.grads(), TOLERANCE);
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void matchesThePlainLayersOnSparseBatches(int threads) {
        DMatrixRMaj x = KernelFixtures.sparseData(300, 784, 0.81, 1, 7, 42);
        int[] labels = KernelFixtures.labels(300, 10, 2);
        for (Activation activation : Activation.values()) {
            for (long seed = 0; seed < 5; seed++) {
                TwoLayerNet net = KernelFixtures.net(784, 50, 10, 0.05, seed, activation);
                assertSameAsPlain(net, x, labels, KernelFixtures.batch(100, 300, seed + 10), 100, threads);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void matchesThePlainLayersOnValuesThatAreNotGreyLevels(int threads) {
        DMatrixRMaj x = KernelFixtures.sparseData(300, 784, 0.81, 40);
        java.util.Random random = new java.util.Random(41);
        for (int i = 0; i < x.data.length; i++) {
            if (x.data[i] != 0) {
                x.data[i] = random.nextGaussian();
            }
        }
        assertTrue(!SparseRows.of(x).compact());
        int[] labels = KernelFixtures.labels(300, 10, 42);
        TwoLayerNet net = KernelFixtures.net(784, 50, 10, 0.05, 43);
        assertSameAsPlain(net, x, labels, KernelFixtures.batch(100, 300, 44), 100, threads);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void oneByteCodesGiveTheDoublesNumbersBitForBit(int threads) {
        DMatrixRMaj grey = KernelFixtures.sparseData(300, 784, 0.81, 45);
        DMatrixRMaj withDoubles = grey.copy();
        withDoubles.set(299, 400, 0.3); // one value that is no grey level: stored as doubles
        SparseRows compact = SparseRows.of(grey);
        SparseRows doubles = SparseRows.of(withDoubles);
        assertTrue(compact.compact());
        assertTrue(!doubles.compact());
        int[] labels = KernelFixtures.labels(300, 10, 46);
        int[] rows = KernelFixtures.batch(100, 299, 47); // never row 299
        TwoLayerNet net = KernelFixtures.net(784, 50, 10, 0.05, 48);
        KernelFixtures.onThreads(threads, shared -> {
            KernelFixtures.Result ra = KernelFixtures.fast(KernelFixtures.step(net, compact, shared), compact, labels,
                    rows, rows.length);
            KernelFixtures.Result rb = KernelFixtures.fast(KernelFixtures.step(net, doubles, shared), doubles, labels,
                    rows, rows.length);
            assertEquals(Double.doubleToRawLongBits(rb.loss()), Double.doubleToRawLongBits(ra.loss()));
            for (String name : rb.grads().keySet()) {
                assertArrayEquals(rb.grads().get(name).data, ra.grads().get(name).data, 0.0, name);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void matchesOnOddShapesAndDenseRows(int threads) {
        DMatrixRMaj x = KernelFixtures.sparseData(40, 13, 0.3, 3);
        int[] labels = KernelFixtures.labels(40, 4, 4);
        for (Activation activation : Activation.values()) {
            TwoLayerNet net = KernelFixtures.net(13, 7, 4, 0.5, 5, activation);
            assertSameAsPlain(net, x, labels, KernelFixtures.batch(17, 40, 6), 17, threads);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void batchOfOne(int threads) {
        DMatrixRMaj x = KernelFixtures.sparseData(20, 784, 0.81, 7);
        int[] labels = KernelFixtures.labels(20, 10, 8);
        assertSameAsPlain(KernelFixtures.net(784, 50, 10, 0.05, 9), x, labels, new int[] {11}, 1, threads);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void repeatedRowsCountTwiceAsInNumpyChoice(int threads) {
        DMatrixRMaj x = KernelFixtures.sparseData(10, 784, 0.81, 10);
        int[] labels = KernelFixtures.labels(10, 10, 11);
        int[] rows = {3, 3, 3, 7, 3, 0, 7, 9, 9, 3};
        assertSameAsPlain(KernelFixtures.net(784, 50, 10, 0.05, 12), x, labels, rows, rows.length, threads);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void blankRowsAndReluExactlyAtZero(int threads) {
        DMatrixRMaj x = KernelFixtures.sparseData(10, 784, 0.81, 13, 0, 4, 5);
        int[] labels = KernelFixtures.labels(10, 10, 14);
        TwoLayerNet net = KernelFixtures.net(784, 50, 10, 0.05, 15);
        double[] b1 = net.params().get("b1").data;
        // a blank row's pre-activation is b1 itself: 0 exactly is masked (book: mask = x <= 0)
        for (int j = 0; j < b1.length; j += 3) {
            b1[j] = 0.0;
        }
        // unit 1 sees no input and no bias, so it sits exactly at 0 for every row
        DMatrixRMaj w1 = net.params().get("W1");
        for (int k = 0; k < w1.numRows; k++) {
            w1.set(k, 1, 0.0);
        }
        b1[1] = 0.0;
        int[] rows = {0, 4, 5, 1, 0, 2};
        assertSameAsPlain(net, x, labels, rows, rows.length, threads);
        // and the masked units pass no gradient
        KernelFixtures.onThreads(threads, shared -> {
            SparseRows sparse = SparseRows.of(x);
            FastStep step = KernelFixtures.step(net, sparse, shared);
            Map<String, DMatrixRMaj> blank = KernelFixtures.fast(step, sparse, labels, new int[] {0, 4}, 2).grads();
            assertEquals(0.0, blank.get("b1").get(0, 0));
            Map<String, DMatrixRMaj> inked = KernelFixtures.fast(step, sparse, labels, new int[] {1, 2, 3}, 3).grads();
            assertEquals(0.0, inked.get("b1").get(0, 1));
            for (int k = 0; k < w1.numRows; k++) {
                assertEquals(0.0, inked.get("W1").get(k, 1));
            }
            assertTrue(Math.abs(inked.get("b1").get(0, 2)) > 0, "an active unit does pass gradient");
        });
    }

    @Test
    void twoThreadsGiveTheOneThreadNumbersBitForBit() {
        DMatrixRMaj x = KernelFixtures.sparseData(500, 784, 0.81, 16);
        int[] labels = KernelFixtures.labels(500, 10, 17);
        TwoLayerNet net = KernelFixtures.net(784, 50, 10, 0.05, 18);
        SparseRows sparse = SparseRows.of(x);
        int[] rows = KernelFixtures.batch(100, 500, 19);
        KernelFixtures.onThreads(2, shared -> {
            KernelFixtures.Result a = KernelFixtures.fast(KernelFixtures.step(net, sparse, null), sparse, labels, rows, 100);
            KernelFixtures.Result b = KernelFixtures.fast(KernelFixtures.step(net, sparse, shared), sparse, labels, rows,
                    100);
            assertEquals(a.loss(), b.loss(), 0.0);
            for (String name : TwoLayerNet.PARAM_NAMES) {
                assertArrayEquals(a.grads().get(name).data, b.grads().get(name).data, 0.0, name);
            }
        });
    }

    @Test
    void usesOnlyTheFirstCountRows() {
        DMatrixRMaj x = KernelFixtures.sparseData(50, 784, 0.81, 20);
        int[] labels = KernelFixtures.labels(50, 10, 21);
        TwoLayerNet net = KernelFixtures.net(784, 50, 10, 0.05, 22);
        SparseRows sparse = SparseRows.of(x);
        FastStep step = KernelFixtures.step(net, new Sgd(0.5), sparse, null);
        int[] rows = KernelFixtures.batch(30, 50, 23);
        for (int i = 0; i < 5; i++) {
            step.forward(sparse, rows, 30, labels);
            step.update();
        }
        int[] longer = KernelFixtures.batch(40, 50, 24);
        KernelFixtures.Result plain = KernelFixtures.plain(net.copy(), x, labels, longer, 25);
        KernelFixtures.Result result = KernelFixtures.fast(step, sparse, labels, longer, 25);
        assertEquals(plain.loss(), result.loss(), TOLERANCE * plain.loss());
        assertClose(plain.grads(), result.grads(), TOLERANCE);
    }

    @ParameterizedTest
    @CsvSource({"1, RELU", "2, RELU", "1, SIGMOID", "2, SIGMOID"})
    void matchesOnRealMnistBatchesDuringTraining(int threads, Activation activation) {
        MnistDataset train = SharedMnist.get().train().head(3000);
        TwoLayerNet net = new TwoLayerNet(784, 50, 10, 0.01, activation, 26);
        SparseRows sparse = SparseRows.of(train.images());
        int[] labels = train.labels();
        KernelFixtures.onThreads(threads, shared -> {
            FastStep step = KernelFixtures.step(net, sparse, shared);
            for (int i = 0; i < 60; i++) {
                int[] rows = KernelFixtures.batch(100, 3000, 100 + i);
                if (i % 20 == 0) {
                    KernelFixtures.Result expected = KernelFixtures.plain(net.copy(), train.images(), labels, rows, 100);
                    KernelFixtures.Result actual = KernelFixtures.fast(step, sparse, labels, rows, 100);
                    assertEquals(expected.loss(), actual.loss(), TOLERANCE * expected.loss());
                    assertClose(expected.grads(), actual.grads(), TOLERANCE);
                }
                step.forward(sparse, rows, 100, labels);
                step.update();
            }
        });
    }

    @ParameterizedTest
    @CsvSource({"1, RELU, ADAM", "2, RELU, ADAM", "1, SIGMOID, ADAGRAD", "2, SIGMOID, MOMENTUM"})
    void aWarmStepAllocatesNothing(int threads, Activation activation, OptimizerKind kind) {
        Assumptions.assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "this JVM cannot count allocated bytes");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        DMatrixRMaj x = KernelFixtures.sparseData(1000, 784, 0.81, 27);
        int[] labels = KernelFixtures.labels(1000, 10, 28);
        TwoLayerNet net = KernelFixtures.net(784, 50, 10, 0.05, 29, activation);
        KernelFixtures.onThreads(threads, shared -> {
            SparseRows sparse = SparseRows.of(x);
            FastStep step = KernelFixtures.step(net, kind.create(1e-6), sparse, shared);
            // different batches every step, as in training: a batch with more ink than any before
            // must not grow a buffer either
            int[][] batches = new int[4000][];
            for (int i = 0; i < batches.length; i++) {
                batches[i] = KernelFixtures.batch(100, 1000, 30 + i);
            }
            for (int i = 0; i < 3000; i++) {
                step.forward(sparse, batches[i], 100, labels);
                step.update();
            }
            long before = mx.getCurrentThreadAllocatedBytes();
            for (int i = 3000; i < 4000; i++) {
                step.forward(sparse, batches[i], 100, labels);
                step.update();
            }
            long allocated = mx.getCurrentThreadAllocatedBytes() - before;
            // one step's buffers would be > 80 KB, one small object a step 16 KB
            assertTrue(allocated < 4096, allocated + " bytes allocated in 1000 steps");
        });
    }

    /**
     * The fused step (the optimizer's update inside the gradient pass) against the book's layers
     * and the same optimizer's {@code update(params, grads)} on a twin net, step after step, for
     * every optimizer (AdaGrad too) and both activations: the same losses, gradients and
     * weights, bit for bit. The odd shape puts chunk boundaries everywhere.
     */
    @ParameterizedTest
    @CsvSource({"1, RELU", "2, RELU", "1, SIGMOID", "2, SIGMOID"})
    void theFusedUpdateIsTheOptimizersUpdateBitForBit(int threads, Activation activation) {
        int[][] shapes = {{784, 50, 10}, {37, 13, 7}};
        for (OptimizerKind kind : OptimizerKind.values()) {
            for (int[] shape : shapes) {
                DMatrixRMaj x = KernelFixtures.sparseData(400, shape[0], 0.81, 60);
                int[] labels = KernelFixtures.labels(400, shape[2], 61);
                TwoLayerNet plain = KernelFixtures.net(shape[0], shape[1], shape[2], 0.05, 62, activation);
                TwoLayerNet fused = KernelFixtures.net(shape[0], shape[1], shape[2], 0.05, 62, activation);
                Optimizer plainOptimizer = kind.create(kind.defaultLearningRate() * 3);
                SparseRows sparse = SparseRows.of(x);
                KernelFixtures.onThreads(threads, shared -> {
                    FastStep step = KernelFixtures.step(fused, kind.create(kind.defaultLearningRate() * 3), sparse, shared);
                    for (int i = 0; i < 30; i++) {
                        int[] rows = KernelFixtures.batch(100, 400, 63 + i);
                        KernelFixtures.Result expected = KernelFixtures.plain(plain, x, labels, rows, 100);
                        plainOptimizer.update(plain.params(), expected.grads());

                        double loss = step.forward(sparse, rows, 100, labels);
                        step.update();

                        String where = kind + " " + activation + " " + shape[0] + "-" + shape[1] + "-" + shape[2] + " at step " + i;
                        assertEquals(expected.loss(), loss, 0.0, "loss, " + where);
                        for (String name : TwoLayerNet.PARAM_NAMES) {
                            assertArrayEquals(expected.grads().get(name).data, step.gradient(name).data, 0.0,
                                    "d" + name + ", " + where);
                            assertArrayEquals(plain.params().get(name).data, fused.params().get(name).data, 0.0,
                                    name + ", " + where);
                        }
                    }
                });
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void undoPutsBackTheWeightsBeforeTheLastUpdateAndTheNextStepReadsThem(int threads) {
        DMatrixRMaj x = KernelFixtures.sparseData(200, 784, 0.81, 70);
        int[] labels = KernelFixtures.labels(200, 10, 71);
        TwoLayerNet net = KernelFixtures.net(784, 50, 10, 0.05, 72);
        SparseRows sparse = SparseRows.of(x);
        KernelFixtures.onThreads(threads, shared -> {
            FastStep step = KernelFixtures.step(net, OptimizerKind.MOMENTUM.create(0.1), sparse, shared);
            int[] rows = KernelFixtures.batch(100, 200, 73);
            step.forward(sparse, rows, 100, labels);
            step.update();
            Map<String, DMatrixRMaj> before = Matrices.copyAll(net.params());
            step.forward(sparse, rows, 100, labels);
            step.update();
            step.undo();
            for (String name : TwoLayerNet.PARAM_NAMES) {
                assertArrayEquals(before.get(name).data, net.params().get(name).data, 0.0, name);
            }
            double loss = step.forward(sparse, rows, 100, labels);
            assertEquals(KernelFixtures.plain(net.copy(), x, labels, rows, 100).loss(), loss, 0.0);
            assertThrows(IllegalStateException.class, step::undo, "one update, one undo");
        });
    }

    @Test
    void anUpdateNeedsItsForwardPassFirst() {
        DMatrixRMaj x = KernelFixtures.sparseData(20, 30, 0.5, 74);
        int[] labels = KernelFixtures.labels(20, 4, 75);
        TwoLayerNet net = KernelFixtures.net(30, 6, 4, 0.1, 76);
        SparseRows sparse = SparseRows.of(x);
        FastStep step = KernelFixtures.step(net, sparse, null);
        assertThrows(IllegalStateException.class, step::update);
        int[] rows = KernelFixtures.batch(10, 20, 77);
        step.forward(sparse, rows, 10, labels);
        step.update();
        assertThrows(IllegalStateException.class, step::update, "one forward, one update");
        assertThrows(IllegalArgumentException.class, () -> step.forward(sparse, rows, 11, labels));
        assertThrows(IllegalArgumentException.class, () -> step.forward(sparse, rows, 0, labels));
    }

    @Test
    void refusesNetsItCannotCompute() {
        SparseRows x = SparseRows.of(KernelFixtures.sparseData(5, 6, 0.5, 31));
        TwoLayerNet wider = KernelFixtures.net(7, 4, 3, 0.1, 34);
        assertThrows(IllegalArgumentException.class, () -> KernelFixtures.step(wider, x, null));
    }
}
