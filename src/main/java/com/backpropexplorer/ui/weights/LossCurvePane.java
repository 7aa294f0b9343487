package com.backpropexplorer.ui.weights;

import com.backpropexplorer.explain.WeightProbe.Element;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.lesson.LessonModel;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The loss over the one weight that moves: its title, the chart with the point and the backprop
 * tangent, and under it, when the curve is flat, why.
 */
final class LossCurvePane extends VBox {
    private final I18n i18n;
    private final Label title = new Label();
    private final LossCurveChart chart = new LossCurveChart();
    private final FlatNote flatNote;

    LossCurvePane(I18n i18n, LessonModel lesson) {
        super(4);
        this.i18n = i18n;
        this.flatNote = new FlatNote(i18n, lesson);
        title.getStyleClass().add("weights-chart-title");
        title.setId("weights-curve-title");
        getChildren().addAll(title, chart, flatNote);
        VBox.setVgrow(chart, Priority.ALWAYS);
        chart.setPrefHeight(10); // as tall as the controls beside it, no taller
        setMinWidth(220);
        getStyleClass().add("weights-chart-box");
    }

    LossCurveChart chart() {
        return chart;
    }

    /** The picked element names the curve. */
    void showSelection(Element e) {
        if (e != null) {
            title.setText(i18n.text("weights.curve.title", e.toString()));
        }
    }

    /** An answer for the picked element: the point, the tangent and the flat note; null: none. */
    void showAnswer(WeightSnapshot s) {
        flatNote.show(s);
        if (s == null) {
            chart.setPoint(Double.NaN, Double.NaN, Double.NaN);
            return;
        }
        chart.setPoint(s.value(), s.loss(), s.backprop());
        chart.setTangentLabel(i18n.text("weights.tangent", WeightsText.number(s.backprop())));
    }
}
