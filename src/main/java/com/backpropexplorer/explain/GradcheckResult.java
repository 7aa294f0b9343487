package com.backpropexplorer.explain;

import java.util.Map;

/**
 * One gradient check, immutable: the book's mean |backprop − numerical| per parameter, the
 * largest per-element relative error, the relative errors of W1 and W2 element by element, and
 * how long the numerical gradient took.
 *
 * @param description e.g. "784-50-10, N = 3"
 * @param method which numerical gradient ran
 * @param meanAbsDiff W1, b1, W2, b2 → mean |a − b|
 * @param maxRelative W1, b1, W2, b2 → max |a − b| / max(|a|, |b|, ε)
 * @param relative W1, W2 → the relative error of each element
 * @param backprop W1, b1, W2, b2 → dL/dp by backprop (for hover)
 * @param numerical W1, b1, W2, b2 → dL/dp by central differences
 * @param kinks how many hidden inputs a1 (of N × hidden) lie within h of ReLU's kink at 0, where
 *     a central difference sees half a slope and disagrees with backprop for good reason
 */
public record GradcheckResult(String description, Gradcheck.Method method, Map<String, Double> meanAbsDiff,
                              Map<String, Double> maxRelative, Map<String, Tensor> relative,
                              Map<String, Tensor> backprop, Map<String, Tensor> numerical, long nanos, int kinks) {
}
