package com.backpropexplorer.ui.graph.layout;

import java.util.List;

/** What to lay out: nodes (in any order; it is kept among equals) and the edges between them, a DAG. */
public record Graph(List<LayoutNode> nodes, List<LayoutEdge> edges) {
    public Graph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }
}
