package com.backpropexplorer.ui.graph;

import com.backpropexplorer.explain.ComputationGraph;
import com.backpropexplorer.ui.I18n;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** A node of the graph: an operation (its name and kind) or a value at its ends (x, L, apple …). */
final class NodeBox {
    /** The round terminals' diameter; a longer name makes a terminal wider. */
    static final double TERMINAL_SIZE = 38;

    private NodeBox() {
    }

    /** An operation: its name (Affine1, mul_apple_layer …) and its kind under it; a click selects it. */
    static VBox operation(ComputationGraph.Node node, I18n i18n, Runnable select) {
        Label name = new Label(node.label());
        name.getStyleClass().add("node-name");
        VBox box = new VBox(name);
        String kindName = i18n.text("layer.kind." + node.kind().name().toLowerCase(Locale.ROOT));
        if (!kindName.equals(node.label())) {
            // "exp" under "exp" says nothing
            Label kind = new Label(kindName);
            kind.getStyleClass().add("node-kind");
            box.getChildren().add(kind);
        }
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().addAll("graph-node", "kind-" + node.kind().name().toLowerCase(Locale.ROOT));
        box.setId("node-" + node.id());
        box.setManaged(false);
        box.setOnMouseClicked(e -> select.run());
        TensorViews.lazyTooltip(box, () -> new Tooltip(i18n.text("graph.node.tooltip")));
        return box;
    }

    /** A value at an end of the graph: a round terminal, wider for a longer name. */
    static Label terminal(ComputationGraph.Node node) {
        Label label = new Label(node.label());
        boolean output = node.role() == ComputationGraph.Role.OUTPUT;
        label.getStyleClass().addAll("terminal", output ? "terminal-loss" : "terminal-input");
        label.setAlignment(Pos.CENTER);
        label.setManaged(false);
        label.setId("terminal-" + node.id());
        label.setMinSize(TERMINAL_SIZE, TERMINAL_SIZE);
        label.setPrefHeight(TERMINAL_SIZE);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }
}
