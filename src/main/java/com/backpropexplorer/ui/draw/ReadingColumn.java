package com.backpropexplorer.ui.draw;

import com.backpropexplorer.explain.DigitReader;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.shell.StatusLine;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Draw page's right column, what the net reads in the drawing: the 28×28 picture it is
 * given, its verdict and the ten probabilities as bars, the hidden activations as a strip, and
 * the label the learner picks for "Explain this digit" (none is picked for them: t is theirs
 * to choose). Follows the {@link DrawModel} while attached.
 */
final class ReadingColumn {
    /** Side of a preview pixel on screen. */
    private static final int PREVIEW_CELL = 6;
    /** Width of a hidden unit in the strip. */
    private static final int HIDDEN_CELL = 8; // 50 of them fit beside the paper at 1024 px

    private final I18n i18n;
    private final DrawModel model;
    private final StatusLine status;
    private final DrawPage.ExplainDigit explainDigit;
    private final CellStrip preview = new CellStrip("x", 28, 28, PREVIEW_CELL, PREVIEW_CELL, true);
    private final CellStrip hidden = new CellStrip("h", 50, 1, HIDDEN_CELL, 3 * HIDDEN_CELL, false);
    private final ProbabilityBars bars = new ProbabilityBars();
    private final Label verdict = new Label();
    private final Label timing = new Label();
    private final ToggleGroup labelGroup = new ToggleGroup();
    private final ToggleButton[] labelButtons = new ToggleButton[10];
    private final Button explainButton = new Button();
    private final VBox column;
    /** The label the learner picked since the ink last changed; -1 means none picked yet. */
    private int pickedLabel = -1;

    private final ChangeListener<DigitReader.Reading> onReading = (obs, o, n) -> showReading(n);
    private final ChangeListener<Number> onTiming = (obs, o, n) -> showTiming();
    /** New ink, new digit: no label is picked until the learner picks one. */
    private final Consumer<Paper.Region> onInk = region -> pickedLabel = -1;

    /**
     * @param status where "Explain this digit" says what it does
     * @param explainDigit what "Explain this digit" does
     */
    ReadingColumn(I18n i18n, DrawModel model, StatusLine status, DrawPage.ExplainDigit explainDigit) {
        this.i18n = i18n;
        this.model = model;
        this.status = status;
        this.explainDigit = explainDigit;
        column = new VBox(seesRow(), hiddenBox(), explainBox());
        column.getStyleClass().add("draw-reading-column");
        HBox.setHgrow(column, Priority.ALWAYS);
    }

    Node view() {
        return column;
    }

    /** Follows the model from now on (the page is shown). */
    void attach() {
        model.addInkListener(onInk);
        model.readingProperty().addListener(onReading);
        model.medianMillisProperty().addListener(onTiming);
        showReading(model.reading());
        showTiming();
    }

    /** Lets go of the model (the page is hidden). */
    void detach() {
        model.removeInkListener(onInk);
        model.readingProperty().removeListener(onReading);
        model.medianMillisProperty().removeListener(onTiming);
    }

    ProbabilityBars bars() {
        return bars;
    }

    CellStrip preview() {
        return preview;
    }

    CellStrip hiddenStrip() {
        return hidden;
    }

    // ------------------------------------------------------------ layout

    /** What the net sees beside its verdict and the probabilities. */
    private Node seesRow() {
        preview.setId("draw-preview");
        Label seesNote = note("draw.sees.note");
        seesNote.setMaxWidth(28 * PREVIEW_CELL + 2);
        VBox sees = new VBox(sectionTitle("draw.sees"), preview, seesNote);
        sees.getStyleClass().add("draw-sees");

        verdict.setId("draw-verdict");
        verdict.getStyleClass().add("draw-verdict");
        verdict.setWrapText(true);
        verdict.setMinHeight(Region.USE_PREF_SIZE);
        timing.setId("draw-timing");
        timing.getStyleClass().add("draw-timing");
        VBox probabilities = new VBox(verdict, timing, sectionTitle("draw.probabilities"), bars);
        probabilities.getStyleClass().add("draw-probabilities");
        HBox.setHgrow(probabilities, Priority.ALWAYS);
        HBox seesRow = new HBox(sees, probabilities);
        seesRow.getStyleClass().add("draw-sees-row");
        return seesRow;
    }

