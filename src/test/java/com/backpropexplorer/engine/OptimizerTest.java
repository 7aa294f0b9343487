package com.backpropexplorer.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Each optimizer against updates worked out by hand from the book's formulas. */
class OptimizerTest {

    private static Map<String, DMatrixRMaj> named(double... values) {
        Map<String, DMatrixRMaj> m = new LinkedHashMap<>();
        m.put("W", Matrices.row(values));
        return m;
    }

    @Test
    void sgdSubtractsLearningRateTimesGradient() {
        Map<String, DMatrixRMaj> params = named(1.0, -2.0, 0.5);
        new Sgd(0.1).update(params, named(0.5, -1.0, 0.0));
        // W − 0.1·g
        assertArrayEquals(new double[] {0.95, -1.9, 0.5}, params.get("W").data, 1e-15);
    }

    @Test
    void sgdDefaultsToTheBooksLearningRate() {
        assertEquals(0.1, new Sgd().learningRate());
    }

    @Test
    void momentumAccumulatesVelocity() {
        Map<String, DMatrixRMaj> params = named(1.0);
        Momentum momentum = new Momentum(0.1, 0.9);
        momentum.update(params, named(2.0));
        // v = 0.9·0 − 0.1·2 = −0.2; W = 1 − 0.2 = 0.8
        assertEquals(0.8, params.get("W").get(0), 1e-15);
        assertEquals(-0.2, momentum.velocity(0).get(0), 1e-15);
        momentum.update(params, named(1.0));
        // v = 0.9·(−0.2) − 0.1·1 = −0.28; W = 0.8 − 0.28 = 0.52
        assertEquals(-0.28, momentum.velocity(0).get(0), 1e-15);
        assertEquals(0.52, params.get("W").get(0), 1e-15);
    }

    @Test
    void momentumHasTheBooksDefaults() {
        Momentum m = new Momentum();
        assertEquals(0.01, m.learningRate());
        assertEquals(0.9, m.momentum());
    }

    @Test
    void adamFollowsTheBooksBiasCorrectedForm() {
        Map<String, DMatrixRMaj> params = named(1.0, 1.0);
        Adam adam = new Adam(); // lr 0.001, β1 0.9, β2 0.999
        adam.update(params, named(0.5, -2.0));
        // step 1: lr_t = 0.001·√(1−0.999)/(1−0.9); m = 0.1·g; v = 0.001·g²
        // W − lr_t·m/(√v + 1e−7) = W − lr_t·0.1·g/(√0.001·|g| + 1e−7)
        double lrT1 = 0.001 * Math.sqrt(1 - 0.999) / (1 - 0.9);
        double expected0 = 1.0 - lrT1 * 0.05 / (Math.sqrt(0.001 * 0.25) + 1e-7);
        double expected1 = 1.0 - lrT1 * -0.2 / (Math.sqrt(0.001 * 4.0) + 1e-7);
        assertArrayEquals(new double[] {expected0, expected1}, params.get("W").data, 1e-15);
        // the first step moves each weight by about lr, whatever the gradient's size
        assertEquals(-0.001, expected0 - 1.0, 1e-7);
        assertEquals(0.001, expected1 - 1.0, 1e-7);

        adam.update(params, named(0.5, -2.0));
        // step 2: m = 0.1g + 0.9·0.1g... m ← m + 0.1(g − m) = 0.19g; v ← v + 0.001(g² − v) = 0.001999g²
        double lrT2 = 0.001 * Math.sqrt(1 - 0.999 * 0.999) / (1 - 0.9 * 0.9);
        double second0 = expected0 - lrT2 * (0.19 * 0.5) / (Math.sqrt(0.001999 * 0.25) + 1e-7);
        assertEquals(second0, params.get("W").get(0), 1e-15);
        assertEquals(2, adam.step());
    }

    @Test
    void adaGradDividesByTheRootOfTheSummedSquares() {
        Map<String, DMatrixRMaj> params = named(1.0, 1.0);
        AdaGrad adaGrad = new AdaGrad(0.1);
        adaGrad.update(params, named(0.5, -2.0));
        // h = g²; W − 0.1·g / (|g| + 1e−7): the first step moves each weight by about lr
        assertArrayEquals(new double[] {1.0 - 0.1 * 0.5 / (0.5 + 1e-7), 1.0 + 0.1 * 2.0 / (2.0 + 1e-7)},
                params.get("W").data, 1e-15);
        assertEquals(0.25, adaGrad.squaredGradientSum(0).get(0), 0.0);
        adaGrad.update(params, named(0.5, 0.0));
        // h = 0.25 + 0.25 = 0.5: the same gradient now moves W by 0.1·0.5/√0.5, less than before
        assertEquals(1.0 - 0.1 * 0.5 / (0.5 + 1e-7) - 0.1 * 0.5 / (Math.sqrt(0.5) + 1e-7), params.get("W").get(0), 1e-15);
        assertEquals(1.0 + 0.1 * 2.0 / (2.0 + 1e-7), params.get("W").get(1), 1e-15, "a zero gradient moves nothing");
        assertEquals(0.01, new AdaGrad().learningRate(), "the book's default");
    }

