package com.backpropexplorer.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.TwoLayerNet;
import com.backpropexplorer.explain.WeightProbe.Element;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WeightProbeTest {

    private static DMatrixRMaj randomInputs(Random random, int rows, int cols) {
        DMatrixRMaj x = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = random.nextDouble() < 0.6 ? 0 : random.nextDouble();
        }
        return x;
    }

    private static final List<Element> ELEMENTS = List.of(new Element("W1", 3, 2), new Element("b1", 0, 4),
            new Element("W2", 1, 2), new Element("b2", 0, 0));

    @ParameterizedTest
    @EnumSource(Activation.class)
    void lossAtAnyWeightEqualsTheEnginesLoss(Activation activation) {
        Random random = new Random(7);
        TwoLayerNet net = new TwoLayerNet(12, 6, 3, 0.5, activation, 3);
        DMatrixRMaj x = randomInputs(random, 9, 12);
        int[] labels = random.ints(9, 0, 3).toArray();
        WeightProbe probe = new WeightProbe(net, x, labels);
        for (Element e : ELEMENTS) {
            for (double w : new double[] {-2, -0.3, 0, 0.7, 3}) {
                TwoLayerNet reference = net.copy();
                reference.params().get(e.param()).set(e.row(), e.col(), w);
                assertEquals(reference.loss(x, labels), probe.lossAt(e, w), 1e-12, e + " = " + w);
            }
            assertEquals(net.params().get(e.param()).get(e.row(), e.col()), probe.get(e), 0.0,
                    "lossAt must leave the weight as it was");
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void setKeepsTheNewWeightAndTheTangentIsTheBackpropGradient(Activation activation) {
        Random random = new Random(11);
        TwoLayerNet net = new TwoLayerNet(12, 6, 3, 0.5, activation, 5);
        DMatrixRMaj x = randomInputs(random, 5, 12);
        int[] labels = random.ints(5, 0, 3).toArray();
        WeightProbe probe = new WeightProbe(net, x, labels);
        for (Element e : ELEMENTS) {
            probe.set(e, probe.get(e) + 0.25);
            assertEquals(probe.net().loss(x, labels), probe.loss(), 1e-12);
            // Not closer than ~1e-6: the loss has the book's 1e-7 guard inside the log, which
            // backprop's (y − t)/N leaves out, and central differences err by O(h²).
            assertEquals(probe.numericalGradient(e), probe.backpropGradient(e), 1e-6, e.toString());
        }
        Trace trace = probe.trace(Example.TINY);
        assertEquals(probe.loss(), trace.loss(), 1e-12);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void theGridIsTheCurveAtEveryFirstWeight(Activation activation) {
        Random random = new Random(2);
        TwoLayerNet net = new TwoLayerNet(12, 6, 3, 0.5, activation, 9);
        WeightProbe probe = new WeightProbe(net, randomInputs(random, 4, 12), new int[] {0, 1, 2, 1});
        Element a = new Element("W1", 0, 1);
        Element b = new Element("W2", 1, 0);
        double[] av = {-1, 0, 1};
        double[] bv = {-0.5, 0.5};
        double[][] grid = probe.lossGrid(a, av, b, bv);
        for (int i = 0; i < av.length; i++) {
            probe.set(a, av[i]);
            double[] curve = probe.lossCurve(b, bv);
            for (int j = 0; j < bv.length; j++) {
                assertEquals(curve[j], grid[i][j], 1e-12);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void containsExactlyTheElementsOfTheNetsParameters() {
        TwoLayerNet net = new TwoLayerNet(12, 6, 3, 0.5, Activation.RELU, 9);
        WeightProbe probe = new WeightProbe(net, randomInputs(new Random(5), 4, 12), new int[] {0, 1, 2, 0});
        for (Element e : ELEMENTS) {
            assertTrue(probe.contains(e), e.toString());
        }
        for (Element e : List.of(new Element("W1", 11, 5), new Element("b2", 0, 2), new Element("W2", 5, 2))) {
            assertTrue(probe.contains(e), "the last element " + e);
        }
        for (Element e : List.of(new Element("W1", 12, 0), new Element("W1", 0, 6), new Element("W1", -1, 0),
                new Element("b1", 1, 0), new Element("b2", 0, 3), new Element("W3", 0, 0))) {
            assertFalse(probe.contains(e), e.toString());
        }
    }

    /** The live trace (sparse first layer, shared snapshots) records what the plain Tracer records. */
    @ParameterizedTest
    @EnumSource(Activation.class)
    void theLiveTraceEqualsThePlainTrace(Activation activation) {
        Random random = new Random(13);
        TwoLayerNet net = new TwoLayerNet(12, 6, 3, 0.5, activation, 9);
        DMatrixRMaj x = randomInputs(random, 7, 12);
        int[] labels = random.ints(7, 0, 3).toArray();
        WeightProbe probe = new WeightProbe(net, x, labels);
        Trace before = probe.trace();
        for (Element e : ELEMENTS) {
            probe.set(e, probe.get(e) - 0.4);
            Trace live = probe.trace();
            Trace plain = Tracer.twoLayer(Example.TINY, probe.net(), x, labels);
            assertEquals(plain.loss(), live.loss(), 1e-12);
            assertEquals(plain.stages().size(), live.stages().size());
            assertEquals(plain.nodes(), live.nodes());
            assertEquals(plain.params().keySet(), live.params().keySet());
            for (String p : plain.params().keySet()) {
                assertClose(plain.params().get(p), live.params().get(p), p);
                if (!p.equals(e.param())) {
                    assertSame(before.params().get(p), live.params().get(p), p + " did not change: same snapshot");
                }
            }
            assertClose(plain.x(), live.x(), "x");
            assertClose(plain.t(), live.t(), "t");
            for (int s = 0; s < plain.stages().size(); s++) {
                Stage a = plain.stages().get(s);
                Stage b = live.stages().get(s);
                assertEquals(List.of(a.index(), a.direction(), a.layer(), a.kind()),
                        List.of(b.index(), b.direction(), b.layer(), b.kind()));
                List<List<Tensor>> as = List.of(a.inputs(), a.outputs(), a.cached(), a.gradients());
                List<List<Tensor>> bs = List.of(b.inputs(), b.outputs(), b.cached(), b.gradients());
                for (int k = 0; k < as.size(); k++) {
                    assertEquals(as.get(k).size(), bs.get(k).size(), a.layer() + " " + a.direction());
                    for (int t = 0; t < as.get(k).size(); t++) {
                        assertClose(as.get(k).get(t), bs.get(k).get(t), a.layer() + " " + a.direction());
                    }
                }
            }
            before = live;
        }
    }

    private static void assertClose(Tensor expected, Tensor actual, String what) {
        assertEquals(expected.name(), actual.name(), what);
        assertEquals(expected.shape(), actual.shape(), what + " " + expected.name());
        double[] a = expected.toArray();
        double[] b = actual.toArray();
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 1e-12, what + " " + expected.name() + "[" + i + "]");
        }
    }
}
