package com.backpropexplorer.ui.train;

import com.backpropexplorer.ui.I18n;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

/**
 * A strip of test digits with what the net currently predicts under each: green when right,
 * red when wrong. The cells are built once, with the page, so that loading a training set (which
 * happens as training starts) only swaps pictures and texts: creating and styling twenty cells
 * then cost a frame of 60 ms. The pictures come ready-made from the loading thread
 * ({@link DigitStrip#argb}); only the labels change as training goes on.
 */
final class PredictionStrip extends TilePane {
    private static final int SIDE = 28;
    private static final double SCALE = 1.25;
    private final I18n i18n;
    private final VBox[] cells = new VBox[DigitStrip.SIZE];
    private final ImageView[] digits = new ImageView[DigitStrip.SIZE];
    private final Tooltip[] tips = new Tooltip[DigitStrip.SIZE];
    private final Label[] allGuesses = new Label[DigitStrip.SIZE];
    private Label[] guesses = new Label[0];
    private int[] labels = new int[0];

    PredictionStrip(I18n i18n) {
        this.i18n = i18n;
        setPrefColumns(10);
        setHgap(6);
        setVgap(6);
        getStyleClass().add("prediction-strip");
        setId("predictionStrip");
        for (int i = 0; i < cells.length; i++) {
            ImageView digit = new ImageView();
            digit.setFitWidth(SIDE * SCALE);
            digit.setFitHeight(SIDE * SCALE);
            digit.setSmooth(true);
            StackPane frame = new StackPane(digit);
            frame.getStyleClass().add("strip-digit");
            Label guess = new Label("?");
            guess.getStyleClass().add("strip-guess");
            guess.setMaxWidth(Double.MAX_VALUE);
            guess.setAlignment(Pos.CENTER);
            VBox cell = new VBox(2, frame, guess);
            cell.setAlignment(Pos.CENTER);
            cell.getStyleClass().add("strip-cell");
            tips[i] = new Tooltip();
            Tooltip.install(cell, tips[i]);
            digits[i] = digit;
            allGuesses[i] = guess;
            cells[i] = cell;
            show(cell, false);
            getChildren().add(cell);
        }
    }

    private static void show(VBox cell, boolean on) {
        cell.setVisible(on);
        cell.setManaged(on);
    }

    /** Shows the strip's digits (once per training set), their guesses reset to "?". */
    void setDigits(DigitStrip strip) {
        int count = strip == null ? 0 : Math.min(cells.length, strip.labels().length);
        guesses = java.util.Arrays.copyOf(allGuesses, count);
        labels = strip == null ? new int[0] : java.util.Arrays.copyOf(strip.labels(), count);
        for (int i = 0; i < cells.length; i++) {
            boolean used = i < count;
            if (used) {
                digits[i].setImage(picture(strip.argb(), strip.side(), i));
                tips[i].setText(i18n.text("train.strip.label", i, labels[i]));
            } else {
                digits[i].setImage(null);
            }
            allGuesses[i].setText("?");
            allGuesses[i].getStyleClass().removeAll("right", "wrong");
            show(cells[i], used);
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

    /** Digit {@code i} of the strip's ready-made pixels, as an image (one block copy). */
    private static WritableImage picture(int[] argb, int side, int i) {
        WritableImage image = new WritableImage(side, side);
        image.getPixelWriter().setPixels(0, 0, side, side, PixelFormat.getIntArgbInstance(), argb, i * side * side,
                side);
        return image;
    }
}
