package com.backpropexplorer.explain;

import com.backpropexplorer.engine.Matrices;
import com.backpropexplorer.engine.SimpleNet;
import com.backpropexplorer.explain.WeightProbe.Element;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * {@link ParameterProbe} for the book's simpleNet (W 2×3, one sample): its loss is a 2×3
 * product and a softmax, so every question is answered by simply recomputing it.
 */
public final class SimpleProbe implements ParameterProbe {
    private final DMatrixRMaj weight;
    private final SimpleNet net;
    private final DMatrixRMaj x;
    private final DMatrixRMaj t;

    /** @param weight copied; x 1×2, t one-hot 1×3 (copied) */
    public SimpleProbe(DMatrixRMaj weight, DMatrixRMaj x, DMatrixRMaj t) {
        this.weight = weight.copy();
        this.net = new SimpleNet(this.weight);
        this.x = x.copy();
        this.t = t.copy();
    }

    /** The book's §4.4.2 net, x and t. */
    public static SimpleProbe book() {
        return new SimpleProbe(new DMatrixRMaj(SimpleNet.BOOK_W), Matrices.row(SimpleNet.BOOK_X),
                Matrices.row(SimpleNet.BOOK_T));
    }

    @Override
    public List<String> paramNames() {
        return List.of("W");
    }

    @Override
    public Map<String, DMatrixRMaj> params() {
        Map<String, DMatrixRMaj> out = new LinkedHashMap<>();
        out.put("W", weight.copy());
        return out;
    }

    @Override
    public double get(Element e) {
        return param(e).get(e.row(), e.col());
    }

    @Override
    public void set(Element e, double value) {
        param(e).set(e.row(), e.col(), value);
    }

    @Override
    public void setAll(Map<String, DMatrixRMaj> params) {
        weight.setTo(params.get("W"));
    }

    @Override
    public double loss() {
        return net.loss(x, t);
    }

    @Override
    public double lossAt(Element e, double value) {
        double old = get(e);
        set(e, value);
        try {
            return loss();
        } finally {
            set(e, old);
        }
    }

    @Override
    public Map<String, DMatrixRMaj> backpropGradients() {
        Map<String, DMatrixRMaj> out = new LinkedHashMap<>();
        out.put("W", net.gradient(x, t).copy());
        return out;
    }

    @Override
    public Trace trace() {
        return Tracer.simple(new SimpleNet(weight.copy()), x, t);
    }

    private DMatrixRMaj param(Element e) {
        if (!e.param().equals("W")) {
            throw new IllegalArgumentException("simpleNet has no parameter " + e.param());
        }
        return weight;
    }
}
