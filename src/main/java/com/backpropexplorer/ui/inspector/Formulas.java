package com.backpropexplorer.ui.inspector;

import com.backpropexplorer.ui.graph.Flow;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The pieces the inspector writes with, styled alike everywhere: section titles, formulas,
 * muted notes, named values, and a formula's operators and rows of terms.
 */
final class Formulas {
    private Formulas() {
    }

    /** An operator or a bit of notation between the terms of a formula ("·", "=", "max(0,"). */
    static Label op(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("operator");
        return label;
    }

    /** A section's title in the colour of its direction (forward, backward, neither). */
    static Label sectionTitle(String text, Flow flow) {
        Label label = new Label(text);
        label.getStyleClass().addAll("section-title", flow.styleClass());
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    /** A formula in symbols ("out = x · W1 + b1"). */
    static Label formula(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("formula");
        label.setWrapText(true);
        return label;
    }

    /** A quiet note ("not computed yet"); {@code id} may be null. */
    static Label muted(String text, String id) {
        Label label = new Label(text);
        label.getStyleClass().add("inspector-muted");
        label.setWrapText(true);
        if (id != null) {
            label.setId(id);
        }
        return label;
    }

    /** A value under its name and shape. */
    static Node named(String name, String shape, Node view) {
        Label label = new Label(name + "  " + shape);
        label.getStyleClass().add("value-name");
        VBox box = new VBox(label, view);
        box.getStyleClass().add("named-value");
        return box;
    }

    /** One line of a formula, its terms wrapping and centred on the line. */
    static FlowPane row(Node... items) {
        FlowPane row = new FlowPane(items);
        row.getStyleClass().add("substitution");
        row.setAlignment(Pos.CENTER_LEFT);
        row.setRowValignment(VPos.CENTER);
        return row;
    }
}
