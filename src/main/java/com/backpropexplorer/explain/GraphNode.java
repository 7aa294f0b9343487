package com.backpropexplorer.explain;

import java.util.List;

/**
 * A layer node of the drawn graph, in forward order, with the names of the tensors that feed
 * into it from the side (W1 and b1 into Affine1, t into SoftmaxWithLoss).
 */
public record GraphNode(String layer, LayerKind kind, List<String> sideInputs) {
    public GraphNode {
        sideInputs = List.copyOf(sideInputs);
    }
}
