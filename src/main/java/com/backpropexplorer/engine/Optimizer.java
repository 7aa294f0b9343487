package com.backpropexplorer.engine;

import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * Updates parameters in place from their gradients, like the optimizers of the book's
 * {@code common/optimizer.py} (§6.1): {@code update(params, grads)}.
 *
 * <p>Two forms: the book's, with parameters and gradients matched by name (W1, b1, W2, b2), and
 * the training loop's, with parallel arrays. An optimizer may keep state per parameter
 * (Momentum's v, Adam's m and v), held per position and allocated on the first update; after
 * that the array form allocates nothing, so a loop can call it 10,000 times without feeding the
 * garbage collector. Always pass the parameters in the same order.
 */
public interface Optimizer {

    /** One step: {@code params[i]} moves according to {@code grads[i]}, in place. */
    void update(DMatrixRMaj[] params, DMatrixRMaj[] grads);

    /** The book's form: every {@code params[name]} moves according to {@code grads[name]}. */
    default void update(Map<String, DMatrixRMaj> params, Map<String, DMatrixRMaj> grads) {
        DMatrixRMaj[] p = new DMatrixRMaj[params.size()];
        DMatrixRMaj[] g = new DMatrixRMaj[params.size()];
        int i = 0;
        for (Map.Entry<String, DMatrixRMaj> entry : params.entrySet()) {
            p[i] = entry.getValue();
            g[i] = grads.get(entry.getKey());
            requireSameShape(p[i], g[i], "the gradient of " + entry.getKey());
            i++;
        }
        update(p, g);
    }

    /** The learning rate η this optimizer steps with. */
    double learningRate();

    /** Checks parallel arrays of parameters and gradients, so a mix-up fails loudly, not silently. */
    static void requireMatching(DMatrixRMaj[] params, DMatrixRMaj[] grads) {
        if (params.length != grads.length) {
            throw new IllegalArgumentException(params.length + " parameters but " + grads.length + " gradients");
        }
        for (int i = 0; i < params.length; i++) {
            requireSameShape(params[i], grads[i], "the gradient");
        }
    }

    /** Checks that {@code other} (a gradient or a piece of state) has the parameter's shape. */
    static void requireSameShape(DMatrixRMaj param, DMatrixRMaj other, String what) {
        if (other == null) {
            throw new IllegalArgumentException(what + " of a " + Matrices.shape(param) + " parameter is missing");
        }
        if (param.numRows != other.numRows || param.numCols != other.numCols) {
            throw new IllegalArgumentException(what + " is " + Matrices.shape(other) + " but its parameter is "
                    + Matrices.shape(param) + "; pass the parameters in the same order every time");
        }
    }

    /** Zero matrices shaped like the parameters, for per-parameter state. */
    static DMatrixRMaj[] zerosLike(DMatrixRMaj[] params) {
        DMatrixRMaj[] out = new DMatrixRMaj[params.length];
        for (int i = 0; i < params.length; i++) {
            out[i] = new DMatrixRMaj(params[i].numRows, params[i].numCols);
        }
        return out;
    }
}
