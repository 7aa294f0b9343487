package com.backpropexplorer.ui.weights;

import com.backpropexplorer.explain.WeightProbe.Element;
import com.backpropexplorer.ui.I18n;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The loss over two weights once a second one is shift-clicked: its title, the contour map with
 * the point and the downhill arrow −∇L; before that, a hint how to get it.
 */
final class ContourPane extends VBox {
    private final I18n i18n;
    private final Label title = new Label();
    private final Label hint = new Label();
    private final ContourMap map = new ContourMap();

    ContourPane(I18n i18n) {
        this.i18n = i18n;
        title.getStyleClass().add("weights-chart-title");
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        hint.setId("weights-contour-hint");
        map.setArrowLabel("−∇L");
        getChildren().addAll(title, map, hint);
        VBox.setVgrow(map, Priority.ALWAYS);
        map.setPrefHeight(10);
        setMinWidth(200);
        getStyleClass().add("weights-chart-box");
    }

    ContourMap map() {
        return map;
    }

    /** Two elements picked: the map; fewer: the hint. */
    void showSelection(Element a, Element b) {
        boolean two = a != null && b != null;
        map.setVisible(two);
        map.setManaged(two);
        hint.setVisible(!two);
        hint.setManaged(!two);
        title.setText(two ? i18n.text("weights.contour.title", a.toString(), b.toString())
                : i18n.text("weights.contour.none.title"));
        hint.setText(i18n.text("weights.contour.hint"));
    }

    /** An answer's point and gradient on the map; null: none. */
    void showAnswer(WeightSnapshot s) {
        if (s == null) {
            map.setPoint(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        } else {
            map.setPoint(s.value(), s.secondValue(), s.backprop(), s.secondBackprop());
        }
    }
}
