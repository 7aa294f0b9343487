package com.backpropexplorer.ui.graph;

import com.backpropexplorer.explain.ComputationGraph;
import com.backpropexplorer.explain.Tensor;
import com.backpropexplorer.explain.Trace;
import com.backpropexplorer.ui.I18n;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * An edge of the graph as drawn: the forward arrow over the backward arrow, its shape on it
 * (batches only), the value that flowed forward above it, the gradient that flowed back below.
 * Ids end in the edge's place among the drawn edges: {@code edge-forward-1} is the value Affine1
 * put out in the two-layer net.
 */
final class EdgeParts {
    final int index;
    final ComputationGraph.Edge edge;
    final Arrow forwardArrow = new Arrow(Flow.FORWARD);
    final Arrow backwardArrow = new Arrow(Flow.BACKWARD);
    /** The shape (N×784, scalar), or null for a graph without a batch. */
    final Label chip;
    final VBox forwardBox;
    /** The gradient's box, or null when none flows back. */
    final VBox backwardBox;

    EdgeParts(int index, ComputationGraph.Edge edge, Trace trace, I18n i18n, Binder binder) {
        this.index = index;
        this.edge = edge;
        Tensor value = edge.value().in(trace);
        if (trace.x() != null) {
            chip = new Label(symbolicShape(value, trace.batchSize(), i18n));
            chip.getStyleClass().add("shape-chip");
            chip.setId("edge-shape-" + index);
            chip.setManaged(false);
        } else {
            chip = null;
        }
        forwardBox = ValueBox.of(shortName(edge.label()), value, Flow.FORWARD);
        forwardBox.setId("edge-forward-" + index);
        forwardBox.getProperties().put(TensorViews.SHOWN_NAME, shortName(edge.label()));
        binder.bind(ValueBox.view(forwardBox), edge.value()::in);
        if (edge.gradient() != null) {
            backwardBox = ValueBox.of(edge.gradientLabel(), edge.gradient().in(trace), Flow.BACKWARD);
            backwardBox.setId("edge-backward-" + index);
            backwardBox.getProperties().put(TensorViews.SHOWN_NAME, edge.gradientLabel());
            binder.bind(ValueBox.view(backwardBox), edge.gradient()::in);
        } else {
            backwardBox = null;
        }
    }

    /** "Affine1.out" is shown as "out": the layer's own name for it, next to the layer. */
    private static String shortName(String label) {
        return label.substring(label.lastIndexOf('.') + 1);
    }

    /** N×784, N×50, N×10 or "scalar": the shape as the book writes it, with N the batch size. */
    private static String symbolicShape(Tensor value, int batch, I18n i18n) {
        if (value.isScalar()) {
            return i18n.text("graph.scalar");
        }
        return (value.rows() == batch ? "N" : String.valueOf(value.rows())) + "×" + value.cols();
    }

    /** Everything the edge puts in the view, arrows first (they go under the boxes). */
    List<Node> nodes() {
        List<Node> all = new ArrayList<>(List.of(forwardArrow, backwardArrow));
        if (chip != null) {
            all.add(chip);
        }
        all.add(forwardBox);
        if (backwardBox != null) {
            all.add(backwardBox);
        }
        return all;
    }
}
