package com.backpropexplorer.ui.train;

import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.chart.ChartCanvas;
import java.util.Locale;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.geometry.Dimension2D;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The training view's four cards of pictures: the loss per update (figure 4-12), the accuracy
 * per epoch (figure 4-11), W1's columns as 28×28 tiles, and what the net predicts for a strip of
 * test digits. News arrive at most {@value TrainingRun#PROGRESS_HZ} times a second; the loss
 * chart follows at most {@value #LOSS_REDRAW_HZ} times a second (and once more when the run
 * ends), the accuracy chart only when an epoch adds a point or the axis changes.
 */
final class TrainingCharts {
    /** The loss and accuracy charts: axis titles and ticks all round, on the cards' own background. */
    static final ChartCanvas.Look CHART_LOOK = new ChartCanvas.Look("chart-canvas",
            new Insets(12, 26, 34, 58), // right: room for half of "10,000"
            new Dimension2D(150, 150), new Dimension2D(420, 230), 60, false); // narrow enough for 1024 px
    private static final int LOSS_REDRAW_HZ = 10;

    private final I18n i18n;
    private final TrainingModel model;
    private final DatasetModel dataset;
    private final LossChart lossChart;
    private final AccuracyChart accuracyChart;
    private final WeightTilesView tiles = new WeightTilesView();
    private final PredictionStrip strip;
    private final Label tilesScale;
    private final Label stripSummary;
    private final PauseTransition lossRedrawLater = new PauseTransition(Duration.millis(1000.0 / LOSS_REDRAW_HZ));
    private long lastLossRedraw;
    private int accuracyPoints = -1;
    private int accuracyEnd = -1;

    /**
     * @param lossCard, accuracyCard, tilesCard, stripCard the cards (title first) the pictures go into
     * @param tilesScale, stripSummary the sentences under the tiles' and the strip's titles
     */
    TrainingCharts(I18n i18n, TrainingModel model, DatasetModel dataset, VBox lossCard, VBox accuracyCard,
                   VBox tilesCard, VBox stripCard, Label tilesScale, Label stripSummary) {
        this.i18n = i18n;
        this.model = model;
        this.dataset = dataset;
        this.tilesScale = tilesScale;
        this.stripSummary = stripSummary;
        strip = new PredictionStrip(i18n);
        lossChart = new LossChart(model.log(), model::plannedEnd);
        accuracyChart = new AccuracyChart(model.log(), model::plannedEnd);
        lossChart.setTitles(i18n.text("train.chart.iterations"), i18n.text("train.chart.loss"));
        lossChart.setNames(i18n.text("train.chart.raw"), i18n.text("train.chart.smoothed", LossChart.WINDOW));
        accuracyChart.setTitles(i18n.text("train.chart.epochs"), i18n.text("train.chart.accuracy"));
        accuracyChart.setNames(i18n.text("train.chart.trainAcc"), i18n.text("train.chart.testAcc"));
        // the charts' texts in the cards' own font, so Japanese axis titles get a CJK font
        ((Label) lossCard.getChildren().get(0)).fontProperty().addListener((obs, o, n) -> {
            lossChart.setFontFamily(n.getFamily());
            accuracyChart.setFontFamily(n.getFamily());
        });
        lossCard.getChildren().add(lossChart);
        accuracyCard.getChildren().add(accuracyChart);
        VBox.setVgrow(lossChart, Priority.ALWAYS);
        VBox.setVgrow(accuracyChart, Priority.ALWAYS);
        tilesCard.getChildren().add(tiles);
        stripCard.getChildren().add(strip);
        lossRedrawLater.setOnFinished(e -> redrawLoss());
    }

    LossChart lossChart() {
        return lossChart;
    }

    AccuracyChart accuracyChart() {
        return accuracyChart;
    }

    WeightTilesView tiles() {
        return tiles;
    }

    PredictionStrip strip() {
        return strip;
    }


    void stop() {
        lossRedrawLater.stop();
    }

    void redraw() {
        long now = System.nanoTime();
        if (now - lastLossRedraw >= 1_000_000_000L / LOSS_REDRAW_HZ || !model.state().active()) {
            lossRedrawLater.stop();
            redrawLoss();
        } else if (lossRedrawLater.getStatus() != Animation.Status.RUNNING) {
            lossRedrawLater.playFromStart();
        }
        int points = model.log().epochs().size();
        int end = model.plannedEnd();
        if (points != accuracyPoints || end != accuracyEnd) {
            accuracyPoints = points;
            accuracyEnd = end;
            accuracyChart.redraw();
        }
    }

    private void redrawLoss() {
        lastLossRedraw = System.nanoTime();
        lossChart.redraw();
    }

    void showWeights(WeightPicture picture) {
        tiles.show(picture);
        if (picture == null) {
            tilesScale.setText(i18n.text("train.tiles.none"));
        } else {
            tilesScale.setText(i18n.text(picture.units() < picture.hiddenSize() ? "train.tiles.scaleSome"
                    : "train.tiles.scale", picture.units(), picture.hiddenSize(), String.format(Locale.ROOT, "%.3g",
                    picture.maxAbs())));
        }
    }

    /** The strip's digits (once per training set), their guesses reset. */
    void showDigits() {
        strip.setDigits(dataset.strip());
        showPredictions();
    }

    void showPredictions() {
        int[] predicted = model.predictionsProperty().get();
        strip.setPredictions(predicted);
        DigitStrip digits = dataset.strip();
        if (digits == null) {
            stripSummary.setText(i18n.text("train.strip.none"));
        } else if (predicted == null) {
            stripSummary.setText(i18n.text("train.strip.waiting", digits.labels().length));
        } else {
            stripSummary.setText(i18n.text("train.strip.summary", strip.rightCount(), digits.labels().length));
        }
    }
}
