package com.backpropexplorer.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * The book's gradient check (§5.7.3): the mean of |backprop − numerical| for each parameter.
 * Backprop is right when these are tiny (the book gets about 1e−10 to 1e−7).
 */
public final class GradientCheck {
    private GradientCheck() {
    }

    /** Result: the two gradients and the mean absolute difference per parameter. */
    public record Result(Map<String, DMatrixRMaj> backprop, Map<String, DMatrixRMaj> numerical,
                         Map<String, Double> meanAbsDiff) {
    }

    /** Runs both gradients on the same batch of the same net (the net's weights end unchanged). */
    public static Result run(TwoLayerNet net, DMatrixRMaj x, int[] labels) {
        Map<String, DMatrixRMaj> numerical = net.numericalGradient(x, labels);
        Map<String, DMatrixRMaj> backprop = net.gradient(x, labels);
        return compare(backprop, numerical);
    }

    /** Mean |a − b| per name, in a's order. */
    public static Result compare(Map<String, DMatrixRMaj> backprop, Map<String, DMatrixRMaj> numerical) {
        Map<String, Double> diffs = new LinkedHashMap<>();
        backprop.forEach((name, g) -> diffs.put(name, Matrices.meanAbsDiff(g, numerical.get(name))));
        return new Result(backprop, numerical, diffs);
    }
}
