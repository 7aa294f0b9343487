package com.backpropexplorer.explain;

import java.util.List;
import java.util.Optional;

/**
 * One step of the animation: a layer run forward or backward, with what flowed in, what
 * flowed out, what the layer cached, and (backward) the parameter gradients it produced.
 *
 * <p>Forward: inputs are x and the layer's parameters, outputs {@code out} (or {@code L} for
 * the loss), cached as the layer keeps it (x, mask, out, or y, t, loss). Backward: inputs are
 * {@code dout}, outputs {@code dx}, gradients dW and db for Affine (dW for MatMul).
 */
public record Stage(int index, Direction direction, String layer, LayerKind kind, List<Tensor> inputs,
                    List<Tensor> outputs, List<Tensor> cached, List<Tensor> gradients) {

    public Stage {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        cached = List.copyOf(cached);
        gradients = List.copyOf(gradients);
    }

    public boolean isForward() {
        return direction == Direction.FORWARD;
    }

    /** The first tensor of that name among inputs, outputs, cached and gradients. */
    public Optional<Tensor> find(String name) {
        for (List<Tensor> list : List.of(inputs, outputs, cached, gradients)) {
            for (Tensor t : list) {
                if (t.name().equals(name)) {
                    return Optional.of(t);
                }
            }
        }
        return Optional.empty();
    }

    /** Like {@link #find} but the tensor must be there. */
    public Tensor get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(layer + " has no " + name + " at this stage"));
    }

    /** The main value that leaves the node: out/L forward, dx backward. */
    public Tensor output() {
        return outputs.get(0);
    }

    /** e.g. "F Affine1" or "B Relu1". */
    public String label() {
        return (isForward() ? "F " : "B ") + layer;
    }
}
