package com.backpropexplorer.ui.weights;

import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.Labels;
import com.backpropexplorer.ui.lesson.LessonModel;
import java.util.List;
import java.util.function.DoubleConsumer;
import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * Step downhill and reset: the learning rate, one weight or all of them, the button that makes
 * one SGD update (w ← w − lr·dL/dw) and animates the loss going down, and the way back to the
 * lesson's weights.
 */
final class StepControls {
    private static final Duration STEP_TIME = Duration.millis(700);

    private final WeightsModel model;
    private final LessonModel lesson;
    private final InputCheck check;
    private final TextField lrField = new TextField();
    private final ChoiceBox<Boolean> stepWhich = new ChoiceBox<>();
    private final Button step = new Button();
    private final Button reset = new Button();
    private final HBox lrRow;
    private final HBox stepRow;
    private Timeline stepAnimation;

    StepControls(WeightsModel model, I18n i18n, InputCheck check) {
        this.model = model;
        this.lesson = model.lesson();
        this.check = check;
        lrField.setId("weights-lr");
        lrField.setPrefColumnCount(5);
        lrField.setMinWidth(Region.USE_PREF_SIZE);
        lrField.setText(WeightsText.plain(model.learningRateProperty().get()));
        ValueControls.onCommit(lrField, this::commitLearningRate);
        check.watch(lrField);
        stepWhich.setId("weights-step-which");
        stepWhich.getItems().addAll(false, true);
        stepWhich.setConverter(Labels.of(all -> i18n.text(all ? "weights.step.all" : "weights.step.one")));
        stepWhich.setValue(model.stepAllProperty().get());
        stepWhich.valueProperty().addListener((obs, o, n) -> model.stepAllProperty().set(Boolean.TRUE.equals(n)));
        step.setText(i18n.text("weights.step"));
        step.setId("weights-step");
        step.getStyleClass().add("accent");
        step.setTooltip(new Tooltip(i18n.text("weights.step.tooltip")));
        step.setOnAction(e -> stepDownhill());
        reset.setText(i18n.text("weights.reset"));
        reset.setId("weights-reset");
        reset.setTooltip(new Tooltip(i18n.text("weights.reset.tooltip")));
        reset.setOnAction(e -> {
            stopStep();
            model.reset();
            check.clear();
        });
        lrRow = new HBox(6, WeightsPanel.label(i18n, "weights.lr"), lrField, stepWhich);
        lrRow.setAlignment(Pos.CENTER_LEFT);
        stepRow = new HBox(6, step, reset);
        stepRow.setAlignment(Pos.CENTER_LEFT);
    }

    /** The learning-rate row and the button row, top to bottom. */
    List<Node> nodes() {
        return List.of(lrRow, stepRow);
    }

    /** True while a step's animation runs. */
    boolean isStepping() {
        return stepAnimation != null;
    }

    /** Stepping and resetting need a picked element. */
    void showSelection(boolean any) {
        step.setDisable(!any || stepAnimation != null);
        reset.setDisable(!any);
    }

    private void commitLearningRate() {
        String previous = WeightsText.plain(model.learningRateProperty().get());
        if (lrField.getText().trim().equals(previous)) {
            return;
        }
        double v = check.read(lrField, previous, "weights.what.lr", WeightsModel.LIMIT, true);
        if (Double.isNaN(v)) {
            return;
        }
        check.clear();
        model.learningRateProperty().set(v);
        lrField.setText(WeightsText.plain(v));
    }

    private void stepDownhill() {
        if (lesson.selectedElement() == null || stepAnimation != null) {
            return;
        }
        commitLearningRate();
        step.setDisable(true);
        model.prepareStep(ends -> {
            double to = ends[1];
            if (Double.isFinite(to) && (to < model.rangeMinProperty().get() || to > model.rangeMaxProperty().get())) {
                double from = ends[0];
                double[] r = WeightsModel.autoRange(to);
                model.setRange(Math.min(r[0], from), Math.max(r[1], from));
            }
            SimpleDoubleProperty t = new SimpleDoubleProperty(0);
            DoubleConsumer send = model::stepFraction;
            t.addListener((obs, o, n) -> send.accept(n.doubleValue()));
            stepAnimation = new Timeline(new KeyFrame(Duration.ZERO, new KeyValue(t, 0)),
                    new KeyFrame(STEP_TIME, new KeyValue(t, 1, Interpolator.EASE_BOTH)));
            stepAnimation.setOnFinished(e -> {
                model.stepFraction(1);
                stopStep();
            });
            stepAnimation.play();
        });
    }

    private void stopStep() {
        if (stepAnimation != null) {
            stepAnimation.stop();
            stepAnimation = null;
        }
        step.setDisable(lesson.selectedElement() == null);
    }
}
