package com.backpropexplorer.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.TwoLayerNet;
import com.backpropexplorer.engine.WeightInit;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The §6.2 histogram's bins against a count written out here: h = activation(x·W1 + b1), bin ⌊20 h⌋. */
class ActivationHistogramTest {

    @Test
    void theBinsAreTheHiddenActivationsCountedDirectly() {
        for (Activation activation : Activation.values()) {
            for (WeightInit init : new WeightInit[] {WeightInit.fixed(0.01), WeightInit.XAVIER, WeightInit.HE}) {
                TwoLayerNet net = new TwoLayerNet(64, 17, 3, init, activation, 11);
                // biases away from 0, as after training
                Random random = new Random(5);
                DMatrixRMaj b1 = net.params().get("b1");
                for (int c = 0; c < b1.numCols; c++) {
                    b1.data[c] = random.nextGaussian() * 0.3;
                }
                DMatrixRMaj x = new DMatrixRMaj(40, 64);
                for (int i = 0; i < x.data.length; i++) {
                    x.data[i] = random.nextDouble() < 0.8 ? 0 : random.nextDouble() * 4; // some sums above 1
                }
                int[] expected = new int[ActivationHistogram.BINS];
                int above = 0;
                DMatrixRMaj w1 = net.params().get("W1");
                for (int r = 0; r < x.numRows; r++) {
                    for (int c = 0; c < w1.numCols; c++) {
                        double z = b1.get(0, c);
                        for (int k = 0; k < x.numCols; k++) {
                            z += x.get(r, k) * w1.get(k, c);
                        }
                        double h = activation == Activation.RELU ? Math.max(0, z) : 1 / (1 + Math.exp(-z));
                        if (h >= 1) {
                            above++;
                            expected[ActivationHistogram.BINS - 1]++;
                        } else {
                            expected[(int) (h * 20)]++;
                        }
                    }
                }
                ActivationHistogram histogram = ActivationHistogram.of(net, x);
                String what = activation + " " + init;
                assertArrayEquals(expected, histogram.counts(), what);
                assertEquals(above, histogram.overflow(), what);
                assertEquals(40 * 17, histogram.total(), what);
                double sum = histogram.overflowShare();
                for (int b = 0; b < ActivationHistogram.BINS; b++) {
                    sum += histogram.shareInRange(b);
                    assertEquals((double) expected[b] / (40 * 17), histogram.share(b), 1e-15, what);
                }
                assertEquals(1, sum, 1e-12, "the bins of [0, 1) and what is above 1 hold every activation");
                if (activation == Activation.RELU && init.kind() == WeightInit.Kind.HE) {
                    assertTrue(above > 0, "the test reaches above 1");
                }
            }
        }
    }
}
