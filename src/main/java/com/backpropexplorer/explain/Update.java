package com.backpropexplorer.explain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the update stage did, measured on the same batch: every parameter before and after
 * {@code W ← W − η·dW}, the loss before and after, and each sample's probability of its true
 * class before and after (the softmax output y at the label).
 *
 * @param learningRate η
 * @param lossBefore the loss of the pass (the forward stages' L)
 * @param lossAfter the loss of a forward pass with the updated parameters, same batch
 * @param trueClassBefore N×1: y[r][t_r] before the update
 * @param trueClassAfter N×1: y[r][t_r] after it
 * @param before the parameters the pass used, by name (W1, b1, W2, b2 or W)
 * @param after the updated parameters under the same names
 */
public record Update(double learningRate, double lossBefore, double lossAfter, Tensor trueClassBefore,
                     Tensor trueClassAfter, Map<String, Tensor> before, Map<String, Tensor> after) {
    public Update {
        before = Collections.unmodifiableMap(new LinkedHashMap<>(before));
        after = Collections.unmodifiableMap(new LinkedHashMap<>(after));
    }

    /** lossAfter − lossBefore: negative when the step went downhill. */
    public double lossChange() {
        return lossAfter - lossBefore;
    }
}
