package com.backpropexplorer.ui.inspector;

import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;

/** The pieces the inspector writes its formulas with: an operator and a row of terms, styled alike everywhere. */
final class Formulas {
    private Formulas() {
    }

    /** An operator or a bit of notation between the terms of a formula ("·", "=", "max(0,"). */
    static Label op(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("operator");
        return label;
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
