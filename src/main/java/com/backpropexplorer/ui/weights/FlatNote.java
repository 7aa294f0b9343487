package com.backpropexplorer.ui.weights;

import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.lesson.LessonModel;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Under the loss curve, when it is flat: why this weight does not move the loss (a blank pixel,
 * a hidden unit the ReLU switched off), and a button that picks a weight of the same parameter
 * that does.
 */
final class FlatNote extends VBox {
    private final I18n i18n;
    private final LessonModel lesson;
    private final Label text = new Label();
    private final Button tryButton = new Button();

    FlatNote(I18n i18n, LessonModel lesson) {
        super(4);
        this.i18n = i18n;
        this.lesson = lesson;
        setId("weights-flat");
        getStyleClass().add("weights-flat");
        text.setId("weights-flat-text");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.getStyleClass().add("text-muted");
        tryButton.setId("weights-flat-try");
        tryButton.getStyleClass().addAll("small");
        getChildren().addAll(text, tryButton);
        show(null);
    }

    /** Shows the reason, or hides the note when there is none. */
    void show(WeightSnapshot s) {
        // the snapshot carries a pass only when the weights changed; else the one on show
        FlatWeight.Reason reason = s == null ? null : FlatWeight.of(s.trace() != null ? s.trace() : lesson.trace(),
                s.element(), s.backprop()).orElse(null);
        setVisible(reason != null);
        setManaged(reason != null);
        if (reason == null) {
            return;
        }
        text.setText(i18n.text(reason.key(), reason.element().toString(), reason.index()));
        tryButton.setVisible(reason.better() != null);
        tryButton.setManaged(reason.better() != null);
        if (reason.better() != null) {
            tryButton.setText(i18n.text("weights.flat.try", reason.better().toString()));
            tryButton.setOnAction(e -> lesson.selectElement(reason.better()));
        }
    }
}
