package com.backpropexplorer.ui.explainer;

import com.backpropexplorer.explain.text.Texts;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.lesson.LessonInputs;
import java.util.Map;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Pos;
import com.backpropexplorer.ui.shell.Dialogs;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The header row of a lesson whose inputs the learner may change: a field for each input the
 * lesson declares (apple, apple_num, tax …; Enter or leaving the field applies it, and every
 * value and gradient on the graph follows), the toggle that folds its nodes into one where it
 * has one, and Reset. Knows no lesson: it shows what {@link LessonInputs} offers.
 */
final class InputsPanel extends VBox {
    private final I18n i18n;
    private final LessonInputs inputs;
    private final Dialogs dialogs;
    private final FlowPane row = new FlowPane(10, 6);
    private final Label problem = new Label();
    private final ChangeListener<Map<String, Double>> onValues = (obs, o, n) -> showValues();

    InputsPanel(I18n i18n, LessonInputs inputs, String lessonId, Dialogs dialogs) {
        super(4);
        this.i18n = i18n;
        this.dialogs = dialogs;
        this.inputs = inputs;
        setId("lessonInputs");
        getStyleClass().add("lesson-inputs");
        row.setAlignment(Pos.CENTER_LEFT);
        problem.setId("inputProblem");
        problem.getStyleClass().add("input-problem");
        problem.setWrapText(true);
        problem.setVisible(false);
        problem.setManaged(false);
        if (!inputs.values().isEmpty()) {
            Label title = new Label(i18n.text("inputs.title"));
            title.getStyleClass().add("inputs-title");
            row.getChildren().add(title);
            for (String name : inputs.values().keySet()) {
                row.getChildren().add(field(name));
            }
        }
        if (inputs.foldable()) {
            String key = "lesson." + lessonId + ".fold";
            CheckBox fold = new CheckBox(Texts.has(key) ? Texts.text(i18n.locale(), key) : i18n.text("inputs.fold"));
            fold.setId("foldToggle");
            fold.setSelected(inputs.foldedProperty().get());
            fold.selectedProperty().addListener((obs, o, n) -> inputs.setFolded(n));
            row.getChildren().add(fold);
        }
        if (!inputs.values().isEmpty()) {
            Button reset = new Button(i18n.text("inputs.reset"));
            reset.setId("inputsReset");
            reset.getStyleClass().add("small");
            reset.setTooltip(new Tooltip(i18n.text("inputs.reset.tooltip")));
            reset.setOnAction(e -> {
                inputs.restart();
                problem.setVisible(false);
                problem.setManaged(false);
            });
            row.getChildren().add(reset);
        }
        getChildren().addAll(row, problem);
        inputs.valuesProperty().addListener(new WeakChangeListener<>(onValues));
    }

    private HBox field(String name) {
        Label label = new Label(name);
        label.getStyleClass().add("input-name");
        TextField field = new TextField(plain(inputs.values().get(name)));
        field.setId("input-" + name);
        field.setPrefColumnCount(4);
        field.setMaxWidth(80);
        field.setTooltip(new Tooltip(i18n.text("inputs.tooltip", name)));
        label.setLabelFor(field);
        field.setOnAction(e -> apply(name, field));
        field.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                apply(name, field);
            }
        });
        HBox box = new HBox(4, label, field);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private void apply(String name, TextField field) {
        String text = field.getText().trim();
        double value;
        try {
            value = Double.parseDouble(text.replace(',', '.'));
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!Double.isFinite(value)) {
            problem.setText(i18n.text("inputs.bad", name, text));
            problem.setVisible(true);
            problem.setManaged(true);
            field.setText(plain(inputs.values().get(name)));
            Alert alert = dialogs.alert(Alert.AlertType.WARNING, i18n.text("inputs.bad.title"), null, problem.getText());
            alert.getDialogPane().setId("input-problem-dialog");
            alert.show();
            return;
        }
        if (value != inputs.values().get(name)) {
            problem.setVisible(false);
            problem.setManaged(false);
            inputs.set(name, value);
        }
    }

    private void showValues() {
        for (var node : row.getChildren()) {
            if (node instanceof HBox box && box.getChildren().get(1) instanceof TextField field) {
                String name = field.getId().substring("input-".length());
                Double v = inputs.values().get(name);
                if (v != null && !field.isFocused()) {
                    field.setText(plain(v));
                }
            }
        }
    }

    /** 100, not 100.0; 1.1 as 1.1. */
    static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
