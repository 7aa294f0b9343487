package com.backpropexplorer.engine;

import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * Updates parameters in place from their gradients, like the optimizers of the book's
 * {@code common/optimizer.py} (§6.1): {@code update(params, grads)}.
 *
 * <p>An optimizer is written as two small parts that {@link #update} runs in turn: {@link #begin}
 * (the book's {@code if self.v is None: ...} that makes the state on the first call, and Adam's
 * {@code self.iter += 1}) and {@link #apply}, the update rule on a range of one parameter's
 * elements. The rule is element by element, so a faster training loop can apply it chunk by chunk,
 * even on two threads at once, and get the same numbers.
 *
 * <p>Two forms of {@code update}: the book's, with parameters and gradients matched by name (W1,
 * b1, W2, b2), and the training loop's, with parallel arrays. State (Momentum's v, AdaGrad's h,
 * Adam's m and v) is held per position; always pass the parameters in the same order. After the
 * first update the array form allocates nothing.
 */
public interface Optimizer {

    /** One update: every {@code params[k]} moves according to {@code grads[k]}, in place. */
    default void update(DMatrixRMaj[] params, DMatrixRMaj[] grads) {
        requireMatching(params, grads);
        begin(params);
        for (int k = 0; k < params.length; k++) {
            apply(k, params[k].data, grads[k].data, 0, params[k].getNumElements());
        }
    }

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

    /**
     * Starts one update of these parameters: makes the per-parameter state, zero, on the first
     * call, and counts the step where the rule needs it. Then {@link #apply} runs on every element.
     *
     * @throws IllegalArgumentException when the parameters are not shaped like the state
     */
    void begin(DMatrixRMaj[] params);

    /**
     * The update rule on elements {@code [from, to)} of parameter {@code k} (its position in the
     * array given to {@link #begin}). Disjoint ranges may be updated by different threads.
     */
    void apply(int k, double[] param, double[] grad, int from, int to);

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

    /**
     * The state for these parameters: {@code state} itself when it is already made (checked
     * against their shapes), else zero matrices shaped like them (the book's
     * {@code np.zeros_like(val)}).
     */
    static DMatrixRMaj[] zerosLike(DMatrixRMaj[] params, DMatrixRMaj[] state, String what) {
        if (state == null) {
            return zerosLike(params);
        }
        if (state.length != params.length) {
            throw new IllegalArgumentException(what + " is kept for " + state.length + " parameters, not "
                    + params.length + "; pass the parameters in the same order every time");
        }
        for (int i = 0; i < params.length; i++) {
            requireSameShape(params[i], state[i], what);
        }
        return state;
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
