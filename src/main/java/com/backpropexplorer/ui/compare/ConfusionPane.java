package com.backpropexplorer.ui.compare;

import com.backpropexplorer.engine.ConfusionMatrix;
import com.backpropexplorer.engine.TwoLayerNet;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.LookedUpColors;
import java.util.Arrays;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.ejml.data.DMatrixRMaj;

/**
 * Which digits the net gets wrong: the test set's confusion matrix (rows the true digit,
 * columns the predicted one), as buttons whose colour grows with the count, replaced at every
 * epoch. A click on a cell lists the test digits of that cell; a click on one of those opens it
 * in the MNIST lesson's step-through with the weights of that epoch, as "Explain this digit"
 * does on the canvas. FX thread only.
 */
public final class ConfusionPane extends VBox {
    /** The looked-up colours of app.css for the diagonal (right answers) and the rest (mistakes). */
    static final String RIGHT = "-bpe-confusion-right";
    static final String WRONG = "-bpe-confusion-wrong";
    /** What a click on a digit does: open it in the step-through. */
    @FunctionalInterface
    public interface ExplainDigit {
        void explain(double[] pixels, int label, TwoLayerNet net);
    }

    /** At most this many digits of one cell are shown. */
    static final int MAX_DIGITS = 120;
    private static final int DIGIT_SCALE = 2;

    private final I18n i18n;
    private final ExplainDigit explain;
    private final Label summary = new Label();
    private final GridPane grid = new GridPane();
    private final Label cellTitle = new Label();
    private final FlowPane digits = new FlowPane(4, 4);
    private final Button[][] cells = new Button[10][10];
    private ConfusionMatrix matrix;
    private TwoLayerNet net;
    private DMatrixRMaj images;
    private int chosenTruth = -1;
    private int chosenGuess = -1;

    public ConfusionPane(I18n i18n, ExplainDigit explain) {
        this.i18n = i18n;
        this.explain = explain;
        setId("confusionPane");
        getStyleClass().add("confusion-pane");
        setSpacing(8);
        summary.setId("confusionSummary");
        summary.setWrapText(true);
        summary.setText(i18n.text("confusion.empty"));
        grid.setId("confusionGrid");
        grid.getStyleClass().add("confusion-grid");
        grid.setHgap(2);
        grid.setVgap(2);
        Label corner = new Label(i18n.text("confusion.corner"));
        corner.getStyleClass().add("confusion-head");
        corner.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.add(corner, 0, 0);
        for (int d = 0; d < 10; d++) {
            Label column = new Label(Integer.toString(d));
            column.getStyleClass().add("confusion-head");
            column.setMaxWidth(Double.MAX_VALUE);
            column.setAlignment(Pos.CENTER);
            grid.add(column, d + 1, 0);
            Label row = new Label(Integer.toString(d));
            row.getStyleClass().add("confusion-head");
            grid.add(row, 0, d + 1);
        }
        for (int t = 0; t < 10; t++) {
            for (int p = 0; p < 10; p++) {
                Button cell = new Button("");
                cell.setId("confusion-" + t + "-" + p);
                cell.getStyleClass().addAll("confusion-cell", t == p ? "diagonal" : "off-diagonal");
                cell.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // "980" must show in full, not "..."
                cell.setFocusTraversable(true);
                int truth = t;
                int guess = p;
                cell.setOnAction(e -> choose(truth, guess));
                cell.setDisable(true);
                cells[t][p] = cell;
                grid.add(cell, p + 1, t + 1);
            }
        }
        Label axes = new Label(i18n.text("confusion.axes"));
        axes.getStyleClass().add("text-muted");
        axes.setWrapText(true);
        cellTitle.setId("confusionCellTitle");
        cellTitle.setWrapText(true);
        digits.setId("confusionDigits");
        ScrollPane digitScroll = new ScrollPane(digits);
        digitScroll.setFitToWidth(true);
        digitScroll.setPrefViewportHeight(140);
        digitScroll.getStyleClass().add("confusion-digits-scroll");
        HBox top = new HBox(12, grid);
        getChildren().addAll(summary, axes, top, cellTitle, digitScroll);
    }

