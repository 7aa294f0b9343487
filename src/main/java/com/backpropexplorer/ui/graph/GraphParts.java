package com.backpropexplorer.ui.graph;

import com.backpropexplorer.explain.ComputationGraph;
import com.backpropexplorer.explain.ComputationGraph.Role;
import com.backpropexplorer.explain.Stage;
import com.backpropexplorer.explain.Trace;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.lesson.LessonModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;

/**
 * The nodes the graph view shows for a pass, made once per lesson and pass structure: each
 * operation with its cache card and its card of parameters, the values at the graph's ends as
 * terminals, and the edges between them. A parameter or the labels feeding a single operation
 * go in that operation's card (W1 and b1 above Affine1), not on a node of their own.
 */
final class GraphParts {
    /** An operation as drawn: its box, its cache card and link (if it caches) and its card of parameters (if any). */
    record Operation(ComputationGraph.Node node, Region box, CacheCard cache, Line cacheLink, ParamCard params) {
    }

    private final Trace trace;
    private final Map<String, Operation> operations = new LinkedHashMap<>();
    /** The values at the graph's ends (x, L, apple …), by node id. */
    private final Map<String, Label> terminals = new LinkedHashMap<>();
    private final List<EdgeParts> edges = new ArrayList<>();

    /**
     * @param binder remembers every tensor view, for live refreshes
     * @param openTiles what a W's "tiles" button does
     */
    GraphParts(Trace trace, LessonModel model, I18n i18n, Binder binder, Runnable openTiles) {
        this.trace = trace;
        ComputationGraph graph = trace.graph();
        Map<String, List<ComputationGraph.Edge>> attached = new LinkedHashMap<>();
        List<ComputationGraph.Edge> drawn = new ArrayList<>();
        for (ComputationGraph.Edge e : graph.edges()) {
            if (isAttached(graph, e)) {
                attached.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e);
            } else {
                drawn.add(e);
            }
        }
        for (ComputationGraph.Node node : graph.nodes()) {
            if (node.isOperation()) {
                operations.put(node.id(), operation(node, attached.getOrDefault(node.id(), List.of()), model, i18n,
                        binder, openTiles));
            } else if (drawn.stream().anyMatch(e -> e.from().equals(node.id()) || e.to().equals(node.id()))) {
                terminals.put(node.id(), NodeBox.terminal(node));
            }
        }
        for (int i = 0; i < drawn.size(); i++) {
            edges.add(new EdgeParts(i, drawn.get(i), trace, i18n, binder));
        }
    }

    /** A parameter or the labels feeding one operation only: drawn in a card above it. */
    private static boolean isAttached(ComputationGraph graph, ComputationGraph.Edge e) {
        Role role = graph.node(e.from()).role();
        return (role == Role.PARAMETER || role == Role.LABEL) && graph.outOf(e.from()).size() == 1
                && graph.node(e.to()).isOperation();
    }

    private Operation operation(ComputationGraph.Node node, List<ComputationGraph.Edge> inputs, LessonModel model,
                                I18n i18n, Binder binder, Runnable openTiles) {
        Region box = NodeBox.operation(node, i18n, () -> model.select(node.id()));
        Stage forward = trace.stage(node.forwardStage());
        CacheCard cache = null;
        Line link = null;
        if (!forward.cached().isEmpty()) {
            cache = new CacheCard(node.id(), node.forwardStage(), forward.cached(), i18n, binder);
            cache.box.setOnMouseClicked(e -> model.select(node.id()));
            link = new Line();
            link.getStyleClass().add("cache-link");
            link.setManaged(false);
        }
        ParamCard params = null;
        if (!inputs.isEmpty()) {
            params = new ParamCard(node, inputs, trace, model, i18n, binder, openTiles);
            params.box.setOnMouseClicked(e -> model.select(node.id()));
        }
        return new Operation(node, box, cache, link, params);
    }

    Trace trace() {
        return trace;
    }

    /** The operations in the graph's order. */
    Iterable<Operation> operations() {
        return operations.values();
    }

    /** The operation of that id, or null. */
    Operation operation(String id) {
        return operations.get(id);
    }

    Map<String, Label> terminals() {
        return terminals;
    }

    List<EdgeParts> edges() {
        return edges;
    }

    /** Everything to show, bottom to top: arrows and links, edge values, cards and boxes, terminals. */
    List<Node> children() {
        List<Node> all = new ArrayList<>();
        for (Operation op : operations.values()) {
            if (op.params() != null) {
                all.addAll(op.params().arrows());
            }
            if (op.cacheLink() != null) {
                all.add(op.cacheLink());
            }
        }
        edges.forEach(e -> all.addAll(e.nodes()));
        for (Operation op : operations.values()) {
            if (op.params() != null) {
                all.add(op.params().box);
            }
            all.add(op.box());
            if (op.cache() != null) {
                all.add(op.cache().box);
            }
        }
        all.addAll(terminals.values());
        return all;
    }
}
