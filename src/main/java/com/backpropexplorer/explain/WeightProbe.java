package com.backpropexplorer.explain;

import com.backpropexplorer.engine.NumericalGradient;
import com.backpropexplorer.engine.TwoLayerNet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * The loss as a function of one or two weights, everything else fixed: what a slider, the
 * loss curve with its tangent and the contour map show.
 *
 * <p>Moving one element changes little: W1[i][j] or b1[j] only change hidden unit j, and
 * W2 or b2 only the output layer. So the probe keeps the batch's hidden activations
 * ({@link BatchState}) and recomputes just what the element feeds, instead of a full forward
 * pass: {@link #set} recomputes hidden unit j exactly, {@link #lossAt} only the rows the
 * element reaches. The result equals {@link TwoLayerNet#loss} up to rounding (tested).
 *
 * <p>It owns a private copy of the net; not thread-safe (one engine thread uses it).
 */
public final class WeightProbe implements ParameterProbe {

    /** One element of a parameter: W1[row][col], b1[0][col], ... */
    public record Element(String param, int row, int col) {
        @Override
        public String toString() {
            return param.startsWith("b") ? param + "[" + col + "]" : param + "[" + row + "][" + col + "]";
        }
    }

    private final Example example;
    private final TwoLayerNet net;
    private final DMatrixRMaj x;
    private final int[] labels;
    private final BatchState state;
    private final LiveTracer live;

    /** @param source copied; x N×inputs; one label per row */
    public WeightProbe(TwoLayerNet source, DMatrixRMaj x, int[] labels) {
        this(source.inputSize() == 784 ? Example.MNIST : Example.TINY, source, x, labels);
    }

    /** @param example which lesson the probe's traces belong to */
    public WeightProbe(Example example, TwoLayerNet source, DMatrixRMaj x, int[] labels) {
        this.example = example;
        this.net = source.copy();
        this.x = x.copy();
        this.labels = labels.clone();
        this.state = new BatchState(net, this.x, this.labels);
        this.live = new LiveTracer(net, this.x, this.labels, state);
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

    @Override
    public List<String> paramNames() {
        return TwoLayerNet.PARAM_NAMES;
    }

    @Override
    public Map<String, DMatrixRMaj> params() {
        Map<String, DMatrixRMaj> out = new LinkedHashMap<>();
        net.params().forEach((name, value) -> out.put(name, value.copy()));
        return out;
    }

    /** Without {@link #params()}'s copies: asked on every slider event. */
    @Override
    public boolean contains(Element e) {
        DMatrixRMaj p = net.params().get(e.param());
        return p != null && e.row() >= 0 && e.row() < p.numRows && e.col() >= 0 && e.col() < p.numCols;
    }

    @Override
    public double get(Element e) {
        return param(e).get(e.row(), e.col());
    }

    @Override
    public void set(Element e, double value) {
        param(e).set(e.row(), e.col(), value);
        state.refresh(e);
    }

    @Override
    public void setAll(Map<String, DMatrixRMaj> params) {
        params.forEach((name, value) -> net.params().get(name).setTo(value));
        state.recomputeAll();
    }

    @Override
    public double loss() {
        return state.loss();
    }

    @Override
    public double lossAt(Element e, double value) {
        return state.loss() + state.change(e, value - get(e));
    }

    @Override
    public Map<String, DMatrixRMaj> backpropGradients() {
        return net.gradient(x, labels);
    }

    /** dL/dw by the book's central difference, h = 1e−4, from the two rows' loss changes. */
    @Override
    public double numericalGradient(Element e) {
        double h = NumericalGradient.H;
        return (state.change(e, h) - state.change(e, -h)) / (2 * h);
    }

    /**
     * A fresh trace of the current weights on the probe's batch: the stages {@link Tracer#twoLayer}
     * records, equal up to rounding, at a fraction of its cost ({@link LiveTracer}).
     */
    public Trace trace(Example example) {
        return live.trace(example);
    }

    @Override
    public Trace trace() {
        return trace(example);
    }

    private DMatrixRMaj param(Element e) {
        DMatrixRMaj p = net.params().get(e.param());
        if (p == null) {
            throw new IllegalArgumentException("no parameter " + e.param());
        }
        return p;
    }
}
