package com.backpropexplorer.engine;

import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * One node of the computational graph, shaped like the book's {@code common/layers.py}:
 * {@code forward} computes the output and caches what {@code backward} will need;
 * {@code backward} takes the upstream gradient {@code dout} and returns {@code dx}.
 */
public interface Layer {

    /** The name the book gives this layer in {@code TwoLayerNet.layers}, e.g. {@code Affine1}. */
    String name();

    /** out = f(x); fills this layer's cache. The argument is not modified. */
    DMatrixRMaj forward(DMatrixRMaj x);

    /**
     * dx = dout · ∂out/∂x, read from the cache that {@link #forward} filled. The argument is not
     * modified.
     *
     * @throws EmptyCacheException if forward has not run yet
     */
    DMatrixRMaj backward(DMatrixRMaj dout);

    /** Copies of what forward cached (empty before the first forward), in a stable order. */
    Map<String, DMatrixRMaj> cache();

    /** Copies of the parameter gradients produced by the last backward (dW, db), or empty. */
    default Map<String, DMatrixRMaj> gradients() {
        return Map.of();
    }
}
