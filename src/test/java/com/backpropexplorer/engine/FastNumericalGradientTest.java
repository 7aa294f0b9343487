package com.backpropexplorer.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The fast numerical gradient is the plain central difference, element for element. */
class FastNumericalGradientTest {
    /**
     * Both sides divide a difference of two losses by 2h = 2e−4: a last-bit difference in a loss
     * of ~2 would show as ~2e−12 here. The two paths in fact agree to the bit; this leaves room.
     */
    private static final double TOLERANCE = 1e-11;

    private static void assertSameAsPlain(TwoLayerNet net, DMatrixRMaj x, int[] labels) {
        Map<String, DMatrixRMaj> plain = net.numericalGradient(x, labels);
        Map<String, DMatrixRMaj> fast = FastNumericalGradient.of(net, x, labels);
        for (String name : TwoLayerNet.PARAM_NAMES) {
            assertEquals(Matrices.shape(plain.get(name)), Matrices.shape(fast.get(name)), name);
            assertArrayEquals(plain.get(name).data, fast.get(name).data, TOLERANCE, name);
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void matchesThePlainLoopOnASmallNet(Activation activation) {
        DMatrixRMaj x = KernelFixtures.sparseData(4, 9, 0.4, 1, 2);
        int[] labels = {0, 2, 1, 2};
        TwoLayerNet net = new TwoLayerNet(9, 6, 3, 0.8, activation, 2);
        net.params().get("b1").data[1] = -0.3;
        net.params().get("b1").data[4] = 0.0;
        net.params().get("b2").data[2] = 0.2;
        assertSameAsPlain(net, x, labels);
    }

    @Test
    void matchesOnAWideSparseNet() {
        DMatrixRMaj x = KernelFixtures.sparseData(3, 300, 0.81, 3, 1);
        assertSameAsPlain(KernelFixtures.net(300, 20, 10, 0.05, 4), x, new int[] {7, 1, 4});
    }

    @Test
    void blankPixelsGiveExactlyZeroAndTheNetIsLeftAlone() {
        DMatrixRMaj x = KernelFixtures.sparseData(2, 30, 0.5, 5);
        x.set(0, 3, 0.0);
        x.set(1, 3, 0.0);
        TwoLayerNet net = KernelFixtures.net(30, 5, 4, 0.3, 6);
        Map<String, DMatrixRMaj> before = Matrices.copyAll(net.params());
        Map<String, DMatrixRMaj> g = FastNumericalGradient.of(net, x, new int[] {1, 3});
        for (int j = 0; j < 5; j++) {
            assertEquals(0.0, g.get("W1").get(3, j));
        }
        for (String name : TwoLayerNet.PARAM_NAMES) {
            assertArrayEquals(before.get(name).data, net.params().get(name).data, 0.0, name);
        }
    }

    @Test
    void matchesOnThreeRealMnistSamplesAndIsFast() throws IOException {
        Assumptions.assumeTrue(MnistForTests.available(),
                "MNIST not found in " + MnistForTests.folder() + ": real-sample gradient check skipped");
        MnistForTests.Set train = MnistForTests.load("train", 3);
        TwoLayerNet net = new TwoLayerNet(784, 50, 10, 0.01, Activation.RELU, 7);
        long t0 = System.nanoTime();
        Map<String, DMatrixRMaj> fast = FastNumericalGradient.of(net, train.images(), train.labels());
        long fastNanos = System.nanoTime() - t0;
        long t1 = System.nanoTime();
        Map<String, DMatrixRMaj> plain = net.numericalGradient(train.images(), train.labels());
        long plainNanos = System.nanoTime() - t1;
        for (String name : TwoLayerNet.PARAM_NAMES) {
            assertArrayEquals(plain.get(name).data, fast.get(name).data, TOLERANCE, name);
        }
        // and it still checks backprop as the plain one does
        Map<String, DMatrixRMaj> backprop = net.gradient(train.images(), train.labels());
        for (String name : TwoLayerNet.PARAM_NAMES) {
            assertTrue(Matrices.meanAbsDiff(backprop.get(name), fast.get(name)) < 1e-6, name);
        }
        System.out.printf("numerical gradient, 784-50-10, 3 samples: fast %.1f ms, plain %.1f ms%n",
                fastNanos / 1e6, plainNanos / 1e6);
        assertTrue(fastNanos < plainNanos, "fast " + fastNanos + " ns, plain " + plainNanos + " ns");
    }

    @Test
    void rejectsMismatchedInput() {
        TwoLayerNet net = KernelFixtures.net(5, 3, 2, 0.1, 8);
        assertThrows(IllegalArgumentException.class,
                () -> FastNumericalGradient.of(net, new DMatrixRMaj(2, 4), new int[] {0, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> FastNumericalGradient.of(net, new DMatrixRMaj(2, 5), new int[] {0, 2}));
    }
}
