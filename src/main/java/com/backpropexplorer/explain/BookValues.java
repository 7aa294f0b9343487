package com.backpropexplorer.explain;

import java.util.List;

/**
 * What the book prints for a lesson, beside what this app computes, so the learner can hold
 * them side by side: simpleNet's predict, loss and dW (§4.4.2, p. 111), the shopping graphs'
 * prices and gradients (§5.4).
 *
 * @param source where the book prints them, e.g. "§4.4.2, p. 111"
 * @param values one entry per printed value
 */
public record BookValues(String source, List<Value> values) {
    public BookValues {
        values = List.copyOf(values);
    }

    /**
     * One printed value and ours.
     *
     * @param name what the book calls it: {@code net.predict(x)}, {@code loss}, {@code dW}, {@code dapple}
     * @param printedText the value exactly as the book prints it, e.g. {@code 0.92806853663411326}
     * @param printed the same as numbers
     * @param ours ours, same shape
     * @param where where ours is found in the pass (for highlighting), or null when it is not a
     *     tensor of the pass (the loss without the 1e−7)
     * @param noteKey a sentence of the explain bundle about the comparison, or null
     */
    public record Value(String name, String printedText, Tensor printed, Tensor ours, ValueRef where, String noteKey) {
        /** The largest |printed − ours| over the elements. */
        public double maxAbsDifference() {
            double max = 0;
            for (int i = 0; i < printed.size(); i++) {
                max = Math.max(max, Math.abs(printed.at(i) - ours.at(i)));
            }
            return max;
        }
    }

    /** The entry of that name. */
    public Value value(String name) {
        return values.stream().filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the book prints no " + name + " here"));
    }
}
