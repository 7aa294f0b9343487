package com.backpropexplorer.ui.weights;

import com.backpropexplorer.ui.I18n;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/**
 * Reads the numbers the learner types into the weights panel's fields; a bad one is refused
 * with one sentence on the panel's message line, and the field gets its previous text back.
 */
final class InputCheck {
    private final I18n i18n;
    private final Label message;
    private final List<TextField> fields = new ArrayList<>();

    InputCheck(I18n i18n, Label message) {
        this.i18n = i18n;
        this.message = message;
    }

    /** A field whose warning style {@link #clear()} takes away. */
    void watch(TextField field) {
        fields.add(field);
    }

    /** Reads a field; on bad input says why, puts the previous text back and returns NaN. */
    double read(TextField field, String previous, String whatKey, double limit, boolean positive) {
        String text = field.getText();
        double v;
        try {
            v = WeightsText.parse(text);
        } catch (NumberFormatException e) {
            refuse(field, previous, i18n.text("weights.input.notNumber", text.trim(), i18n.text(whatKey), previous));
            return Double.NaN;
        }
        if (!Double.isFinite(v) || Math.abs(v) > limit) {
            refuse(field, previous, i18n.text("weights.input.tooBig", text.trim(), i18n.text(whatKey),
                    WeightsText.plain(limit), previous));
            return Double.NaN;
        }
        if (positive && v <= 0) {
            refuse(field, previous, i18n.text("weights.input.positive", text.trim(), previous));
            return Double.NaN;
        }
        field.pseudoClassStateChanged(WeightsPanel.INVALID, false);
        return v;
    }

    /** A sentence of the ui bundle. */
    String text(String key, Object... args) {
        return i18n.text(key, args);
    }

    /** Says why the field's text was not taken and puts {@code previous} back. */
    void refuse(TextField field, String previous, String why) {
        warn(why);
        field.pseudoClassStateChanged(WeightsPanel.INVALID, true);
        field.setText(previous);
    }

    /** A sentence in the warning style on the message line. */
    void warn(String why) {
        message.setText(why);
        message.pseudoClassStateChanged(WeightsPanel.INVALID, true);
    }

    /** No message, no field in the warning style. */
    void clear() {
        message.setText("");
        message.pseudoClassStateChanged(WeightsPanel.INVALID, false);
        for (TextField f : fields) {
            f.pseudoClassStateChanged(WeightsPanel.INVALID, false);
        }
    }
}
