package com.backpropexplorer.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class WeightInitTest {

    @Test
    void xavierAndHeFollowTheNodesOfTheLayerBefore() {
        // §6.2.2: Xavier 1/√n, He √(2/n)
        assertEquals(1 / 28.0, WeightInit.XAVIER.std(784), 1e-15);
        assertEquals(Math.sqrt(2.0 / 784), WeightInit.HE.std(784), 1e-15);
        assertEquals(1 / Math.sqrt(50), WeightInit.XAVIER.std(50), 1e-15);
        assertEquals(0.2, WeightInit.HE.std(50), 1e-15);
        assertEquals(0.01, WeightInit.fixed(0.01).std(784));
    }

    @Test
    void parsesTheWordsAndNumbers() {
        assertEquals(WeightInit.XAVIER, WeightInit.parse("Xavier"));
        assertEquals(WeightInit.HE, WeightInit.parse(" he "));
        assertEquals(WeightInit.fixed(0.01), WeightInit.parse("0.01"));
        assertEquals(WeightInit.fixed(0), WeightInit.parse("0"));
        assertEquals("0.01", WeightInit.fixed(0.01).id());
        assertEquals("xavier", WeightInit.XAVIER.id());
        for (String bad : new String[] {"glorot", "-0.1", "NaN", "Infinity", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WeightInit.parse(bad));
            assertTrue(e.getMessage().contains("use xavier, he or a standard deviation"), e.getMessage());
        }
    }

    @Test
    void aFixedStdGivesTheWeightsOfTheBooksConstructor() {
        TwoLayerNet book = new TwoLayerNet(20, 7, 3, 0.01, Activation.RELU, 5);
        TwoLayerNet fixed = new TwoLayerNet(20, 7, 3, WeightInit.fixed(0.01), Activation.RELU, 5);
        for (String name : TwoLayerNet.PARAM_NAMES) {
            assertArrayEquals(book.params().get(name).data, fixed.params().get(name).data, name);
        }
    }

    @Test
    void theInitialWeightsHaveTheChosenSpreadPerLayer() {
        TwoLayerNet xavier = new TwoLayerNet(784, 50, 10, WeightInit.XAVIER, Activation.SIGMOID, 3);
        TwoLayerNet he = new TwoLayerNet(784, 50, 10, WeightInit.HE, Activation.RELU, 3);
        // 39,200 and 500 samples of a Gaussian: the sample std is within a few percent
        assertEquals(1 / 28.0, std(xavier.params().get("W1")), 0.02 / 28);
        assertEquals(1 / Math.sqrt(50), std(xavier.params().get("W2")), 0.1 / Math.sqrt(50));
        assertEquals(Math.sqrt(2.0 / 784), std(he.params().get("W1")), 0.02 * Math.sqrt(2.0 / 784));
        assertEquals(0.2, std(he.params().get("W2")), 0.02);
        assertEquals(0, std(he.params().get("b1")));
    }

    @Test
    void theConfigCarriesTheInitIntoItsNets() {
        TrainingConfig config = TrainingConfig.book(1).withWeightInit(WeightInit.HE);
        assertEquals(WeightInit.HE, config.weightInit());
        TwoLayerNet net = config.newNet(784, 10);
        assertEquals(Math.sqrt(2.0 / 784), std(net.params().get("W1")), 0.02 * Math.sqrt(2.0 / 784));
        assertEquals(WeightInit.fixed(0.01), TrainingConfig.book(1).weightInit(), "the book's weight_init_std");
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.book(1).withWeightInit(null));
    }

    private static double std(DMatrixRMaj m) {
        double mean = 0;
        for (double v : m.data) {
            mean += v;
        }
        mean /= m.data.length;
        double sq = 0;
        for (double v : m.data) {
            sq += (v - mean) * (v - mean);
        }
        return Math.sqrt(sq / m.data.length);
    }
}
