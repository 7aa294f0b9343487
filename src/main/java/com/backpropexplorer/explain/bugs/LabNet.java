package com.backpropexplorer.explain.bugs;

import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.Affine;
import com.backpropexplorer.engine.Layer;
import com.backpropexplorer.engine.Relu;
import com.backpropexplorer.engine.Sigmoid;
import com.backpropexplorer.engine.TwoLayerNet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * A copy of a TwoLayerNet with one layer swapped for a buggy one: Affine1, the activation,
 * Affine2 and the loss layer, run forward and backward the way {@code TwoLayerNet.gradient}
 * runs them. Only backward differs from the net it copies.
 */
final class LabNet {
    private final Map<String, DMatrixRMaj> params = new LinkedHashMap<>();
    private final List<Layer> layers = new ArrayList<>();
    private final LossLayer lastLayer;

    LabNet(TwoLayerNet source, PlantedBug bug) {
        source.params().forEach((name, value) -> params.put(name, value.copy()));
        layers.add(affine("Affine1", bug));
        layers.add(activation(source.activation(), bug));
        layers.add(affine("Affine2", bug));
        lastLayer = switch (bug) {
            case BUG_C -> new BuggyLayers.SoftmaxWithoutBatchDivision();
            case BUG_E -> new BuggyLayers.SoftmaxWithoutLabels();
            default -> new BuggyLayers.RightSoftmax();
        };
    }

    private Layer affine(String name, PlantedBug bug) {
        String n = name.substring(name.length() - 1);
        DMatrixRMaj w = params.get("W" + n);
        DMatrixRMaj b = params.get("b" + n);
        return bug == PlantedBug.BUG_A ? new BuggyLayers.AffineDbFromOneSample(name, w, b) : new Affine(name, w, b);
    }

    private static Layer activation(Activation activation, PlantedBug bug) {
        String name = activation.layerName();
        if (activation == Activation.RELU) {
            return bug == PlantedBug.BUG_B ? new BuggyLayers.ReluInvertedMask(name) : new Relu(name);
        }
        return bug == PlantedBug.BUG_D ? new BuggyLayers.SigmoidWithoutOneMinusY(name) : new Sigmoid(name);
    }

    /** The book's gradient(): loss (forward, filling the caches), then backward through every layer. */
    Map<String, DMatrixRMaj> gradient(DMatrixRMaj x, int[] labels) {
        DMatrixRMaj out = x;
        for (Layer layer : layers) {
            out = layer.forward(out);
        }
        lastLayer.forward(out, labels);
        DMatrixRMaj dout = lastLayer.backward(1.0);
        List<Layer> reversed = new ArrayList<>(layers);
        Collections.reverse(reversed);
        for (Layer layer : reversed) {
            dout = layer.backward(dout);
        }
        Map<String, DMatrixRMaj> affine1 = layers.get(0).gradients();
        Map<String, DMatrixRMaj> affine2 = layers.get(2).gradients();
        Map<String, DMatrixRMaj> grads = new LinkedHashMap<>(); // W1, b1, W2, b2, the book's order
        grads.put("W1", affine1.get("dW"));
        grads.put("b1", affine1.get("db"));
        grads.put("W2", affine2.get("dW"));
        grads.put("b2", affine2.get("db"));
        return grads;
    }
}
