package com.backpropexplorer.ui.weights;

import com.backpropexplorer.explain.WeightProbe.Element;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.lesson.LessonModel;
import com.backpropexplorer.ui.lesson.MnistLesson;
import java.util.Locale;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The weights panel's top line: its title, the element that moves (and the second one), a hint
 * or the message about the last input, the mnist lesson's batch choice, the engine's time and
 * the button that folds the panel.
 */
final class WeightsHeader extends HBox {
    private final I18n i18n;
    private final LessonModel lesson;
    private final Label element = new Label();
    private final Label hint = new Label();
    private final Label timing = new Label();
    private final ToggleButton collapse = new ToggleButton();
    private final Label message = new Label();
    /** Holds the mnist lesson's batch choice, if offered. */
    private final HBox batchHost = new HBox();
    private ChangeListener<Object> onSource;

    WeightsHeader(I18n i18n, LessonModel lesson, Runnable onCollapse) {
        super(8);
        this.i18n = i18n;
        this.lesson = lesson;
        Label title = new Label(i18n.text("weights.title"));
        title.getStyleClass().add("weights-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        element.setMinWidth(Region.USE_PREF_SIZE);
        element.setId("weights-element");
        element.getStyleClass().add("weights-element");
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true); // two lines rather than cut at a laptop's width
        hint.setMinWidth(0);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(hint, Priority.ALWAYS);
        hint.setMaxWidth(Double.MAX_VALUE);
        hint.setTooltip(wrappingTip(hint));
        timing.setId("weights-timing");
        timing.getStyleClass().addAll("text-muted", "weights-timing");
        timing.setMinWidth(Region.USE_PREF_SIZE);
        collapse.setId("weights-collapse");
        collapse.getStyleClass().addAll("flat", "small");
        collapse.setMinWidth(Region.USE_PREF_SIZE);
        collapse.setOnAction(e -> onCollapse.run());
        collapse.setTooltip(new Tooltip(i18n.text("weights.collapse.tooltip")));
        message.setId("weights-message");
        message.getStyleClass().add("weights-message");
        message.setMinWidth(0);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());
        hint.managedProperty().bind(message.managedProperty().not());
        hint.visibleProperty().bind(hint.managedProperty());
        message.setTooltip(wrappingTip(message));
        batchHost.setManaged(false);
        batchHost.setVisible(false);
        getChildren().addAll(title, element, hint, message, batchHost, timing, collapse);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("weights-header");
    }

    private static Tooltip wrappingTip(Label label) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(label.textProperty());
        tip.setWrapText(true);
        tip.setMaxWidth(480);
        return tip;
    }

    /** The line that says what was wrong with an input (empty: the hint shows instead). */
    Label message() {
        return message;
    }

    /** True while the learner folded the panel. */
    boolean collapsed() {
        return collapse.isSelected();
    }

    /** The element(s) picked, or none: the names, the hint and the fold button. */
    void showSelection(Element e, Element b) {
        boolean any = e != null;
        collapse.setText(collapse.isSelected() ? "▸" : "▾");
        collapse.setDisable(!any);
        element.setText(any ? e + (b != null ? "  ·  " + b : "") : "");
        element.setVisible(any);
        String none = "weights.hint.none." + lesson.example().id(); // which parameters this lesson has
        hint.setText(i18n.text(any ? "weights.hint.picked" : i18n.has(none) ? none : "weights.hint.none"));
    }

    /**
     * The engine's time for the answer on show; none without one. Padded with figure spaces to
     * five places, so that the label keeps its width (and the panel its size) while it changes.
     */
    void showTiming(WeightSnapshot s) {
        timing.setText(s == null ? "" : i18n.text("weights.timing",
                String.format(Locale.ROOT, "%5.1f", s.engineNanos() / 1e6).replace(' ', '\u2007')));
    }

    /**
     * mnist: the batch the graph and the weights panel use, N = 3 (the lesson's) up to 100,
     * offered while the lesson shows these test digits (not the learner's drawing).
     */
    void offerBatch(MnistLesson mnist) {
        HBox choice = batchChoice(mnist);
        batchHost.getChildren().setAll(choice);
        Runnable follow = () -> {
            boolean shown = lesson.source() == mnist;
            batchHost.setVisible(shown);
            batchHost.setManaged(shown);
        };
        onSource = (obs, o, n) -> follow.run();
        lesson.sourceProperty().addListener(new WeakChangeListener<>(onSource));
        follow.run();
    }

    private HBox batchChoice(MnistLesson mnist) {
        ChoiceBox<Integer> choice = new ChoiceBox<>();
        choice.setId("weights-batch");
        choice.getItems().addAll(1, 3, 10, 100);
        if (!choice.getItems().contains(mnist.batchSize())) {
            choice.getItems().add(mnist.batchSize());
        }
        choice.setValue(mnist.batchSize());
        choice.setOnAction(e -> {
            Integer n = choice.getValue();
            if (n != null && n != mnist.batchSize()) {
                mnist.setBatchSize(n);
                lesson.reload();
            }
        });
        Label label = new Label(i18n.text("weights.batch"));
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(4, label, choice);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }
}