    private Node hiddenBox() {
        hidden.setId("draw-hidden");
        VBox hiddenBox = new VBox(sectionTitle("draw.hidden"), hidden, note("draw.hidden.note"));
        hiddenBox.getStyleClass().add("draw-hidden-box");
        return hiddenBox;
    }

    /** The ten labels to pick t from, and "Explain this digit". */
    private Node explainBox() {
        HBox labels = new HBox();
        labels.getStyleClass().add("draw-labels");
        for (int k = 0; k < 10; k++) {
            ToggleButton b = new ToggleButton(Integer.toString(k));
            b.setId("draw-label-" + k);
            b.getStyleClass().add("draw-label-button");
            b.setToggleGroup(labelGroup);
            int digit = k;
            b.setOnAction(e -> pick(digit));
            labelButtons[k] = b;
            labels.getChildren().add(b);
        }
        explainButton.setText(i18n.text("draw.explain"));
        explainButton.setId("draw-explain");
        explainButton.getStyleClass().add("accent");
        explainButton.setOnAction(e -> explain());
        explainButton.setMinWidth(Region.USE_PREF_SIZE);
        // the button goes under the labels where the two do not fit side by side
        FlowPane explainRow = new FlowPane(14, 8, labels, explainButton);
        explainRow.getStyleClass().add("draw-explain-row");
        VBox explainBox = new VBox(sectionTitle("draw.explain.title"), note("draw.explain.note"), explainRow);
        explainBox.getStyleClass().add("draw-explain-box");
        return explainBox;
    }

    private Label sectionTitle(String key) {
        Label label = new Label(i18n.text(key));
        label.getStyleClass().add("draw-section-title");
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private Label note(String key) {
        Label label = new Label(i18n.text(key));
        label.getStyleClass().add("draw-note");
        label.setWrapText(true);
        return label;
    }

    // ------------------------------------------------------------ showing

    private void showReading(DigitReader.Reading reading) {
        boolean none = reading == null || reading.empty();
        if (none) {
            bars.show(null, -1);
            preview.show(null);
            hidden.show(null);
            verdict.setText(i18n.text(model.netSourceProperty().get() == DrawModel.NetSource.NONE
                    ? "draw.verdict.nonet" : "draw.verdict.empty"));
            pickedLabel = -1;
        } else {
            bars.show(reading.probabilities(), reading.digit());
            preview.show(reading.pixels());
            hidden.show(reading.hidden());
            verdict.setText(i18n.text("draw.verdict", reading.digit(),
                    String.format(Locale.ROOT, "%.1f", 100 * reading.confidence())));
        }
        verdict.getStyleClass().remove("empty");
        if (none) {
            verdict.getStyleClass().add("empty");
        }
        // t is the learner's to choose: no label is chosen for them (it used to follow the
        // net's guess, so the loss compared the net with itself)
        int label = none ? -1 : pickedLabel;
        labelGroup.selectToggle(label < 0 ? null : labelButtons[label]);
        for (ToggleButton b : labelButtons) {
            b.setDisable(none);
        }
        explainButton.setDisable(label < 0 || model.net() == null);
        explainButton.setText(none ? i18n.text("draw.explain") : label < 0 ? i18n.text("draw.explain.pick")
                : i18n.text("draw.explain.as", label));
    }

    private void pick(int digit) {
        pickedLabel = digit;
        // a second click on the chosen label would unselect it: keep it chosen
        labelGroup.selectToggle(labelButtons[digit]);
        explainButton.setDisable(model.net() == null);
        explainButton.setText(i18n.text("draw.explain.as", digit));
    }

    private void showTiming() {
        double ms = model.medianMillisProperty().get();
        timing.setText(Double.isNaN(ms) ? "" : i18n.text("draw.timing", String.format(Locale.ROOT, "%.2f", ms)));
    }

    /** Sends the drawing, with the chosen label, to the explainer's mnist lesson (which the app then shows). */
    private void explain() {
        DigitReader.Reading reading = model.reading();
        if (reading == null || reading.empty() || model.net() == null || pickedLabel < 0) {
            return;
        }
        int label = pickedLabel;
        status.show(i18n.text("draw.explain.status", label));
        explainDigit.explain(reading.pixels(), label, model.net());
    }
}
