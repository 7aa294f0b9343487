package com.backpropexplorer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.data.MnistDataset;
import com.backpropexplorer.data.SharedMnist;
import org.junit.jupiter.api.Test;

/** The book's gradient check (§5.7.3, gradient_check.py) on the real first 3 training images, 784-50-10. */
class MnistGradientCheckTest {

    @Test
    void backpropAgreesWithNumericalGradientOnThreeRealDigits() {
        MnistDataset train = SharedMnist.get().train();
        MnistDataset three = train.head(3);
        TwoLayerNet net = new TwoLayerNet(784, 50, 10, 0.01, Activation.RELU, 1);
        GradientCheck.Result result = GradientCheck.run(net, three.images(), three.labels());

        assertEquals(TwoLayerNet.PARAM_NAMES, java.util.List.copyOf(result.meanAbsDiff().keySet()));
        result.meanAbsDiff().forEach((name, diff) ->
                assertTrue(diff < 1e-6, name + ": mean |backprop − numerical| = " + diff));
    }
}
