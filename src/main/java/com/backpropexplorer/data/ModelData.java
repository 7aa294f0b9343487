package com.backpropexplorer.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * The content of a model file: named float64 matrices in order (for the book's TwoLayerNet
 * {@code W1} input×hidden, {@code b1} 1×hidden, {@code W2} hidden×output, {@code b2} 1×output)
 * and a few text properties such as {@code "activation" -> "relu"}.
 *
 * <p>The maps are unmodifiable copies; the matrices themselves are not copied.
 *
 * @param params the parameters in order, names as in the book's {@code params} dict
 * @param metadata text properties; the NumPy format cannot store them and loads none
 */
public record ModelData(Map<String, DMatrixRMaj> params, Map<String, String> metadata) {
    /** Metadata key for the hidden layers' activation function ("relu" or "sigmoid"). */
    public static final String ACTIVATION = "activation";

    /** Copies the maps, keeping the parameters' order. */
    public ModelData {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** The parameter called {@code name}, or null. */
    public DMatrixRMaj param(String name) {
        return params.get(name);
    }
}
