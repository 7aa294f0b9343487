package com.backpropexplorer.ui.graph.layout;

import java.util.List;
import java.util.Map;

/**
 * A finished layout: the size of what is drawn (margins included), where each node went (by
 * id), and each edge's route, in the order the edges were given.
 */
public record Layout(double width, double height, Map<String, Placed> nodes, List<Route> edges) {
    public Layout {
        nodes = Map.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    public Placed node(String id) {
        Placed placed = nodes.get(id);
        if (placed == null) {
            throw new IllegalArgumentException("no node " + id);
        }
        return placed;
    }
}
