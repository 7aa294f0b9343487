package com.backpropexplorer.ui.lesson;

import com.backpropexplorer.explain.GraphNode;
import com.backpropexplorer.explain.Stage;
import com.backpropexplorer.explain.Tensor;
import com.backpropexplorer.explain.Trace;
import java.util.List;
import java.util.Optional;

/**
 * What the graph holds after {@code position} stages of a trace: which edges carry a value or
 * a gradient, which caches are full, which parameter gradients exist. Pure logic, so the
 * drawing code stays about drawing.
 *
 * <p>Edges are numbered 0..m for m layer nodes: edge 0 runs from the input x into the first
 * layer, edge j from layer j−1 into layer j, edge m from the loss layer to L.
 */
public record PassState(Trace trace, int position) {

    /** The number of layer nodes (4 for TwoLayerNet, 2 for simpleNet). */
    public int layerCount() {
        return trace.nodes().size();
    }

    public int edgeCount() {
        return layerCount() + 1;
    }

    public GraphNode node(int layer) {
        return trace.nodes().get(layer);
    }

    /** The forward stage of layer j. */
    public Stage forwardStage(int layer) {
        return trace.stage(layer);
    }

    /** The backward stage of layer j (backward runs the layers in reverse). */
    public Stage backwardStage(int layer) {
        return trace.stage(2 * layerCount() - 1 - layer);
    }

    public boolean forwardDone(int layer) {
        return position > layer;
    }

    public boolean backwardDone(int layer) {
        return position > backwardStage(layer).index();
    }

    /** The value flowing forward on edge j, once it has been computed. */
    public Optional<Tensor> forwardValue(int edge) {
        if (edge == layerCount()) {
            return forwardDone(edge - 1) ? Optional.of(forwardStage(edge - 1).output()) : Optional.empty();
        }
        if (edge == 0 || forwardDone(edge - 1)) {
            return Optional.of(forwardStage(edge).get("x"));
        }
        return Optional.empty();
    }

    /** The forward value on edge j whether or not it has been computed yet (for shapes). */
    public Tensor forwardValueAnyway(int edge) {
        return edge == layerCount() ? forwardStage(edge - 1).output() : forwardStage(edge).get("x");
    }

    /** The gradient flowing backward on edge j: dout = 1 on the last edge, dx on the others. */
    public Optional<Tensor> backwardValue(int edge) {
        if (edge == layerCount()) {
            Stage first = backwardStage(edge - 1);
            return position > first.index() ? Optional.of(first.get("dout")) : Optional.empty();
        }
        return backwardDone(edge) ? Optional.of(backwardStage(edge).output()) : Optional.empty();
    }

    /** What layer j cached in its forward stage; empty before it ran. */
    public List<Tensor> cache(int layer) {
        return forwardDone(layer) ? forwardStage(layer).cached() : List.of();
    }

    /** The value of a side input (W1, b1, t…): parameters exist before anything runs. */
    public Tensor sideInput(String name) {
        if (name.equals("t")) {
            return trace.t();
        }
        return trace.params().get(name);
    }

    /** The gradient of parameter {@code name} (W1 → dW of Affine1), once backward produced it. */
    public Optional<Tensor> parameterGradient(int layer, String name) {
        if (name.equals("t") || !backwardDone(layer)) {
            return Optional.empty();
        }
        return backwardStage(layer).find(gradientName(name));
    }

    /** dW for W, W1, W2; db for b, b1, b2. */
    public static String gradientName(String parameter) {
        return "d" + parameter.charAt(0);
    }

    /** The stage just shown, or null at the start. */
    public Stage current() {
        return position == 0 ? null : trace.stage(position - 1);
    }
}
