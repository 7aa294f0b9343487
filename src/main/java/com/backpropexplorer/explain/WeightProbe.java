package com.backpropexplorer.explain;

import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.Matrices;
import com.backpropexplorer.engine.NumericalGradient;
import com.backpropexplorer.engine.SoftmaxWithLoss;
import com.backpropexplorer.engine.TwoLayerNet;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The loss as a function of one or two weights, everything else fixed: what a slider, the
 * loss curve with its tangent and the contour map show.
 *
 * <p>Moving one element changes little: W1[i][j] or b1[j] only change hidden unit j, and
 * W2 or b2 only the output layer. So the probe keeps the batch's hidden activations and
 * recomputes just the unit that moved and the small output layer, instead of a full forward
 * pass (for 784-50-10 on 100 samples about 50 times less work). The result equals
 * {@link TwoLayerNet#loss} up to rounding (tested).
 *
 * <p>It owns a private copy of the net; not thread-safe (one engine thread uses it).
 */
public final class WeightProbe {

    /** One element of a parameter: W1[row][col], b1[0][col], ... */
    public record Element(String param, int row, int col) {
        @Override
        public String toString() {
            return param.startsWith("b") ? param + "[" + col + "]" : param + "[" + row + "][" + col + "]";
        }
    }

    private final TwoLayerNet net;
    private final DMatrixRMaj x;
    private final int[] labels;
    private final DMatrixRMaj a1;
    private final DMatrixRMaj h1;
    private final DMatrixRMaj scores;
    private final double[] scoreScratch;

    /** @param source copied; x N×inputs; one label per row */
    public WeightProbe(TwoLayerNet source, DMatrixRMaj x, int[] labels) {
        this.net = source.copy();
        this.x = x.copy();
        this.labels = labels.clone();
        int n = x.numRows;
        this.a1 = new DMatrixRMaj(n, net.hiddenSize());
        this.h1 = new DMatrixRMaj(n, net.hiddenSize());
        this.scores = new DMatrixRMaj(n, net.outputSize());
        this.scoreScratch = new double[net.outputSize()];
        recompute();
    }

    /** The probe's own copy of the net (live: {@link #set} changes it). */
    public TwoLayerNet net() {
        return net;
    }

    public DMatrixRMaj x() {
        return x;
    }

    public int[] labels() {
        return labels.clone();
    }

    /** The current value of an element. */
    public double get(Element e) {
        return param(e).get(e.row(), e.col());
    }

    /** Sets an element for good: later losses, traces and gradients use it. */
    public void set(Element e, double value) {
        param(e).set(e.row(), e.col(), value);
        refresh(e);
    }

    /** Replaces all parameters (e.g. "reset" to the starting weights). */
    public void setAll(Map<String, DMatrixRMaj> params) {
        params.forEach((name, value) -> net.params().get(name).setTo(value));
        recompute();
    }

    /** The loss with the current weights. */
    public double loss() {
        return lossOf(scores);
    }

    /** The loss if the element had this value (the element itself is left as it is). */
    public double lossAt(Element e, double value) {
        double old = get(e);
        set(e, value);
        try {
            return loss();
        } finally {
            set(e, old);
        }
    }

    /** The loss at each value of the element: the curve beside the slider. */
    public double[] lossCurve(Element e, double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = lossAt(e, values[i]);
        }
        return out;
    }

    /** loss[i][j] with a at aValues[i] and b at bValues[j]: the contour map's grid. */
    public double[][] lossGrid(Element a, double[] aValues, Element b, double[] bValues) {
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

    /** dL/dw by backpropagation through the book's layers (a full forward and backward). */
    public double backpropGradient(Element e) {
        return backpropGradients().get(e.param()).get(e.row(), e.col());
    }

    /** All four gradients by backpropagation, at the current weights. */
    public Map<String, DMatrixRMaj> backpropGradients() {
        return net.gradient(x, labels);
    }

    /** dL/dw by the book's central difference, h = 1e−4. */
    public double numericalGradient(Element e) {
        double w = get(e);
        double h = NumericalGradient.H;
        return (lossAt(e, w + h) - lossAt(e, w - h)) / (2 * h);
    }

    /** A fresh trace of the current weights on the probe's batch. */
    public Trace trace(Example example) {
        return Tracer.twoLayer(example, net, x, labels);
    }

    private DMatrixRMaj param(Element e) {
        DMatrixRMaj p = net.params().get(e.param());
        if (p == null) {
            throw new IllegalArgumentException("no parameter " + e.param());
        }
        return p;
    }

    /**
     * Recomputes what the element feeds: hidden unit j for W1[i][j] or b1[j] (N·inputs work),
     * then the scores (N·hidden·classes). Exact, so no rounding drift builds up over many
     * slider events.
     */
    private void refresh(Element e) {
        if (e.param().equals("W1") || e.param().equals("b1")) {
            refreshHiddenUnit(e.col());
        }
        CommonOps_DDRM.mult(h1, net.params().get("W2"), scores);
        Matrices.addRowInPlace(scores, net.params().get("b2"));
    }

    private void refreshHiddenUnit(int j) {
        DMatrixRMaj w1 = net.params().get("W1");
        double bias = net.params().get("b1").get(0, j);
        int inputs = x.numCols;
        int hidden = a1.numCols;
        for (int r = 0; r < x.numRows; r++) {
            double a = 0;
            int base = r * inputs;
            for (int i = 0; i < inputs; i++) {
                a += x.data[base + i] * w1.data[i * hidden + j];
            }
            a += bias;
            a1.data[r * hidden + j] = a;
            h1.data[r * hidden + j] = activate(a);
        }
    }

    private double activate(double a) {
        return net.activation() == Activation.RELU ? Math.max(0, a) : 1.0 / (1.0 + Math.exp(-a));
    }

    private void recompute() {
        CommonOps_DDRM.mult(x, net.params().get("W1"), a1);
        Matrices.addRowInPlace(a1, net.params().get("b1"));
        for (int i = 0; i < a1.data.length; i++) {
            h1.data[i] = activate(a1.data[i]);
        }
        CommonOps_DDRM.mult(h1, net.params().get("W2"), scores);
        Matrices.addRowInPlace(scores, net.params().get("b2"));
    }

    /** Softmax cross-entropy with the book's 1e−7 guard, row by row, without allocating. */
    private double lossOf(DMatrixRMaj s) {
        int classes = s.numCols;
        double sum = 0;
        for (int r = 0; r < s.numRows; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                max = Math.max(max, s.data[r * classes + k]);
            }
            double total = 0;
            for (int k = 0; k < classes; k++) {
                scoreScratch[k] = Math.exp(s.data[r * classes + k] - max);
                total += scoreScratch[k];
            }
            sum += Math.log(scoreScratch[labels[r]] / total + SoftmaxWithLoss.LOG_GUARD);
        }
        return -sum / s.numRows;
    }
}