    /** Updating in pieces (as a parallel training step does) is the one-call update, bit for bit. */
    @Test
    void anUpdateAppliedRangeByRangeIsTheWholeUpdate() {
        java.util.Random random = new java.util.Random(3);
        for (Optimizer[] twins : new Optimizer[][] {{new Sgd(0.1), new Sgd(0.1)},
                {new Momentum(0.1, 0.9), new Momentum(0.1, 0.9)}, {new AdaGrad(0.1), new AdaGrad(0.1)},
                {new Adam(0.01, 0.9, 0.999), new Adam(0.01, 0.9, 0.999)}}) {
            DMatrixRMaj[] whole = {new DMatrixRMaj(7, 5), new DMatrixRMaj(1, 5)};
            DMatrixRMaj[] pieces = {new DMatrixRMaj(7, 5), new DMatrixRMaj(1, 5)};
            DMatrixRMaj[] grads = {new DMatrixRMaj(7, 5), new DMatrixRMaj(1, 5)};
            for (int step = 0; step < 5; step++) {
                for (DMatrixRMaj g : grads) {
                    for (int i = 0; i < g.data.length; i++) {
                        g.data[i] = random.nextGaussian();
                    }
                }
                twins[0].update(whole, grads);
                twins[1].begin(pieces);
                twins[1].apply(0, pieces[0].data, grads[0].data, 20, 35);
                twins[1].apply(1, pieces[1].data, grads[1].data, 0, 5);
                twins[1].apply(0, pieces[0].data, grads[0].data, 0, 20);
                for (int k = 0; k < whole.length; k++) {
                    assertArrayEquals(whole[k].data, pieces[k].data, 0.0, twins[0] + " step " + step);
                }
            }
        }
    }

    @Test
    void theStateFollowsTheParametersGivenFirst() {
        DMatrixRMaj[] params = {new DMatrixRMaj(2, 3)};
        Momentum momentum = new Momentum();
        momentum.update(params, new DMatrixRMaj[] {new DMatrixRMaj(2, 3)});
        assertThrows(IllegalArgumentException.class,
                () -> momentum.update(new DMatrixRMaj[] {new DMatrixRMaj(3, 2)}, new DMatrixRMaj[] {new DMatrixRMaj(3, 2)}));
    }

    @Test
    void shapesMustMatch() {
        Map<String, DMatrixRMaj> params = named(1.0, 2.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Sgd().update(params, named(1.0)));
        assertTrue(e.getMessage().contains("W"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Sgd().update(params, Map.of()));
    }

    @Test
    void optimizerKindsCreateTheBooksOptimizers() {
        assertTrue(OptimizerKind.SGD.create(0.1) instanceof Sgd);
        assertTrue(OptimizerKind.parse("Momentum").create(0.01) instanceof Momentum);
        assertTrue(OptimizerKind.parse("adam").create(0.001) instanceof Adam);
        assertTrue(OptimizerKind.parse("AdaGrad").create(0.01) instanceof AdaGrad);
        assertEquals(0.01, OptimizerKind.ADAGRAD.defaultLearningRate(), "common/optimizer.py's AdaGrad(lr=0.01)");
        assertEquals(0.05, OptimizerKind.ADAGRAD.create(0.05).learningRate());
        assertEquals(0.001, OptimizerKind.ADAM.defaultLearningRate());
        assertThrows(IllegalArgumentException.class, () -> OptimizerKind.parse("rmsprop"));
    }

    /** After the first call (which allocates the state), steps must not allocate. */
    @Test
    void updatesAllocateNothingInSteadyState() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        TwoLayerNet net = new TwoLayerNet(20, 10, 5, 0.01, Activation.RELU, 1);
        DMatrixRMaj[] params = net.params().values().toArray(new DMatrixRMaj[0]);
        DMatrixRMaj[] grads = Matrices.copyAll(net.params()).values().toArray(new DMatrixRMaj[0]);
        for (Optimizer optimizer : new Optimizer[] {new Sgd(1e-9), new Momentum(1e-9, 0.9), new AdaGrad(1e-9), new Adam(1e-9, 0.9, 0.999)}) {
            for (int i = 0; i < 20_000; i++) { // warm up so the JIT has compiled the loop
                optimizer.update(params, grads);
            }
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 10_000; i++) {
                optimizer.update(params, grads);
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertTrue(allocated < 10_000, optimizer + " allocated " + allocated + " bytes in 10,000 updates");
        }
    }
}
