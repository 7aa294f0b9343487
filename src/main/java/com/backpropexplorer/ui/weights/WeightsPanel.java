package com.backpropexplorer.ui.weights;

import com.backpropexplorer.explain.WeightProbe.Element;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.Labels;
import com.backpropexplorer.ui.Theme;
import com.backpropexplorer.ui.chart.ChartCanvas;
import com.backpropexplorer.ui.lesson.LessonModel;
import com.backpropexplorer.ui.lesson.MnistLesson;
import java.util.function.DoubleConsumer;
import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Dimension2D;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The weights panel under the graph: pick a number of W1, b1, W2 or b2 (W in simpleNet), then
 * drag its slider or type a value, and watch the loss, the graph and the loss curve answer;
 * shift-click a second number for the contour map; step downhill; reset. All numbers come from
 * the {@link WeightsModel}'s engine thread; this view only shows snapshots and sends commands.
 *
 * <p>Ids for tests: weights-slider, weights-value, weights-min, weights-max, weights-loss,
 * weights-backprop, weights-numerical, weights-difference, weights-message, weights-lr,
 * weights-step, weights-reset, weights-step-all, weights-curve, weights-contour. Number labels
 * carry their exact value as userData.
 */
public final class WeightsPanel extends VBox {
    static final PseudoClass NON_FINITE = PseudoClass.getPseudoClass("non-finite");
    static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final Duration STEP_TIME = Duration.millis(700);
    /** The loss curve and the contour map: small, framed, with only the axes' end values. */
    static final ChartCanvas.Look CHART_LOOK = new ChartCanvas.Look("weights-chart", new Insets(10, 10, 22, 48),
            new Dimension2D(160, 120), new Dimension2D(280, 190), 21, true); // drawn when wider and taller than 20 px

    private final WeightsModel model;
    private final LessonModel lesson;
    private final I18n i18n;

    private final Label element = new Label();
    private final Label hint = new Label();
    private final Label timing = new Label();
    private final ToggleButton collapse = new ToggleButton();
    private final HBox content = new HBox();
    private final Slider slider = new Slider(-1, 1, 0);
    private final TextField valueField = new TextField();
    private final TextField minField = new TextField();
    private final TextField maxField = new TextField();
    private final Label loss = numberLabel("weights-loss", "weights-loss");
    private final Label backprop = numberLabel("weights-backprop", "backward");
    private final Label numerical = numberLabel("weights-numerical", null);
    private final Label difference = numberLabel("weights-difference", null);
    private final Label message = new Label();
    private final TextField lrField = new TextField();
    private final ChoiceBox<Boolean> stepWhich = new ChoiceBox<>();
    private final Button step = new Button();
    private final Button reset = new Button();
    private final LossCurveChart curve = new LossCurveChart();
    private final ContourMap contour = new ContourMap();
    private final Label curveTitle = new Label();
    private final FlatNote flatNote;
    private final Label contourTitle = new Label();
    private final Label contourHint = new Label();
    private final VBox contourBox = new VBox();
    /** Holds the mnist lesson's batch choice, if offered. */
    private final HBox batchHost = new HBox();
    private ChangeListener<Object> onSource;

    /** True while the view sets the slider itself (not the learner). */
    private boolean updating;
    private Timeline stepAnimation;

    private final ChangeListener<Object> onSnapshot = (obs, o, n) -> showSnapshot();
    private final ChangeListener<Object> onCurve = (obs, o, n) -> curve.setCurve((LossCurve) n);
    private final ChangeListener<Object> onGrid = (obs, o, n) -> contour.setGrid((LossGrid) n);
    private final ChangeListener<Object> onSelection = (obs, o, n) -> showSelection();
    private final ChangeListener<Number> onRange = (obs, o, n) -> showRange();

    private final ChangeListener<Theme> onTheme = (obs, o, n) -> {
        curve.setDark(n.isDark());
        contour.setDark(n.isDark());
    };

    public WeightsPanel(WeightsModel model, I18n i18n, ObservableValue<Theme> theme) {
        this.model = model;
        this.lesson = model.lesson();
        this.i18n = i18n;
        this.flatNote = new FlatNote(i18n, lesson);
        setId("weights-panel");
        getStyleClass().add("weights-panel");
        curve.setDark(theme.getValue().isDark());
        contour.setDark(theme.getValue().isDark());
        theme.addListener(new WeakChangeListener<>(onTheme));
        getChildren().addAll(header(), content);
        buildContent();

        model.snapshotProperty().addListener(new WeakChangeListener<>(onSnapshot));
        model.curveProperty().addListener(new WeakChangeListener<>(onCurve));
        model.gridProperty().addListener(new WeakChangeListener<>(onGrid));
        lesson.selectedElementProperty().addListener(new WeakChangeListener<>(onSelection));
        lesson.secondElementProperty().addListener(new WeakChangeListener<>(onSelection));
        model.rangeMinProperty().addListener(new WeakChangeListener<>(onRange));
        model.rangeMaxProperty().addListener(new WeakChangeListener<>(onRange));
        curve.setCurve(model.curveProperty().get());
        contour.setGrid(model.gridProperty().get());
        showRange();
        showSelection();
        showSnapshot();
    }

