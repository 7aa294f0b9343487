package com.backpropexplorer.explain;

import com.backpropexplorer.explain.WeightProbe.Element;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * The loss of a net on a fixed batch as a function of its parameters, one element at a time:
 * what the weights panel moves, plots and steps. {@link WeightProbe} for a TwoLayerNet,
 * {@link SimpleProbe} for the book's simpleNet. Implementations own a private copy of the net
 * and are not thread-safe: one engine thread uses a probe.
 */
public interface ParameterProbe {

    /** The parameter names in the book's order: W1, b1, W2, b2 (or W). */
    List<String> paramNames();

    /** A copy of every parameter, by name. */
    Map<String, DMatrixRMaj> params();

    double get(Element e);

    /** Sets an element for good: later losses, traces and gradients use it. */
    void set(Element e, double value);

    /** Replaces all parameters (e.g. "reset" to the starting weights, or an SGD step). */
    void setAll(Map<String, DMatrixRMaj> params);

    /** The loss with the current weights. */
    double loss();

    /** The loss if the element had this value (the element itself is left as it is). */
    double lossAt(Element e, double value);

    /** The loss at each value of the element: the curve beside the slider. */
    default double[] lossCurve(Element e, double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = lossAt(e, values[i]);
        }
        return out;
    }

    /** loss[i][j] with a at aValues[i] and b at bValues[j]: the contour map's grid. */
    default double[][] lossGrid(Element a, double[] aValues, Element b, double[] bValues) {
        double oldA = get(a);
        double[][] out = new double[aValues.length][];
        try {
            for (int i = 0; i < aValues.length; i++) {
                set(a, aValues[i]);
                out[i] = lossCurve(b, bValues);
            }
        } finally {
            set(a, oldA);
        }
        return out;
    }

    /** All gradients by backpropagation at the current weights, by parameter name. */
    Map<String, DMatrixRMaj> backpropGradients();

    /** dL/dw by backpropagation. */
    default double backpropGradient(Element e) {
        return backpropGradients().get(e.param()).get(e.row(), e.col());
    }

    /** dL/dw by the book's central difference, h = 1e−4. */
    default double numericalGradient(Element e) {
        double w = get(e);
        double h = com.backpropexplorer.engine.NumericalGradient.H;
        return (lossAt(e, w + h) - lossAt(e, w - h)) / (2 * h);
    }

    /** A fresh trace of the current weights on the probe's batch. */
    Trace trace();

    /** Whether the element names a parameter of this net and lies inside it. */
    default boolean contains(Element e) {
        DMatrixRMaj p = params().get(e.param());
        return p != null && e.row() >= 0 && e.row() < p.numRows && e.col() >= 0 && e.col() < p.numCols;
    }
}
