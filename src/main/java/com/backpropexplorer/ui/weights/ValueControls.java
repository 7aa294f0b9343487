package com.backpropexplorer.ui.weights;

import com.backpropexplorer.explain.WeightProbe.Element;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.lesson.LessonModel;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * The value of the element that moves: its field, the slider, and the slider's range (two fields
 * and "auto"). Every slider event goes to the model; the model's answers move the slider back
 * only when the learner is not dragging it.
 */
final class ValueControls {
    private final WeightsModel model;
    private final LessonModel lesson;
    private final InputCheck check;
    /** True while a step downhill animates the weight (the field then follows the answers only at the end). */
    private final BooleanSupplier stepping;
    private final Slider slider = new Slider(-1, 1, 0);
    private final TextField valueField = new TextField();
    private final TextField minField = new TextField();
    private final TextField maxField = new TextField();
    private final HBox valueRow;
    private final HBox rangeRow;
    /** True while the view sets the slider itself (not the learner). */
    private boolean updating;

    ValueControls(WeightsModel model, I18n i18n, InputCheck check, BooleanSupplier stepping) {
        this.model = model;
        this.lesson = model.lesson();
        this.check = check;
        this.stepping = stepping;
        slider.setId("weights-slider");
        slider.setMaxWidth(Double.MAX_VALUE);
        slider.valueProperty().addListener((obs, o, n) -> {
            if (!updating) {
                model.setValue(n.doubleValue());
                valueField.setText(WeightsText.number(n.doubleValue()));
                check.clear();
            }
        });
        valueField.setId("weights-value");
        valueField.setPrefColumnCount(8);
        valueField.setMinWidth(Region.USE_PREF_SIZE);
        onCommit(valueField, this::commitValue);
        minField.setId("weights-min");
        maxField.setId("weights-max");
        for (TextField f : new TextField[] {minField, maxField}) {
            f.setPrefColumnCount(5);
            onCommit(f, this::commitRange);
        }
        for (TextField f : new TextField[] {valueField, minField, maxField}) {
            check.watch(f);
        }
        Button auto = new Button(i18n.text("weights.range.auto"));
        auto.setId("weights-range-auto");
        auto.getStyleClass().addAll("small", "flat");
        auto.setTooltip(new Tooltip(i18n.text("weights.range.auto.tooltip")));
        auto.setOnAction(e -> {
            model.autoRange();
            check.clear();
        });
        valueRow = new HBox(6, WeightsPanel.label(i18n, "weights.value"), valueField);
        valueRow.setAlignment(Pos.CENTER_LEFT);
        rangeRow = new HBox(4, WeightsPanel.label(i18n, "weights.range"), minField, new Label("…"), maxField, auto);
        rangeRow.setAlignment(Pos.CENTER_LEFT);
    }

    /** Enter or leaving the field commits what was typed. */
    static void onCommit(TextField field, Runnable commit) {
        field.setOnAction(e -> commit.run());
        field.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                commit.run();
            }
        });
    }

    /** The value row, the slider and the range row, top to bottom. */
    List<Node> nodes() {
        return List.of(valueRow, slider, rangeRow);
    }

    Slider slider() {
        return slider;
    }

    private void commitValue() {
        Element e = lesson.selectedElement();
        if (e == null) {
            return;
        }
        double current = currentValue();
        String previous = WeightsText.number(current);
        if (valueField.getText().trim().equals(previous)) {
            return;
        }
        double v = check.read(valueField, previous, "weights.what.weight", WeightsModel.LIMIT, false);
        if (Double.isNaN(v)) {
            return;
        }
        check.clear();
        if (v < model.rangeMinProperty().get() || v > model.rangeMaxProperty().get()) {
            double[] r = WeightsModel.autoRange(v);
            model.setRange(Math.min(r[0], current), Math.max(r[1], current));
        }
        updating = true;
        try {
            slider.setValue(v);
        } finally {
            updating = false;
        }
        model.setValue(v);
    }

    private void commitRange() {
        String prevMin = WeightsText.plain(model.rangeMinProperty().get());
        String prevMax = WeightsText.plain(model.rangeMaxProperty().get());
        if (minField.getText().trim().equals(prevMin) && maxField.getText().trim().equals(prevMax)) {
            return;
        }
        double min = check.read(minField, prevMin, "weights.what.min", WeightsModel.LIMIT, false);
        if (Double.isNaN(min)) {
            return;
        }
        double max = check.read(maxField, prevMax, "weights.what.max", WeightsModel.LIMIT, false);
        if (Double.isNaN(max)) {
            return;
        }
        if (!(min < max)) {
            check.refuse(maxField, prevMax, check.text("weights.input.order", minField.getText().trim(),
                    maxField.getText().trim()));
            minField.setText(prevMin);
            return;
        }
        check.clear();
        model.setRange(min, max);
    }

    /** The selected element's value: the engine's last answer for it, else the pass on show. */
    private double currentValue() {
        WeightSnapshot s = model.snapshot();
        Element e = lesson.selectedElement();
        if (s != null && e != null && e.equals(s.element()) && Double.isFinite(s.value())) {
            return s.value();
        }
        return model.currentValue(e);
    }

    /** An element was picked (or none): the slider and the field move to its value. */
    void showSelection(boolean any) {
        slider.setDisable(!any);
        valueField.setDisable(!any);
        if (any) {
            double v = currentValue();
            if (Double.isFinite(v)) {
                setSlider(v);
                valueField.setText(WeightsText.number(v));
            }
        }
    }

    /** The model's range: the slider's ends and the two fields. */
    void showRange() {
        double min = model.rangeMinProperty().get();
        double max = model.rangeMaxProperty().get();
        updating = true;
        try {
            slider.setMin(min);
            slider.setMax(max);
        } finally {
            updating = false;
        }
        minField.setText(WeightsText.plain(min));
        maxField.setText(WeightsText.plain(max));
    }

    /** An answer: the field and the slider follow it unless the learner is dragging or typing. */
    void showAnswer(WeightSnapshot s) {
        if (!slider.isValueChanging() && !stepping.getAsBoolean() && !valueField.isFocused()) {
            valueField.setText(WeightsText.number(s.value()));
        }
        if (!slider.isValueChanging()) {
            setSlider(s.value());
        }
    }

    private void setSlider(double v) {
        if (slider.isValueChanging() || slider.getValue() == v) {
            return;
        }
        updating = true;
        try {
            slider.setValue(Math.max(slider.getMin(), Math.min(slider.getMax(), v)));
        } finally {
            updating = false;
        }
    }
}