    public WeightsModel model() {
        return model;
    }

    public LossCurveChart curveChart() {
        return curve;
    }

    public ContourMap contourMap() {
        return contour;
    }

    public Slider slider() {
        return slider;
    }

    // ------------------------------------------------------------ building

    private HBox header() {
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
        Tooltip hintTip = new Tooltip();
        hintTip.textProperty().bind(hint.textProperty());
        hintTip.setWrapText(true);
        hintTip.setMaxWidth(480);
        hint.setTooltip(hintTip);
        timing.setId("weights-timing");
        timing.getStyleClass().addAll("text-muted", "weights-timing");
        timing.setMinWidth(Region.USE_PREF_SIZE);
        collapse.setId("weights-collapse");
        collapse.getStyleClass().addAll("flat", "small");
        collapse.setMinWidth(Region.USE_PREF_SIZE);
        collapse.setOnAction(e -> showSelection());
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
        Tooltip messageTip = new Tooltip();
        messageTip.textProperty().bind(message.textProperty());
        messageTip.setWrapText(true);
        messageTip.setMaxWidth(480);
        message.setTooltip(messageTip);
        batchHost.setManaged(false);
        batchHost.setVisible(false);
        HBox header = new HBox(8, title, element, hint, message, batchHost, timing, collapse);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("weights-header");
        return header;
    }

