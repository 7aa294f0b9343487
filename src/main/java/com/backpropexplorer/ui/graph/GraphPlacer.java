package com.backpropexplorer.ui.graph;

import com.backpropexplorer.explain.ComputationGraph;
import com.backpropexplorer.ui.graph.layout.Graph;
import com.backpropexplorer.ui.graph.layout.GraphLayout;
import com.backpropexplorer.ui.graph.layout.Layout;
import com.backpropexplorer.ui.graph.layout.LayoutEdge;
import com.backpropexplorer.ui.graph.layout.LayoutNode;
import com.backpropexplorer.ui.graph.layout.Placed;
import com.backpropexplorer.ui.graph.layout.Rect;
import com.backpropexplorer.ui.graph.layout.Route;
import com.backpropexplorer.ui.graph.layout.Size;
import com.backpropexplorer.ui.graph.layout.Spacing;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * Between the graph's nodes and {@link GraphLayout}: measures the parts (their preferred sizes,
 * every operation as tall as the tallest), asks for a layout, and puts each part where it goes,
 * the parameter arrows straight down into their node.
 */
final class GraphPlacer {
    private static final GraphLayout LAYOUT = new GraphLayout(Spacing.standard());
    /** Parameter arrows (down in, gradients up) run this far either side of the node's centre. */
    private static final double PARAM_ARROW_OFFSET = 7;

    private GraphPlacer() {
    }

    /** The layout of the parts at their present preferred sizes. */
    static Layout layout(GraphParts parts) {
        double opHeight = 0;
        for (GraphParts.Operation op : parts.operations()) {
            opHeight = Math.max(opHeight, op.box().prefHeight(-1));
        }
        List<LayoutNode> nodes = new ArrayList<>();
        for (ComputationGraph.Node node : parts.trace().graph().nodes()) {
            GraphParts.Operation op = parts.operation(node.id());
            Label terminal = parts.terminals().get(node.id());
            if (op != null) {
                nodes.add(new LayoutNode(node.id(), new Size(op.box().prefWidth(-1), opHeight),
                        op.params() == null ? Size.NONE : size(op.params().box),
                        op.cache() == null ? Size.NONE : size(op.cache().box)));
            } else if (terminal != null) {
                nodes.add(LayoutNode.of(node.id(), new Size(Math.max(NodeBox.TERMINAL_SIZE, terminal.prefWidth(-1)),
                        NodeBox.TERMINAL_SIZE)));
            }
        }
        List<LayoutEdge> edges = new ArrayList<>();
        for (EdgeParts e : parts.edges()) {
            edges.add(new LayoutEdge(e.edge.from(), e.edge.to(), size(e.forwardBox),
                    e.backwardBox == null ? Size.NONE : size(e.backwardBox), e.chip == null ? Size.NONE : size(e.chip)));
        }
        return LAYOUT.layout(new Graph(nodes, edges));
    }

    private static Size size(Region r) {
        return new Size(r.prefWidth(-1), r.prefHeight(-1));
    }

    /** Puts every part where the layout says. */
    static void place(GraphParts parts, Layout layout) {
        for (GraphParts.Operation op : parts.operations()) {
            Placed placed = layout.node(op.node().id());
            put(op.box(), placed.box());
            if (op.cache() != null) {
                put(op.cache().box, placed.below());
                op.cacheLink().setStartX(placed.box().centreX());
                op.cacheLink().setStartY(placed.box().bottom());
                op.cacheLink().setEndX(placed.box().centreX());
                op.cacheLink().setEndY(placed.below().top());
            }
            ParamCard card = op.params();
            if (card != null) {
                put(card.box, placed.above());
                double cx = placed.box().centreX();
                double offset = card.up == null ? 0 : PARAM_ARROW_OFFSET;
                double bottom = placed.above().bottom();
                double top = placed.box().top();
                card.down.setPoints(cx - offset, bottom + 2, cx - offset, top - 2);
                if (card.up != null) {
                    card.up.setPoints(cx + offset, top - 2, cx + offset, bottom + 2);
                }
            }
        }
        parts.terminals().forEach((id, label) -> put(label, layout.node(id).box()));
        for (EdgeParts e : parts.edges()) {
            Route route = layout.edges().get(e.index);
            e.forwardArrow.setPath(route.forward());
            e.backwardArrow.setPath(route.backward());
            if (e.chip != null) {
                put(e.chip, route.middle());
            }
            put(e.forwardBox, route.above());
            if (e.backwardBox != null) {
                put(e.backwardBox, route.below());
            }
        }
    }

    private static void put(Region node, Rect r) {
        node.resizeRelocate(r.x(), r.y(), r.width(), r.height());
    }
}
