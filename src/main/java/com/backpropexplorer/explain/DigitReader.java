package com.backpropexplorer.explain;

import com.backpropexplorer.data.DigitPreprocessor;
import com.backpropexplorer.data.ModelData;
import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.Layer;
import com.backpropexplorer.engine.SoftmaxWithLoss;
import com.backpropexplorer.engine.TwoLayerNet;
import java.util.Arrays;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * Reads one digit with a TwoLayerNet: the 28×28 input, the hidden layer's activations and the
 * ten class probabilities (softmax of the scores), as the digit canvas and the {@code predict}
 * command show them.
 *
 * <p>Owns a private copy of the net; like the net it is not thread-safe: one thread uses a
 * reader (see the threading rule in DESIGN.md).
 */
public final class DigitReader {
    private final TwoLayerNet net;

    /** A reader with its own copy of {@code net}. */
    public DigitReader(TwoLayerNet net) {
        if (net.inputSize() != DigitPreprocessor.SIDE * DigitPreprocessor.SIDE) {
            throw new IllegalArgumentException("the net takes " + net.inputSize() + " inputs, not "
                    + DigitPreprocessor.SIDE * DigitPreprocessor.SIDE + " (28×28 pixels)");
        }
        this.net = net.copy();
    }

    /** The net a model file describes; the activation is the file's, ReLU when it does not say. */
    public static TwoLayerNet netOf(ModelData model) {
        String activation = model.metadata().getOrDefault(ModelData.ACTIVATION, "relu");
        return TwoLayerNet.fromParams(model.params(), Activation.parse(activation));
    }

    /** A copy of the net this reader uses (e.g. for a lesson on the same digit). */
    public TwoLayerNet net() {
        return net.copy();
    }

    /**
     * What the net makes of one preprocessed digit.
     *
     * @param pixels the 784 inputs, row-major 28×28, ink 1
     * @param hidden the hidden layer's activations (after ReLU or sigmoid)
     * @param probabilities softmax of the scores, one per class
     * @param digit the most probable class
     * @param empty whether there was no ink (then the probabilities mean little)
     */
    public record Reading(double[] pixels, double[] hidden, double[] probabilities, int digit, boolean empty) {
        /** The probability of the predicted class. */
        public double confidence() {
            return probabilities[digit];
        }
    }

    /** Reads a preprocessed digit. */
    public Reading read(DigitPreprocessor.Digit digit) {
        DMatrixRMaj out = digit.asRow();
        DMatrixRMaj hidden = null;
        String activationLayer = net.activation().layerName();
        for (Map.Entry<String, Layer> layer : net.layers().entrySet()) {
            out = layer.getValue().forward(out);
            if (layer.getKey().equals(activationLayer)) {
                hidden = out;
            }
        }
        double[] probabilities = Arrays.copyOf(SoftmaxWithLoss.softmax(out).data, out.numCols);
        int best = 0;
        for (int k = 1; k < probabilities.length; k++) {
            if (probabilities[k] > probabilities[best]) {
                best = k;
            }
        }
        return new Reading(digit.pixels().clone(), Arrays.copyOf(hidden.data, hidden.numCols), probabilities, best,
                digit.empty());
    }

    /** Preprocesses ink (width·height values in [0, 1], 0 = paper) the MNIST way and reads it. */
    public Reading read(double[] ink, int width, int height) {
        return read(DigitPreprocessor.preprocess(ink, width, height));
    }
}
