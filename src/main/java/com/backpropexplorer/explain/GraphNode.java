package com.backpropexplorer.explain;

import java.util.List;

/**
 * An operation node of the graph in forward order, with the names of the values that feed
 * into it from the side (W1 and b1 into Affine1, t into SoftmaxWithLoss): the chain view of a
 * {@link ComputationGraph}, as the present graph view draws it.
 */
public record GraphNode(String layer, LayerKind kind, List<String> sideInputs) {
    public GraphNode {
        sideInputs = List.copyOf(sideInputs);
    }

    /** The chain view of a graph: its operations, each with its parameter and label inputs. */
    static List<GraphNode> chainOf(ComputationGraph graph) {
        return graph.operations().stream().map(op -> new GraphNode(op.id(), op.kind(), graph.into(op.id()).stream()
                .filter(e -> {
                    ComputationGraph.Role role = graph.node(e.from()).role();
                    return role == ComputationGraph.Role.PARAMETER || role == ComputationGraph.Role.LABEL;
                })
                .map(ComputationGraph.Edge::label).toList())).toList();
    }
}
