package com.backpropexplorer.ui.train;

import com.backpropexplorer.ui.I18n;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * A strip of test digits with what the net currently predicts under each: green when right,
 * red when wrong. The digits are drawn once; only the labels change as training goes on.
 */
final class PredictionStrip extends TilePane {
    private static final int SIDE = 28;
    private static final double SCALE = 1.25;
    private final I18n i18n;
    private Label[] guesses = new Label[0];
    private int[] labels = new int[0];

    PredictionStrip(I18n i18n) {
        this.i18n = i18n;
        setPrefColumns(10);
        setHgap(6);
        setVgap(6);
        getStyleClass().add("prediction-strip");
        setId("predictionStrip");
    }

    /** Draws the digits (once per training set). */
    void setDigits(TrainingModel.Strip strip) {
        getChildren().clear();
        if (strip == null) {
            guesses = new Label[0];
            labels = new int[0];
            return;
        }
        int count = strip.labels().length;
        guesses = new Label[count];
        labels = strip.labels().clone();
        int cols = strip.images().numCols;
        for (int i = 0; i < count; i++) {
            ImageView digit = new ImageView(picture(strip.images().data, i * cols, cols));
            digit.setFitWidth(SIDE * SCALE);
            digit.setFitHeight(SIDE * SCALE);
            digit.setSmooth(true);
            StackPane frame = new StackPane(digit);
            frame.getStyleClass().add("strip-digit");
            Label guess = new Label("?");
            guess.getStyleClass().add("strip-guess");
            guess.setMaxWidth(Double.MAX_VALUE);
            guess.setAlignment(Pos.CENTER);
            guesses[i] = guess;
            VBox cell = new VBox(2, frame, guess);
            cell.setAlignment(Pos.CENTER);
            cell.getStyleClass().add("strip-cell");
            Tooltip.install(cell, new Tooltip(i18n.text("train.strip.label", i, labels[i])));
            getChildren().add(cell);
        }
    }

    /** Updates the labels under the digits (touching only those that change: no needless CSS pass). */
    void setPredictions(int[] predicted) {
        for (int i = 0; i < guesses.length; i++) {
            Label guess = guesses[i];
            boolean known = predicted != null && i < predicted.length;
            String text = known ? Integer.toString(predicted[i]) : "?";
            String style = !known ? null : predicted[i] == labels[i] ? "right" : "wrong";
            if (!text.equals(guess.getText())) {
                guess.setText(text);
            }
            boolean right = guess.getStyleClass().contains("right");
            boolean wrong = guess.getStyleClass().contains("wrong");
            if (style == null ? (right || wrong) : !(style.equals("right") ? right && !wrong : wrong && !right)) {
                guess.getStyleClass().removeAll("right", "wrong");
                if (style != null) {
                    guess.getStyleClass().add(style);
                }
            }
        }
    }

    /** How many of the shown predictions are right (tests). */
    int rightCount() {
        int right = 0;
        for (Label guess : guesses) {
            if (guess.getStyleClass().contains("right")) {
                right++;
            }
        }
        return right;
    }

    /** Dark ink on white paper, whatever the theme: how a digit looks on paper. */
    private static WritableImage picture(double[] data, int offset, int cols) {
        int side = (int) Math.round(Math.sqrt(cols));
        WritableImage image = new WritableImage(side, side);
        PixelWriter out = image.getPixelWriter();
        for (int p = 0; p < side * side; p++) {
            double v = Math.max(0, Math.min(1, data[offset + p]));
            out.setColor(p % side, p / side, Color.gray(1 - v));
        }
        return image;
    }
}
