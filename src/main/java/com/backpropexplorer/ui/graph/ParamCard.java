package com.backpropexplorer.ui.graph;

import com.backpropexplorer.explain.ComputationGraph;
import com.backpropexplorer.explain.Tensor;
import com.backpropexplorer.explain.Trace;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.lesson.LessonModel;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/**
 * What feeds into an operation from above: its parameters (W1 and b1) with their gradients
 * beside them once backward produced them, or the labels t. One card per operation, centred
 * over it, so its arrows run straight down into the node and never cross the edge values.
 */
final class ParamCard {
    final GridPane box = new GridPane();
    final Arrow down = new Arrow(Flow.FORWARD);
    /** The gradients' arrow back up, or null when nothing flows back (t alone). */
    final Arrow up;
    /** Always shown, faint until backward fills the gradient in: the learner sees where it will go. */
    private final List<Label> gradientHeaders = new ArrayList<>();
    private final List<Node> gradientViews = new ArrayList<>();
    /** The views whose elements can be picked for the weights panel (see {@link ParamCells}). */
    private final List<Node> pickable = new ArrayList<>();

    /**
     * @param operation the node fed
     * @param inputs the edges from its parameters and labels, in argument order
     * @param trace the pass the graph is built from
     * @param openTiles what a W's "tiles" button does
     */
    ParamCard(ComputationGraph.Node operation, List<ComputationGraph.Edge> inputs, Trace trace, LessonModel model,
              I18n i18n, Binder binder, Runnable openTiles) {
        box.getStyleClass().add("param-card");
        box.setId("params-" + operation.id());
        box.setManaged(false);
        int row = 0;
        for (ComputationGraph.Edge edge : inputs) {
            String name = edge.label();
            Tensor value = edge.value().in(trace);
            Flow flow = name.equals("t") ? Flow.NEUTRAL : Flow.FORWARD;
            Label header = new Label(name + "  " + value.shape());
            header.getStyleClass().addAll("value-header", flow.styleClass());
            Node view = TensorViews.of(value, flow, TensorViews.Density.GRAPH);
            view.setId("param-" + name);
            binder.bind(view, edge.value()::in);
            if (ParamCells.isParameter(name)) {
                ParamCells.install(view, name, model);
                pickable.add(view);
            }
            box.add(header, 0, row);
            box.add(view, 0, row + 1);
            if (edge.gradient() != null) {
                Tensor gradient = edge.gradient().in(trace);
                Label gradientHeader = new Label(edge.gradientLabel() + "  " + gradient.shape());
                gradientHeader.getStyleClass().addAll("value-header", Flow.BACKWARD.styleClass());
                Node gradientView = TensorViews.of(gradient, Flow.BACKWARD, TensorViews.Density.GRAPH);
                gradientView.setId("param-" + edge.gradientLabel());
                binder.bind(gradientView, edge.gradient()::in);
                ParamCells.install(gradientView, name, model);
                pickable.add(gradientView);
                box.add(gradientHeader, 1, row);
                box.add(gradientView, 1, row + 1);
                gradientHeaders.add(gradientHeader);
                gradientViews.add(gradientView);
            }
            row += 2;
            if (value.rows() == 28 * 28 && name.startsWith("W")) {
                Button tiles = new Button(i18n.text("graph.tiles"));
                tiles.getStyleClass().addAll("small", "flat", "tiles-button");
                tiles.setId("tiles-" + name);
                tiles.setOnAction(e -> openTiles.run());
                box.add(tiles, 0, row++, 2, 1);
            }
        }
        up = gradientViews.isEmpty() ? null : new Arrow(Flow.BACKWARD);
    }

    void setGradientShown(boolean shown) {
        gradientViews.forEach(n -> n.setVisible(shown));
        gradientHeaders.forEach(h -> h.pseudoClassStateChanged(GraphStates.PENDING, !shown));
    }

    boolean gradientShown() {
        return !gradientViews.isEmpty() && gradientViews.get(0).isVisible();
    }

    /** The gradients' views, which fade in when they appear. */
    List<Node> gradientViews() {
        return gradientViews;
    }

    /** The views of parameters and their gradients, whose elements can be picked. */
    List<Node> pickable() {
        return pickable;
    }

    /** The arrows: down into the node, and (if any gradient) back up. */
    List<Arrow> arrows() {
        return up == null ? List.of(down) : List.of(down, up);
    }
}
