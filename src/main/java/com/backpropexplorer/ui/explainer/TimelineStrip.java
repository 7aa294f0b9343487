package com.backpropexplorer.ui.explainer;

import com.backpropexplorer.explain.Stage;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.graph.Flow;
import com.backpropexplorer.ui.lesson.LessonModel;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Every stage of the pass in a row (forward Affine1 … backward Affine1) with where the
 * learner is: stages done are filled in their flow's colour, the current one is outlined.
 * Clicking a stage jumps there; the first cell is the start, before anything ran.
 */
final class TimelineStrip extends HBox {
    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");

    private final LessonModel model;
    private final I18n i18n;
    private final List<Button> cells = new ArrayList<>();
    private final ChangeListener<Object> onRun = (obs, o, n) -> runChanged();
    /** The stage labels shown ("F Affine1", ...): a pass with other numbers but the same stages keeps the strip. */
    private List<String> shownStages = List.of();
    private final ChangeListener<Number> onPosition = (obs, o, n) -> showPosition();

    TimelineStrip(LessonModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        getStyleClass().add("timeline");
        setId("timeline");
        model.runProperty().addListener(new WeakChangeListener<>(onRun));
        model.positionProperty().addListener(new WeakChangeListener<>(onPosition));
        rebuild();
    }

    private void runChanged() {
        List<String> stages = model.trace() == null ? List.of()
                : model.trace().stages().stream().map(Stage::label).toList();
        if (!stages.isEmpty() && stages.equals(shownStages)) {
            showPosition();
            return;
        }
        rebuild();
    }

    private void rebuild() {
        getChildren().clear();
        cells.clear();
        shownStages = List.of();
        if (model.trace() == null) {
            return;
        }
        shownStages = model.trace().stages().stream().map(Stage::label).toList();
        Button start = cell(i18n.text("timeline.start"), "", "timeline-start", null);
        start.setOnAction(e -> model.moveTo(0));
        start.getStyleClass().add("timeline-start");
        for (Stage stage : model.trace().stages()) {
            Flow flow = stage.isForward() ? Flow.FORWARD : stage.isUpdate() ? Flow.NEUTRAL : Flow.BACKWARD;
            String direction = i18n.text(stage.isForward() ? "timeline.forward"
                    : stage.isUpdate() ? "timeline.update" : "timeline.backward");
            Button cell = cell(direction, stage.layer(), "timeline-" + stage.index(), flow);
            int index = stage.index();
            cell.setOnAction(e -> model.showStage(index));
            cell.setTooltip(new Tooltip(i18n.text("timeline.tooltip", index + 1, direction, stage.layer())));
            HBox.setHgrow(cell, Priority.ALWAYS);
            cells.add(cell);
        }
        showPosition();
    }

    private Button cell(String top, String bottom, String id, Flow flow) {
        Label direction = new Label(top);
        direction.getStyleClass().add("timeline-direction");
        Label layer = new Label(bottom);
        layer.getStyleClass().add("timeline-layer");
        VBox text = new VBox(direction, layer);
        text.setAlignment(Pos.CENTER);
        Button cell = new Button();
        cell.setGraphic(text);
        cell.setId(id);
        cell.setFocusTraversable(false);
        cell.setMaxWidth(Double.MAX_VALUE);
        cell.getStyleClass().add("timeline-cell");
        if (flow != null) {
            cell.getStyleClass().add(flow.styleClass());
        }
        getChildren().add(cell);
        return cell;
    }

    private void showPosition() {
        int position = model.position();
        for (int i = 0; i < cells.size(); i++) {
            cells.get(i).pseudoClassStateChanged(DONE, i < position);
            cells.get(i).pseudoClassStateChanged(CURRENT, i == position - 1);
        }
        if (!getChildren().isEmpty()) {
            getChildren().get(0).pseudoClassStateChanged(CURRENT, position == 0);
        }
    }
}
