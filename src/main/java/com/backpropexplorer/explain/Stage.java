package com.backpropexplorer.explain;

import java.util.List;
import java.util.Optional;

/**
 * One step of the animation: a layer run forward or backward, or the update, with what flowed
 * in, what flowed out, what the layer cached, the parameter gradients it produced, and the call
 * path that runs it in the book's code.
 *
 * <p>Forward: inputs are x and the layer's parameters, outputs {@code out} (or {@code L} for
 * the loss), cached as the layer keeps it (x, mask, out, or y, t, loss). Backward: inputs are
 * {@code dout}, outputs {@code dx}, gradients dW and db for Affine (dW for MatMul). Update:
 * inputs the parameters, their gradients (dW1 …) and {@code lr}, outputs the new parameters.
 * The shopping graphs use the book's variable names instead (apple, apple_price, dapple …).
 *
 * @param calls the call path from outermost to innermost, each {@code Class.method}, e.g.
 *     {@code [TwoLayerNet.gradient, TwoLayerNet.loss, TwoLayerNet.predict, Affine.forward]}
 */
public record Stage(int index, Direction direction, String layer, LayerKind kind, List<Tensor> inputs,
                    List<Tensor> outputs, List<Tensor> cached, List<Tensor> gradients, List<String> calls) {

    public Stage {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        cached = List.copyOf(cached);
        gradients = List.copyOf(gradients);
        calls = List.copyOf(calls);
    }

    public boolean isForward() {
        return direction == Direction.FORWARD;
    }

    public boolean isBackward() {
        return direction == Direction.BACKWARD;
    }

    public boolean isUpdate() {
        return direction == Direction.UPDATE;
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

    /**
     * A tensor the stage computed, by name: among outputs, gradients and cached first (in the
     * update stage W1 is an input and, updated, an output: this gives the output).
     */
    public Optional<Tensor> findComputed(String name) {
        for (List<Tensor> list : List.of(outputs, gradients, cached, inputs)) {
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

    /** The main value that leaves the node: out/L forward, dx backward, the first new parameter for an update. */
    public Tensor output() {
        return outputs.get(0);
    }

    /** e.g. "F Affine1", "B Relu1" or "U SGD". */
    public String label() {
        String prefix = switch (direction) {
            case FORWARD -> "F ";
            case BACKWARD -> "B ";
            case UPDATE -> "U ";
        };
        return prefix + layer;
    }

    /** The call path as the code pane's breadcrumbs: {@code gradient() › loss() › predict() › Affine.forward()}. */
    public String breadcrumbs() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < calls.size(); i++) {
            String call = calls.get(i);
            if (i > 0) {
                s.append(" › ");
            }
            // the innermost call keeps its class: that is the layer whose body runs
            s.append(i == calls.size() - 1 ? call : call.substring(call.indexOf('.') + 1)).append("()");
        }
        return s.toString();
    }
}