    /**
     * The matrix of one epoch.
     *
     * @param confusion the test set's counts, with the predictions
     * @param weights a copy of the weights that made them (for the step-through)
     * @param testImages the test set, one image a row, as the matrix indexes it
     */
    public void show(ConfusionMatrix confusion, TwoLayerNet weights, DMatrixRMaj testImages) {
        matrix = confusion;
        net = weights;
        images = testImages;
        int maxOff = 1;
        for (int t = 0; t < 10; t++) {
            for (int p = 0; p < 10; p++) {
                if (t != p) {
                    maxOff = Math.max(maxOff, confusion.count(t, p));
                }
            }
        }
        for (int t = 0; t < 10; t++) {
            int row = 0;
            for (int p = 0; p < 10; p++) {
                row += confusion.count(t, p);
            }
            for (int p = 0; p < 10; p++) {
                int n = confusion.count(t, p);
                Button cell = cells[t][p];
                cell.setText(Integer.toString(n));
                cell.setDisable(n == 0 || t == p && n == 0);
                double strength = t == p ? (row == 0 ? 0 : (double) n / row) : Math.sqrt((double) n / maxOff);
                // the count as colour: app.css's colours for right answers and mistakes, the count as their
                // opacity (the theme's text stays legible)
                Color base = LookedUpColors.app(t == p ? RIGHT : WRONG);
                cell.setStyle(String.format(Locale.ROOT, "-fx-padding: 2 3; -fx-background-color: rgba(%d, %d, %d, %.3f);",
                        Math.round(base.getRed() * 255), Math.round(base.getGreen() * 255),
                        Math.round(base.getBlue() * 255), t == p ? 0.15 + 0.5 * strength : 0.7 * strength));
                cell.setTooltip(new Tooltip(i18n.text("confusion.cell.tip", t, p, n)));
            }
        }
        summary.setText(i18n.text("confusion.summary", confusion.correct(), confusion.total(),
                String.format(Locale.ROOT, "%.2f", 100 * confusion.accuracy())));
        if (chosenTruth >= 0) {
            choose(chosenTruth, chosenGuess);
        }
    }

    /** Lists the test digits of one cell (as a click on it does). */
    void choose(int truth, int guess) {
        if (matrix == null) {
            return;
        }
        chosenTruth = truth;
        chosenGuess = guess;
        int[] samples = matrix.samples(truth, guess);
        cellTitle.setText(i18n.text(truth == guess ? "confusion.cell.right" : "confusion.cell.wrong", truth, guess,
                samples.length, Math.min(samples.length, MAX_DIGITS)));
        digits.getChildren().clear();
        for (int index : Arrays.copyOf(samples, Math.min(samples.length, MAX_DIGITS))) {
            digits.getChildren().add(digitButton(index, truth, guess));
        }
    }

    private Button digitButton(int index, int truth, int guess) {
        int cols = images.numCols;
        double[] pixels = Arrays.copyOfRange(images.data, index * cols, (index + 1) * cols);
        Button b = new Button();
        b.setId("confusion-digit-" + index);
        b.getStyleClass().add("confusion-digit");
        b.setGraphic(new ImageView(picture(pixels)));
        b.setTooltip(new Tooltip(i18n.text("confusion.digit.tip", index, truth, guess)));
        TwoLayerNet weights = net;
        b.setOnAction(e -> explain.explain(pixels, truth, weights.copy()));
        return b;
    }

    /** Dark ink on white, each pixel {@link #DIGIT_SCALE}×{@link #DIGIT_SCALE}. */
    private static WritableImage picture(double[] pixels) {
        int side = (int) Math.round(Math.sqrt(pixels.length));
        int big = side * DIGIT_SCALE;
        int[] argb = new int[big * big];
        for (int y = 0; y < big; y++) {
            for (int x = 0; x < big; x++) {
                double ink = Math.max(0, Math.min(1, pixels[(y / DIGIT_SCALE) * side + x / DIGIT_SCALE]));
                int grey = (int) Math.round(255 * (1 - ink));
                argb[y * big + x] = 0xFF000000 | grey << 16 | grey << 8 | grey;
            }
        }
        WritableImage image = new WritableImage(big, big);
        image.getPixelWriter().setPixels(0, 0, big, big, PixelFormat.getIntArgbInstance(), argb, 0, big);
        return image;
    }

    /** The matrix shown, or null before the first epoch. */
    public ConfusionMatrix matrix() {
        return matrix;
    }
}
