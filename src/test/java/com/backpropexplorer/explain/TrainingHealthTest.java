package com.backpropexplorer.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.TwoLayerNet;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class TrainingHealthTest {

    @Test
    void theUpdateRatioIsTheNormOfTheChangeOverTheNormOfTheWeights() {
        DMatrixRMaj before = new DMatrixRMaj(new double[][] {{3, 4}});
        DMatrixRMaj after = new DMatrixRMaj(new double[][] {{3, 4.05}});
        // ‖Δ‖ = 0.05, ‖W‖ = √(9 + 16.4025)
        assertEquals(Math.log10(0.05 / Math.sqrt(9 + 4.05 * 4.05)), TrainingHealth.log10Ratio(before, after), 1e-12);
        assertTrue(Double.isNaN(TrainingHealth.log10Ratio(before, before.copy())), "no change: no value");
        assertTrue(Double.isNaN(TrainingHealth.log10Ratio(new DMatrixRMaj(1, 2), new DMatrixRMaj(1, 2))));
    }

    @Test
    void measuresEveryNthUpdateAgainstTheWeightsJustBeforeIt() {
        TwoLayerNet net = new TwoLayerNet(3, 2, 2, 0.5, Activation.RELU, 1);
        DMatrixRMaj probe = new DMatrixRMaj(new double[][] {{1, 0, 0}, {0, 1, 0}});
        TrainingHealth health = new TrainingHealth(net, probe, 4);
        double normAt4 = 0;
        for (int i = 0; i < 12; i++) {
            DMatrixRMaj w1 = net.params().get("W1");
            w1.data[0] += i == 4 || i == 8 ? 0.1 : 1.0; // a small step at the measured updates
            net.params().get("b1").data[0] = 1;
            if (i == 4) {
                normAt4 = frobenius(net.params().get("W1"));
            }
            health.afterUpdate(i);
        }
        TrainingHealth.Series s = health.snapshot();
        assertArrayEquals(new int[] {4, 8}, s.iterations());
        assertEquals(Math.log10(0.1 / normAt4), s.log10Ratio()[0][0], 1e-9, "only the 0.1 of update 4 counts");
        assertTrue(Double.isNaN(s.log10Ratio()[2][0]), "W2 never moved");
    }

    @Test
    void deadUnitsNeverFireOnTheBatch() {
        DMatrixRMaj w1 = new DMatrixRMaj(new double[][] {{1, -1, 0, 2}, {1, -1, 0, -5}});
        DMatrixRMaj b1 = new DMatrixRMaj(new double[][] {{0, 0, -0.1, 0}});
        TwoLayerNet net = new TwoLayerNet(w1, b1, new DMatrixRMaj(4, 2), new DMatrixRMaj(1, 2), Activation.RELU);
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, 0}, {0, 1}});
        // unit 0 fires, 1 never (−1), 2 never (−0.1), 3 fires on the first sample (2) only
        assertEquals(0.5, TrainingHealth.deadShare(net, x));
        TwoLayerNet sigmoid = new TwoLayerNet(w1, b1, new DMatrixRMaj(4, 2), new DMatrixRMaj(1, 2), Activation.SIGMOID);
        assertTrue(Double.isNaN(TrainingHealth.deadShare(sigmoid, x)));
    }

    @Test
    void histogramsCountActivationsInTwentyBinsOverZeroToOne() {
        DMatrixRMaj w1 = new DMatrixRMaj(new double[][] {{0.01, 0.52, 3, -1}});
        TwoLayerNet net = new TwoLayerNet(w1, new DMatrixRMaj(1, 4), new DMatrixRMaj(4, 2), new DMatrixRMaj(1, 2),
                Activation.RELU);
        ActivationHistogram h = ActivationHistogram.of(net, new DMatrixRMaj(new double[][] {{1}}));
        assertEquals(4, h.total());
        assertEquals(2, h.counts()[0], "0.01 and the ReLU's 0");
        assertEquals(1, h.counts()[10], "0.52");
        assertEquals(1, h.counts()[19], "3 goes to the last bin");
        assertEquals(1, h.overflow());
        assertEquals(0.5, h.share(0));
    }

    private static double frobenius(DMatrixRMaj m) {
        double s = 0;
        for (double v : m.data) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
