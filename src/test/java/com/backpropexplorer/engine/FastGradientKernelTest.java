package com.backpropexplorer.engine;

import static com.backpropexplorer.engine.KernelFixtures.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast kernel gives the plain kernel's loss and gradients on the same batches. */
class FastGradientKernelTest {
    private static final double TOLERANCE = 1e-12;

    private static void assertSameAsPlain(TwoLayerNet net, DMatrixRMaj x, int[] labels, int[] rows, int count,
                                          int threads) {
        KernelFixtures.Result plain = KernelFixtures.run(new PlainGradientKernel(net, x, labels), net, rows, count);
        try (FastGradientKernel fast = new FastGradientKernel(net, SparseRows.of(x), labels, threads)) {
            KernelFixtures.Result result = KernelFixtures.run(fast, net, rows, count);
            assertEquals(plain.loss(), result.loss(), TOLERANCE * Math.abs(plain.loss()));
            assertClose(plain.grads(), result.grads(), TOLERANCE);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void matchesThePlainKernelOnSparseBatches(int threads) {
        DMatrixRMaj x = KernelFixtures.sparseData(300, 784, 0.81, 1, 7, 42);
        int[] labels = KernelFixtures.labels(300, 10, 2);
        for (long seed = 0; seed < 5; seed++) {
            TwoLayerNet net = KernelFixtures.net(784, 50, 10, 0.05, seed);
            assertSameAsPlain(net, x, labels, KernelFixtures.batch(100, 300, seed + 10), 100, threads);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void matchesThePlainKernelOnValuesThatAreNotGreyLevels(int threads) {
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
        try (FastGradientKernel a = new FastGradientKernel(net, compact, labels, threads);
             FastGradientKernel b = new FastGradientKernel(net, doubles, labels, threads)) {
            KernelFixtures.Result ra = KernelFixtures.run(a, net, rows, rows.length);
            KernelFixtures.Result rb = KernelFixtures.run(b, net, rows, rows.length);
            assertEquals(Double.doubleToRawLongBits(rb.loss()), Double.doubleToRawLongBits(ra.loss()));
            for (String name : rb.grads().keySet()) {
                assertArrayEquals(rb.grads().get(name).data, ra.grads().get(name).data, 0.0, name);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void matchesOnOddShapesAndDenseRows(int threads) {
        DMatrixRMaj x = KernelFixtures.sparseData(40, 13, 0.3, 3);
        int[] labels = KernelFixtures.labels(40, 4, 4);
        TwoLayerNet net = KernelFixtures.net(13, 7, 4, 0.5, 5);
        assertSameAsPlain(net, x, labels, KernelFixtures.batch(17, 40, 6), 17, threads);
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
        try (FastGradientKernel fast = new FastGradientKernel(net, SparseRows.of(x), labels, threads)) {
            Map<String, DMatrixRMaj> blank = KernelFixtures.run(fast, net, new int[] {0, 4}, 2).grads();
            assertEquals(0.0, blank.get("b1").get(0, 0));
            Map<String, DMatrixRMaj> inked = KernelFixtures.run(fast, net, new int[] {1, 2, 3}, 3).grads();
            assertEquals(0.0, inked.get("b1").get(0, 1));
            for (int k = 0; k < w1.numRows; k++) {
                assertEquals(0.0, inked.get("W1").get(k, 1));
            }
            assertTrue(Math.abs(inked.get("b1").get(0, 2)) > 0, "an active unit does pass gradient");
        }
    }

    @Test
    void twoThreadsGiveTheOneThreadNumbersBitForBit() {
        DMatrixRMaj x = KernelFixtures.sparseData(500, 784, 0.81, 16);
        int[] labels = KernelFixtures.labels(500, 10, 17);
        TwoLayerNet net = KernelFixtures.net(784, 50, 10, 0.05, 18);
        SparseRows sparse = SparseRows.of(x);
        int[] rows = KernelFixtures.batch(100, 500, 19);
        try (FastGradientKernel one = new FastGradientKernel(net, sparse, labels, 1);
             FastGradientKernel two = new FastGradientKernel(net, sparse, labels, 2)) {
            KernelFixtures.Result a = KernelFixtures.run(one, net, rows, 100);
            KernelFixtures.Result b = KernelFixtures.run(two, net, rows, 100);
            assertEquals(a.loss(), b.loss(), 0.0);
            for (String name : TwoLayerNet.PARAM_NAMES) {
                assertArrayEquals(a.grads().get(name).data, b.grads().get(name).data, 0.0, name);
            }
        }
    }

    @Test
    void readsTheLiveWeightsAndUsesOnlyTheFirstCountRows() {
        DMatrixRMaj x = KernelFixtures.sparseData(50, 784, 0.81, 20);
        int[] labels = KernelFixtures.labels(50, 10, 21);
        TwoLayerNet net = KernelFixtures.net(784, 50, 10, 0.05, 22);
        try (FastGradientKernel fast = new FastGradientKernel(net, x, labels)) {
            int[] rows = KernelFixtures.batch(30, 50, 23);
            Map<String, DMatrixRMaj> grads = KernelFixtures.gradsFor(net);
            for (int step = 0; step < 5; step++) {
                fast.lossAndGradient(rows, 30, grads);
                SgdUpdate.apply(net.params(), grads, 0.5);
            }
            int[] longer = KernelFixtures.batch(40, 50, 24);
            KernelFixtures.Result plain = KernelFixtures.run(new PlainGradientKernel(net, x, labels), net, longer, 25);
            KernelFixtures.Result result = KernelFixtures.run(fast, net, longer, 25);
            assertEquals(plain.loss(), result.loss(), TOLERANCE * plain.loss());
            assertClose(plain.grads(), result.grads(), TOLERANCE);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void matchesOnRealMnistBatchesDuringTraining(int threads) throws IOException {
        Assumptions.assumeTrue(MnistForTests.available(),
                "MNIST not found in " + MnistForTests.folder() + ": real-batch comparison skipped");
        MnistForTests.Set train = MnistForTests.load("train", 3000);
        TwoLayerNet net = new TwoLayerNet(784, 50, 10, 0.01, Activation.RELU, 26);
        try (FastGradientKernel fast = new FastGradientKernel(net, SparseRows.of(train.images()), train.labels(), threads)) {
            PlainGradientKernel plain = new PlainGradientKernel(net, train.images(), train.labels());
            Map<String, DMatrixRMaj> grads = KernelFixtures.gradsFor(net);
            for (int step = 0; step < 60; step++) {
                int[] rows = KernelFixtures.batch(100, 3000, 100 + step);
                if (step % 20 == 0) {
                    KernelFixtures.Result expected = KernelFixtures.run(plain, net, rows, 100);
                    KernelFixtures.Result actual = KernelFixtures.run(fast, net, rows, 100);
                    assertEquals(expected.loss(), actual.loss(), TOLERANCE * expected.loss());
                    assertClose(expected.grads(), actual.grads(), TOLERANCE);
                }
                fast.lossAndGradient(rows, 100, grads);
                SgdUpdate.apply(net.params(), grads, 0.1);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aWarmStepAllocatesNothing(int threads) {
        Assumptions.assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "this JVM cannot count allocated bytes");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        DMatrixRMaj x = KernelFixtures.sparseData(1000, 784, 0.81, 27);
        int[] labels = KernelFixtures.labels(1000, 10, 28);
        TwoLayerNet net = KernelFixtures.net(784, 50, 10, 0.05, 29);
        try (FastGradientKernel fast = new FastGradientKernel(net, SparseRows.of(x), labels, threads)) {
            Map<String, DMatrixRMaj> grads = KernelFixtures.gradsFor(net);
            Map<String, DMatrixRMaj> params = net.params(); // each params() call wraps the map anew
            // different batches every step, as in training: a batch with more ink than any before
            // must not grow a buffer either
            int[][] batches = new int[4000][];
            for (int i = 0; i < batches.length; i++) {
                batches[i] = KernelFixtures.batch(100, 1000, 30 + i);
            }
            for (int i = 0; i < 3000; i++) {
                fast.lossAndGradient(batches[i], 100, grads);
            }
            DMatrixRMaj[] previous = Optimizer.zerosLike(params.values().toArray(new DMatrixRMaj[0]));
            fast.forwardStep(batches[0], 100);
            fast.completeSgdStep(grads, 1e-6, previous);
            long before = mx.getCurrentThreadAllocatedBytes();
            for (int i = 3000; i < 4000; i += 2) {
                fast.lossAndGradient(batches[i], 100, grads);
                SgdUpdate.apply(params, grads, 1e-6);
                fast.forwardStep(batches[i + 1], 100); // and the fused step the trainer takes
                fast.completeSgdStep(grads, 1e-6, previous);
            }
            long allocated = mx.getCurrentThreadAllocatedBytes() - before;
            // one step's buffers would be > 80 KB, one small object a step 16 KB
            assertTrue(allocated < 4096, allocated + " bytes allocated in 1000 steps");
        }
    }

    /**
     * forwardStep + completeSgdStep against lossAndGradient + a copy + SgdUpdate, on twin nets,
     * step after step: the same losses, gradients, saved values and weights, bit for bit. The
     * odd shape puts chunk boundaries everywhere.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void theFusedSgdStepIsLossAndGradientThenTheUpdateBitForBit(int threads) {
        int[][] shapes = {{784, 50, 10}, {37, 13, 7}};
        for (int[] shape : shapes) {
            DMatrixRMaj x = KernelFixtures.sparseData(400, shape[0], 0.81, 60);
            int[] labels = KernelFixtures.labels(400, shape[2], 61);
            TwoLayerNet separate = KernelFixtures.net(shape[0], shape[1], shape[2], 0.05, 62);
            TwoLayerNet fused = KernelFixtures.net(shape[0], shape[1], shape[2], 0.05, 62);
            try (FastGradientKernel a = new FastGradientKernel(separate, SparseRows.of(x), labels, threads);
                 FastGradientKernel b = new FastGradientKernel(fused, SparseRows.of(x), labels, threads)) {
                Map<String, DMatrixRMaj> gradsA = KernelFixtures.gradsFor(separate);
                Map<String, DMatrixRMaj> gradsB = KernelFixtures.gradsFor(fused);
                DMatrixRMaj[] previous = Optimizer.zerosLike(fused.params().values().toArray(new DMatrixRMaj[0]));
                for (int step = 0; step < 30; step++) {
                    int[] rows = KernelFixtures.batch(100, 400, 63 + step);
                    Map<String, DMatrixRMaj> before = Matrices.copyAll(separate.params());
                    double lossA = a.lossAndGradient(rows, 100, gradsA);
                    SgdUpdate.apply(separate.params(), gradsA, 0.3);

                    double lossB = b.forwardStep(rows, 100);
                    b.completeSgdStep(gradsB, 0.3, previous);

                    assertEquals(lossA, lossB, 0.0, "loss at step " + step);
                    for (int i = 0; i < TwoLayerNet.PARAM_NAMES.size(); i++) {
                        String name = TwoLayerNet.PARAM_NAMES.get(i);
                        String where = name + " at step " + step;
                        assertArrayEquals(gradsA.get(name).data, gradsB.get(name).data, 0.0, "d" + where);
                        assertArrayEquals(before.get(name).data, previous[i].data, 0.0, "saved " + where);
                        assertArrayEquals(separate.params().get(name).data, fused.params().get(name).data, 0.0, where);
                    }
                }
            }
        }
    }

    @Test
    void afterWeightsChangedTheFusedStepReadsTheNetAgain() {
        DMatrixRMaj x = KernelFixtures.sparseData(200, 784, 0.81, 70);
        int[] labels = KernelFixtures.labels(200, 10, 71);
        TwoLayerNet net = KernelFixtures.net(784, 50, 10, 0.05, 72);
        try (FastGradientKernel fast = new FastGradientKernel(net, SparseRows.of(x), labels, 2)) {
            Map<String, DMatrixRMaj> grads = KernelFixtures.gradsFor(net);
            DMatrixRMaj[] previous = Optimizer.zerosLike(net.params().values().toArray(new DMatrixRMaj[0]));
            int[] rows = KernelFixtures.batch(100, 200, 73);
            fast.forwardStep(rows, 100);
            fast.completeSgdStep(grads, 0.1, previous);
            for (DMatrixRMaj p : net.params().values()) { // someone else moves every weight
                for (int i = 0; i < p.data.length; i++) {
                    p.data[i] *= 1.5;
                }
            }
            fast.weightsChanged();
            double loss = fast.forwardStep(rows, 100);
            double expected = new PlainGradientKernel(net, x, labels).lossAndGradient(rows, 100, KernelFixtures.gradsFor(net));
            assertEquals(expected, loss, TOLERANCE * expected);
        }
    }

    @Test
    void completingAStepNeedsItsForwardHalfFirst() {
        DMatrixRMaj x = KernelFixtures.sparseData(20, 30, 0.5, 74);
        int[] labels = KernelFixtures.labels(20, 4, 75);
        TwoLayerNet net = KernelFixtures.net(30, 6, 4, 0.1, 76);
        try (FastGradientKernel fast = new FastGradientKernel(net, SparseRows.of(x), labels, 1)) {
            Map<String, DMatrixRMaj> grads = KernelFixtures.gradsFor(net);
            DMatrixRMaj[] previous = Optimizer.zerosLike(net.params().values().toArray(new DMatrixRMaj[0]));
            assertThrows(IllegalStateException.class, () -> fast.completeSgdStep(grads, 0.1, previous));
            int[] rows = KernelFixtures.batch(10, 20, 77);
            fast.forwardStep(rows, 10);
            fast.lossAndGradient(rows, 10, grads); // a full step in between ends the pending one
            assertThrows(IllegalStateException.class, () -> fast.completeSgdStep(grads, 0.1, previous));
            fast.forwardStep(rows, 10);
            DMatrixRMaj[] misordered = {previous[1], previous[0], previous[2], previous[3]};
            assertThrows(IllegalArgumentException.class, () -> fast.completeSgdStep(grads, 0.1, misordered));
        }
    }

    @Test
    void theFastFactoryFallsBackToThePlainKernelForSigmoidNets() {
        DMatrixRMaj x = KernelFixtures.sparseData(5, 6, 0.5, 35);
        int[] labels = KernelFixtures.labels(5, 3, 36);
        TwoLayerNet sigmoid = new TwoLayerNet(6, 4, 3, 0.1, Activation.SIGMOID, 37);
        GradientKernelFactory fast = GradientKernelFactory.fast(1);
        assertTrue(fast.create(sigmoid, x, labels) instanceof PlainGradientKernel);
        assertTrue(fast.create(KernelFixtures.net(6, 4, 3, 0.1, 38), x, labels) instanceof FastGradientKernel);
    }

    @Test
    void rejectsWhatItCannotCompute() {
        DMatrixRMaj x = KernelFixtures.sparseData(5, 6, 0.5, 31);
        int[] labels = KernelFixtures.labels(5, 3, 32);
        TwoLayerNet sigmoid = new TwoLayerNet(6, 4, 3, 0.1, Activation.SIGMOID, 33);
        assertThrows(IllegalArgumentException.class, () -> new FastGradientKernel(sigmoid, x, labels));
        TwoLayerNet net = KernelFixtures.net(6, 4, 3, 0.1, 34);
        assertThrows(IllegalArgumentException.class, () -> new FastGradientKernel(net, x, new int[4]));
        try (FastGradientKernel fast = new FastGradientKernel(net, x, labels)) {
            Map<String, DMatrixRMaj> grads = KernelFixtures.gradsFor(net);
            grads.put("W2", new DMatrixRMaj(3, 4));
            assertThrows(IllegalArgumentException.class, () -> fast.lossAndGradient(new int[] {0}, 1, grads));
            assertThrows(IllegalArgumentException.class,
                    () -> fast.lossAndGradient(new int[] {0}, 2, KernelFixtures.gradsFor(net)));
        }
    }
}
