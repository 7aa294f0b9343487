package com.backpropexplorer.ui.weights;

import com.backpropexplorer.explain.Direction;
import com.backpropexplorer.explain.LayerKind;
import com.backpropexplorer.explain.Stage;
import com.backpropexplorer.explain.Tensor;
import com.backpropexplorer.explain.Trace;
import com.backpropexplorer.explain.WeightProbe.Element;
import java.util.Optional;

/**
 * Why the loss does not move along a weight (a flat curve, dL/dw = 0), and a weight of the same
 * parameter that does matter. In the MNIST lesson most of W1 is flat: a pixel that is blank in
 * every sample of the batch never reaches the loss through its row of W1 (dW1 = xᵀ · dout is 0
 * there), and a hidden unit the ReLU switches off for every sample passes no gradient back
 * through its column of W1, its b1 or its row of W2. Plain logic on a {@link Trace}, no JavaFX.
 */
public final class FlatWeight {
    /** Why: a bundle key of the ui bundle ({0} the element, {1} the pixel or unit), and the weight to try instead. */
    public record Reason(String key, Element element, int index, Element better) {
    }

    private FlatWeight() {
    }

    /**
     * Why {@code e} does not change the loss in {@code trace}, or empty when it does (or the
     * reason is none of the two above).
     *
     * @param gradient dL/dw by backprop at the current value
     */
    public static Optional<Reason> of(Trace trace, Element e, double gradient) {
        if (trace == null || e == null || gradient != 0 || trace.x() == null) {
            return Optional.empty();
        }
        Optional<Tensor> hidden = trace.stages().stream()
                .filter(s -> s.direction() == Direction.FORWARD && s.kind() == LayerKind.RELU)
                .findFirst().map(Stage::output);
        switch (e.param()) {
            case "W1" -> {
                if (columnIsZero(trace.x(), e.row())) {
                    return Optional.of(reason(trace, "weights.flat.blankInput", e, e.row()));
                }
                if (hidden.isPresent() && columnIsZero(hidden.get(), e.col())) {
                    return Optional.of(reason(trace, "weights.flat.deadUnit", e, e.col()));
                }
            }
            case "b1" -> {
                if (hidden.isPresent() && columnIsZero(hidden.get(), e.col())) {
                    return Optional.of(reason(trace, "weights.flat.deadUnit", e, e.col()));
                }
            }
            case "W2" -> {
                if (hidden.isPresent() && columnIsZero(hidden.get(), e.row())) {
                    return Optional.of(reason(trace, "weights.flat.deadUnit", e, e.row()));
                }
            }
            default -> {
            }
        }
        return Optional.empty();
    }

    private static Reason reason(Trace trace, String key, Element e, int index) {
        return new Reason(key, e, index, steepest(trace, e.param()));
    }

    /** The element of that parameter whose gradient is largest in size, or null when there is none. */
    static Element steepest(Trace trace, String param) {
        String gradientName = "d" + param.charAt(0);
        String layer = param.endsWith("1") ? "Affine1" : "Affine2";
        Optional<Tensor> gradient = trace.backwardStageOf(layer).flatMap(s -> s.find(gradientName));
        if (gradient.isEmpty()) {
            return null;
        }
        Tensor g = gradient.get();
        int best = 0;
        for (int i = 1; i < g.size(); i++) {
            if (Math.abs(g.at(i)) > Math.abs(g.at(best))) {
                best = i;
            }
        }
        return g.at(best) == 0 ? null : new Element(param, best / g.cols(), best % g.cols());
    }

    private static boolean columnIsZero(Tensor t, int col) {
        for (int r = 0; r < t.rows(); r++) {
            if (t.get(r, col) != 0) {
                return false;
            }
        }
        return true;
    }
}
