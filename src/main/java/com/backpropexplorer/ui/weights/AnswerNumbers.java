package com.backpropexplorer.ui.weights;

import com.backpropexplorer.ui.I18n;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * The engine's answer in numbers: the loss, dL/dw by backprop, by central differences and their
 * difference. Each label carries its exact value as userData and shows it in full on hover;
 * ∞ and NaN take the warning style.
 */
final class AnswerNumbers extends GridPane {
    private final Label loss = numberLabel("weights-loss", "weights-loss");
    private final Label backprop = numberLabel("weights-backprop", "backward");
    private final Label numerical = numberLabel("weights-numerical", null);
    private final Label difference = numberLabel("weights-difference", null);

    AnswerNumbers(I18n i18n) {
        getStyleClass().add("weights-numbers");
        addRow(0, WeightsPanel.label(i18n, "weights.loss"), loss);
        addRow(1, WeightsPanel.label(i18n, "weights.backprop"), backprop);
        addRow(2, WeightsPanel.label(i18n, "weights.numerical"), numerical);
        addRow(3, WeightsPanel.label(i18n, "weights.difference"), difference);
    }

    private static Label numberLabel(String id, String style) {
        Label l = new Label("–");
        l.setId(id);
        l.getStyleClass().add("weights-number");
        if (style != null) {
            l.getStyleClass().add(style);
        }
        l.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip tip = new Tooltip();
        tip.setShowDelay(Duration.millis(250));
        l.setTooltip(tip);
        return l;
    }

    /** The numbers of an answer. */
    void show(WeightSnapshot s) {
        show(loss, s.loss(), false);
        show(backprop, s.backprop(), false);
        show(numerical, s.numerical(), false);
        show(difference, s.difference(), true);
    }

    /** Dashes: no answer for the selected element. */
    void clear() {
        for (Label l : new Label[] {loss, backprop, numerical, difference}) {
            l.setText("–");
            l.setUserData(null);
            l.pseudoClassStateChanged(WeightsPanel.NON_FINITE, false);
        }
    }

    private static void show(Label label, double v, boolean scientific) {
        label.setUserData(v);
        label.setText(scientific ? WeightsText.scientific(v) : WeightsText.number(v));
        label.pseudoClassStateChanged(WeightsPanel.NON_FINITE, !Double.isFinite(v));
        label.getTooltip().setText(Double.toString(v));
    }
}
