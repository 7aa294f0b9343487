package com.backpropexplorer.ui.explainer;

import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.lesson.LessonModel;
import com.backpropexplorer.ui.lesson.SampleChoice;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;

/**
 * One sample or the batch: "the batch", "#0", "#1" … and "run it alone (N = 1)". Shown in
 * lessons whose batch has more than one sample. Ids {@code sample-batch}, {@code sample-<r>},
 * {@code sample-alone}.
 */
final class SampleBar extends FlowPane {
    private final SampleChoice samples;
    private final I18n i18n;
    private final ToggleGroup group = new ToggleGroup();
    private final CheckBox alone = new CheckBox();
    private int shownSize = -1;
    private final ChangeListener<Object> refresh = (obs, o, n) -> refresh();

    SampleBar(LessonModel model, I18n i18n) {
        this.samples = model.samples();
        this.i18n = i18n;
        setId("sample-bar");
        getStyleClass().add("sample-bar");
        setHgap(6);
        setVgap(4);
        setAlignment(Pos.CENTER_LEFT);
        alone.setId("sample-alone");
        alone.setText(i18n.text("sample.alone"));
        alone.setTooltip(new Tooltip(i18n.text("sample.alone.tooltip")));
        alone.setMinWidth(USE_PREF_SIZE);
        alone.setOnAction(e -> samples.setAlone(alone.isSelected()));
        model.runProperty().addListener(new WeakChangeListener<>(refresh));
        samples.rowProperty().addListener(new WeakChangeListener<>(refresh));
        samples.aloneProperty().addListener(new WeakChangeListener<>(refresh));
        refresh();
    }

    private void refresh() {
        int n = samples.batchSize();
        boolean show = n > 1;
        setVisible(show);
        setManaged(show);
        if (n != shownSize) {
            shownSize = n;
            getChildren().clear();
            group.getToggles().clear();
            Label label = new Label(i18n.text("sample.label"));
            label.setMinWidth(USE_PREF_SIZE);
            getChildren().add(label);
            getChildren().add(toggle(i18n.text("sample.batch"), "sample-batch", -1));
            for (int r = 0; r < n; r++) {
                getChildren().add(toggle("#" + r, "sample-" + r, r));
            }
            getChildren().add(alone);
        }
        for (var t : group.getToggles()) {
            t.setSelected((int) t.getUserData() == samples.row());
        }
        alone.setSelected(samples.isAlone());
        alone.setDisable(samples.row() < 0);
    }

    private ToggleButton toggle(String text, String id, int row) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        b.setUserData(row);
        b.setToggleGroup(group);
        b.getStyleClass().add("small");
        b.setFocusTraversable(false);
        b.setMinWidth(USE_PREF_SIZE);
        b.setOnAction(e -> {
            samples.pick(row);
            b.setSelected(samples.row() == row);
        });
        return b;
    }
}
