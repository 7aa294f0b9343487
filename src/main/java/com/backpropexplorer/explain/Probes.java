package com.backpropexplorer.explain;

import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.TwoLayerNet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/** Builds the probe that matches a trace: the same net, weights and batch. */
public final class Probes {
    private Probes() {
    }

    /** A {@link SimpleProbe} for a simpleNet trace, a {@link WeightProbe} for a TwoLayerNet one. */
    public static ParameterProbe of(Trace trace) {
        if (trace.params().containsKey("W")) {
            return new SimpleProbe(trace.params().get("W").toMatrix(), trace.x().toMatrix(), trace.t().toMatrix());
        }
        Map<String, DMatrixRMaj> params = new LinkedHashMap<>();
        trace.params().forEach((name, t) -> params.put(name, t.toMatrix()));
        boolean sigmoid = trace.nodes().stream().anyMatch(n -> n.kind() == LayerKind.SIGMOID);
        TwoLayerNet net = TwoLayerNet.fromParams(params, sigmoid ? Activation.SIGMOID : Activation.RELU);
        int[] labels = new int[trace.batchSize()];
        for (int r = 0; r < labels.length; r++) {
            labels[r] = trace.label(r);
        }
        return new WeightProbe(trace.example(), net, trace.x().toMatrix(), labels);
    }

    /** The layer whose backward stage produces the gradient of a parameter. */
    public static String layerOf(String param) {
        return switch (param) {
            case "W" -> "MatMul";
            case "W1", "b1" -> "Affine1";
            case "W2", "b2" -> "Affine2";
            default -> throw new IllegalArgumentException("no parameter " + param);
        };
    }

    /** dL/dw of one element as the trace's backward stage computed it. */
    public static double gradient(Trace trace, WeightProbe.Element e) {
        String layer = layerOf(e.param());
        String name = "d" + e.param().charAt(0);
        for (Stage s : trace.stages()) {
            if (!s.isForward() && s.layer().equals(layer)) {
                return s.get(name).get(e.row(), e.col());
            }
        }
        throw new IllegalArgumentException("the trace has no backward stage of " + layer);
    }
}