    /**
     * mnist: the batch the graph and the weights panel use, N = 3 (the lesson's) up to 100,
     * offered while the lesson shows these test digits (not the learner's drawing).
     */
    public void offerBatch(MnistLesson mnist) {
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

    private void buildContent() {
        slider.setId("weights-slider");
        slider.setMaxWidth(Double.MAX_VALUE);
        slider.valueProperty().addListener((obs, o, n) -> {
            if (!updating) {
                model.setValue(n.doubleValue());
                valueField.setText(WeightsText.number(n.doubleValue()));
                clearMessage();
            }
        });
        valueField.setId("weights-value");
        valueField.setPrefColumnCount(8);
        valueField.setOnAction(e -> commitValue());
        valueField.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                commitValue();
            }
        });
        minField.setId("weights-min");
        maxField.setId("weights-max");
        for (TextField f : new TextField[] {minField, maxField}) {
            f.setPrefColumnCount(5);
            f.setOnAction(e -> commitRange());
            f.focusedProperty().addListener((obs, was, is) -> {
                if (!is) {
                    commitRange();
                }
            });
        }
        Button auto = new Button(i18n.text("weights.range.auto"));
        auto.setId("weights-range-auto");
        auto.getStyleClass().addAll("small", "flat");
        auto.setTooltip(new Tooltip(i18n.text("weights.range.auto.tooltip")));
        auto.setOnAction(e -> {
            model.autoRange();
            clearMessage();
        });
        HBox valueRow = new HBox(6, label("weights.value"), valueField);
        valueRow.setAlignment(Pos.CENTER_LEFT);
        HBox rangeRow = new HBox(4, label("weights.range"), minField, new Label("…"), maxField, auto);
        rangeRow.setAlignment(Pos.CENTER_LEFT);

        GridPane numbers = new GridPane();
        numbers.getStyleClass().add("weights-numbers");
        numbers.addRow(0, label("weights.loss"), loss);
        numbers.addRow(1, label("weights.backprop"), backprop);
        numbers.addRow(2, label("weights.numerical"), numerical);
        numbers.addRow(3, label("weights.difference"), difference);

        lrField.setId("weights-lr");
        lrField.setPrefColumnCount(5);
        lrField.setMinWidth(Region.USE_PREF_SIZE);
        valueField.setMinWidth(Region.USE_PREF_SIZE);
        lrField.setText(WeightsText.plain(model.learningRateProperty().get()));
        lrField.setOnAction(e -> commitLearningRate());
        lrField.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                commitLearningRate();
            }
        });
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
            clearMessage();
        });
        HBox lrRow = new HBox(6, label("weights.lr"), lrField, stepWhich);
        lrRow.setAlignment(Pos.CENTER_LEFT);
        HBox stepRow = new HBox(6, step, reset);
        stepRow.setAlignment(Pos.CENTER_LEFT);

        VBox controls = new VBox(5, valueRow, slider, rangeRow, numbers, lrRow, stepRow);
        controls.getStyleClass().add("weights-controls");
        controls.setMinWidth(290);
        controls.setPrefWidth(310);

        curveTitle.getStyleClass().add("weights-chart-title");
        curveTitle.setId("weights-curve-title");
        VBox curveBox = new VBox(4, curveTitle, curve, flatNote);
        VBox.setVgrow(curve, Priority.ALWAYS);
        curve.setPrefHeight(10); // as tall as the controls beside it, no taller
        HBox.setHgrow(curveBox, Priority.ALWAYS);
        curveBox.setMinWidth(220);
        curveBox.getStyleClass().add("weights-chart-box");

        contourTitle.getStyleClass().add("weights-chart-title");
        contourHint.getStyleClass().add("text-muted");
        contourHint.setWrapText(true);
        contourHint.setId("weights-contour-hint");
        contour.setArrowLabel("−∇L");
        contourBox.getChildren().addAll(contourTitle, contour, contourHint);
        VBox.setVgrow(contour, Priority.ALWAYS);
        contour.setPrefHeight(10);
        HBox.setHgrow(contourBox, Priority.SOMETIMES);
        contourBox.setMinWidth(200);
        contourBox.getStyleClass().add("weights-chart-box");

        content.getChildren().addAll(controls, curveBox, contourBox);
        content.getStyleClass().add("weights-content");
        content.setMinHeight(Region.USE_PREF_SIZE);
    }

    private Label label(String key) {
        Label l = new Label(i18n.text(key));
        l.getStyleClass().add("weights-label");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label numberLabel(String id, String style) {
        Label l = new Label("–");
        l.setId(id);
        l.getStyleClass().add("weights-number");
        if (style != null) {
            l.getStyleClass().add(style);
        }
        l.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip tip = new Tooltip();
        tip.setShowDelay(Duration.millis(250));
        l.setTooltip(tip);
        return l;
    }

    // ------------------------------------------------------------ input

    /** Reads a field; on bad input says why, puts the previous text back and returns NaN. */
    private double read(TextField field, String previous, String whatKey, double limit, boolean positive) {
        String text = field.getText();
        double v;
        try {
            v = WeightsText.parse(text);
        } catch (NumberFormatException e) {
            refuse(field, previous, i18n.text("weights.input.notNumber", text.trim(), i18n.text(whatKey), previous));
            return Double.NaN;
        }
        if (!Double.isFinite(v) || Math.abs(v) > limit) {
            refuse(field, previous, i18n.text("weights.input.tooBig", text.trim(), i18n.text(whatKey),
                    WeightsText.plain(limit), previous));
            return Double.NaN;
        }
        if (positive && v <= 0) {
            refuse(field, previous, i18n.text("weights.input.positive", text.trim(), previous));
            return Double.NaN;
        }
        field.pseudoClassStateChanged(INVALID, false);
        return v;
    }

    private void refuse(TextField field, String previous, String why) {
        message.setText(why);
        message.pseudoClassStateChanged(INVALID, true);
        field.pseudoClassStateChanged(INVALID, true);
        field.setText(previous);
    }

    private void clearMessage() {
        message.setText("");
        message.pseudoClassStateChanged(INVALID, false);
        for (TextField f : new TextField[] {valueField, minField, maxField, lrField}) {
            f.pseudoClassStateChanged(INVALID, false);
        }
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
        double v = read(valueField, previous, "weights.what.weight", WeightsModel.LIMIT, false);
        if (Double.isNaN(v)) {
            return;
        }
        clearMessage();
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
        double min = read(minField, prevMin, "weights.what.min", WeightsModel.LIMIT, false);
        if (Double.isNaN(min)) {
            return;
        }
        double max = read(maxField, prevMax, "weights.what.max", WeightsModel.LIMIT, false);
        if (Double.isNaN(max)) {
            return;
        }
        if (!(min < max)) {
            refuse(maxField, prevMax, i18n.text("weights.input.order", minField.getText().trim(),
                    maxField.getText().trim()));
            minField.setText(prevMin);
            return;
        }
        clearMessage();
        model.setRange(min, max);
    }

    private void commitLearningRate() {
        String previous = WeightsText.plain(model.learningRateProperty().get());
        if (lrField.getText().trim().equals(previous)) {
            return;
        }
        double v = read(lrField, previous, "weights.what.lr", WeightsModel.LIMIT, true);
        if (Double.isNaN(v)) {
            return;
        }
        clearMessage();
        model.learningRateProperty().set(v);
        lrField.setText(WeightsText.plain(v));
    }

    // ------------------------------------------------------------ step downhill

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

    /** True while a step's animation runs. */
    public boolean isStepping() {
        return stepAnimation != null;
    }

    // ------------------------------------------------------------ showing

    private double currentValue() {
        WeightSnapshot s = model.snapshot();
        Element e = lesson.selectedElement();
        if (s != null && e != null && e.equals(s.element()) && Double.isFinite(s.value())) {
            return s.value();
        }
        return model.currentValue(e);
    }

    private void showSelection() {
        Element e = lesson.selectedElement();
        Element b = lesson.secondElement();
        boolean any = e != null;
        boolean open = any && !collapse.isSelected();
        content.setVisible(open);
        content.setManaged(open);
        collapse.setText(collapse.isSelected() ? "▸" : "▾");
        collapse.setDisable(!any);
        element.setText(any ? e.toString() + (b != null ? "  ·  " + b : "") : "");
        element.setVisible(any);
        String none = "weights.hint.none." + lesson.example().id(); // which parameters this lesson has
        hint.setText(i18n.text(any ? "weights.hint.picked" : i18n.has(none) ? none : "weights.hint.none"));
        step.setDisable(!any || stepAnimation != null);
        reset.setDisable(!any);
        slider.setDisable(!any);
        valueField.setDisable(!any);
        if (any) {
            curveTitle.setText(i18n.text("weights.curve.title", e.toString()));
            double v = currentValue();
            if (Double.isFinite(v)) {
                setSlider(v);
                valueField.setText(WeightsText.number(v));
            }
        }
        boolean two = any && b != null;
        contour.setVisible(two);
        contour.setManaged(two);
        contourHint.setVisible(!two);
        contourHint.setManaged(!two);
        contourTitle.setText(two ? i18n.text("weights.contour.title", e.toString(), b.toString())
                : i18n.text("weights.contour.none.title"));
        contourHint.setText(i18n.text("weights.contour.hint"));
    }

    private void showRange() {
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

    private void showSnapshot() {
        WeightSnapshot s = model.snapshot();
        flatNote.show(s != null && s.element() != null && s.element().equals(lesson.selectedElement()) ? s : null);
        if (s == null || s.element() == null || !s.element().equals(lesson.selectedElement())) {
            for (Label l : new Label[] {loss, backprop, numerical, difference}) {
                l.setText("–");
                l.setUserData(null);
                l.pseudoClassStateChanged(NON_FINITE, false);
            }
            curve.setPoint(Double.NaN, Double.NaN, Double.NaN);
            contour.setPoint(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            if (s == null) {
                timing.setText("");
            }
            return;
        }
        show(loss, s.loss(), false);
        show(backprop, s.backprop(), false);
        show(numerical, s.numerical(), false);
        show(difference, s.difference(), true);
        curve.setPoint(s.value(), s.loss(), s.backprop());
        curve.setTangentLabel(i18n.text("weights.tangent", WeightsText.number(s.backprop())));
        contour.setPoint(s.value(), s.secondValue(), s.backprop(), s.secondBackprop());
        if (!slider.isValueChanging() && stepAnimation == null && !valueField.isFocused()) {
            valueField.setText(WeightsText.number(s.value()));
        }
        if (!slider.isValueChanging()) {
            setSlider(s.value());
        }
        boolean bad = !Double.isFinite(s.loss());
        if (bad) {
            message.setText(i18n.text("weights.nonFinite", WeightsText.number(s.loss())));
            message.pseudoClassStateChanged(INVALID, true);
        }
        timing.setText(i18n.text("weights.timing", String.format(java.util.Locale.ROOT, "%.1f",
                s.engineNanos() / 1e6)));
        if (s.trace() != null) {
            measureRender(s.requestedAt());
        }
    }

    /** After the next layout pulse the new values are on screen: log how long the learner waited. */
    private void measureRender(long requestedAt) {
        Scene scene = getScene();
        if (scene == null) {
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            model.latency().full(System.nanoTime() - requestedAt);
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /** A number with its exact value as userData and in full on hover; ∞ and NaN in the warning style. */
    private static void show(Label label, double v, boolean scientific) {
        label.setUserData(v);
        label.setText(scientific ? WeightsText.scientific(v) : WeightsText.number(v));
        label.pseudoClassStateChanged(NON_FINITE, !Double.isFinite(v));
        label.getTooltip().setText(Double.toString(v));
    }
}
