package com.backpropexplorer.ui.weights;

import com.backpropexplorer.explain.WeightProbe.Element;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.chart.ChartCanvas;
import com.backpropexplorer.ui.lesson.LessonModel;
import com.backpropexplorer.ui.lesson.MnistLesson;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Dimension2D;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The weights panel under the graph: pick a number of W1, b1, W2 or b2 (W in simpleNet), then
 * drag its slider or type a value, and watch the loss, the graph and the loss curve answer;
 * shift-click a second number for the contour map; step downhill; reset. All numbers come from
 * the {@link WeightsModel}'s engine thread; this view only shows snapshots and sends commands.
 * It puts together the header ({@link WeightsHeader}), the value and step controls with the
 * answer's numbers, the loss curve and the contour map, and hands each the model's news.
 *
 * <p>Ids for tests: weights-slider, weights-value, weights-min, weights-max, weights-loss,
 * weights-backprop, weights-numerical, weights-difference, weights-message, weights-lr,
 * weights-step, weights-reset, weights-step-all, weights-curve, weights-contour. Number labels
 * carry their exact value as userData.
 */
public final class WeightsPanel extends VBox {
    static final PseudoClass NON_FINITE = PseudoClass.getPseudoClass("non-finite");
    static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    /** The loss curve and the contour map: small, framed, with only the axes' end values. */
    static final ChartCanvas.Look CHART_LOOK = new ChartCanvas.Look("weights-chart", new Insets(10, 10, 22, 48),
            new Dimension2D(160, 120), new Dimension2D(280, 190), 21, true); // drawn when wider and taller than 20 px

    private final WeightsModel model;
    private final LessonModel lesson;
    private final I18n i18n;
    private final WeightsHeader header;
    private final InputCheck check;
    private final StepControls stepControls;
    private final ValueControls valueControls;
    private final AnswerNumbers numbers;
    private final LossCurvePane curvePane;
    private final ContourPane contourPane;
    private final HBox content = new HBox();
    /** Null while VBox's constructor runs (it asks for a layout before the fields are set). */
    private final LocalLayout localLayout;

    private final ChangeListener<Object> onSnapshot = (obs, o, n) -> showSnapshot();
    private final ChangeListener<Object> onCurve = (obs, o, n) -> curveChart().setCurve((LossCurve) n);
    private final ChangeListener<Object> onGrid = (obs, o, n) -> contourMap().setGrid((LossGrid) n);
    private final ChangeListener<Object> onSelection = (obs, o, n) -> showSelection();
    private final ChangeListener<Number> onRange = (obs, o, n) -> showRange();

    public WeightsPanel(WeightsModel model, I18n i18n) {
        this.model = model;
        this.lesson = model.lesson();
        this.i18n = i18n;
        setId("weights-panel");
        getStyleClass().add("weights-panel");
        localLayout = new LocalLayout(this, () -> new double[] {computeMinWidth(-1), computePrefWidth(-1),
            computeMinHeight(getWidth()), computePrefHeight(getWidth())}, super::requestLayout);
        header = new WeightsHeader(i18n, lesson, this::showSelection);
        check = new InputCheck(i18n, header.message());
        stepControls = new StepControls(model, i18n, check);
        valueControls = new ValueControls(model, i18n, check, stepControls::isStepping);
        numbers = new AnswerNumbers(i18n);
        curvePane = new LossCurvePane(i18n, lesson);
        contourPane = new ContourPane(i18n);
        getChildren().addAll(header, content);
        buildContent();

        model.snapshotProperty().addListener(new WeakChangeListener<>(onSnapshot));
        model.curveProperty().addListener(new WeakChangeListener<>(onCurve));
        model.gridProperty().addListener(new WeakChangeListener<>(onGrid));
        lesson.selectedElementProperty().addListener(new WeakChangeListener<>(onSelection));
        lesson.secondElementProperty().addListener(new WeakChangeListener<>(onSelection));
        model.rangeMinProperty().addListener(new WeakChangeListener<>(onRange));
        model.rangeMaxProperty().addListener(new WeakChangeListener<>(onRange));
        curveChart().setCurve(model.curveProperty().get());
        contourMap().setGrid(model.gridProperty().get());
        valueControls.showRange();
        showSelection();
        showSnapshot();
    }

    public WeightsModel model() {
        return model;
    }

    public LossCurveChart curveChart() {
        return curvePane.chart();
    }

    public ContourMap contourMap() {
        return contourPane.map();
    }

    public Slider slider() {
        return valueControls.slider();
    }

    /** True while a step's animation runs. */
    public boolean isStepping() {
        return stepControls.isStepping();
    }

    /**
     * mnist: the batch the graph and the weights panel use, N = 3 (the lesson's) up to 100,
     * offered while the lesson shows these test digits (not the learner's drawing).
     */
    public void offerBatch(MnistLesson mnist) {
        header.offerBatch(mnist);
    }

    private void buildContent() {
        VBox controls = new VBox(5);
        controls.getChildren().addAll(valueControls.nodes());
        controls.getChildren().add(numbers);
        controls.getChildren().addAll(stepControls.nodes());
        controls.getStyleClass().add("weights-controls");
        controls.setMinWidth(290);
        controls.setPrefWidth(310);
        HBox.setHgrow(curvePane, Priority.ALWAYS);
        HBox.setHgrow(contourPane, Priority.SOMETIMES);
        content.getChildren().addAll(controls, curvePane, contourPane);
        content.getStyleClass().add("weights-content");
        content.setMinHeight(Region.USE_PREF_SIZE);
    }

    /** An answer's numbers lay out the panel, not the window, while the panel keeps its size ({@link LocalLayout}). */
    @Override
    public void requestLayout() {
        if (localLayout != null && localLayout.absorbs()) {
            setNeedsLayout(true);
        } else {
            super.requestLayout();
        }
    }

    /** A label in front of a field or number. */
    static Label label(I18n i18n, String key) {
        Label l = new Label(i18n.text(key));
        l.getStyleClass().add("weights-label");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private void showRange() {
        valueControls.showRange();
    }

    private void showSelection() {
        Element e = lesson.selectedElement();
        Element b = lesson.secondElement();
        boolean any = e != null;
        boolean open = any && !header.collapsed();
        content.setVisible(open);
        content.setManaged(open);
        header.showSelection(e, b);
        stepControls.showSelection(any);
        valueControls.showSelection(any);
        curvePane.showSelection(e);
        contourPane.showSelection(e, b);
    }

    private void showSnapshot() {
        WeightSnapshot s = model.snapshot();
        boolean current = s != null && s.element() != null && s.element().equals(lesson.selectedElement());
        curvePane.showAnswer(current ? s : null);
        contourPane.showAnswer(current ? s : null);
        if (!current) {
            numbers.clear();
            if (s == null) {
                header.showTiming(null);
            }
            return;
        }
        numbers.show(s);
        valueControls.showAnswer(s);
        if (!Double.isFinite(s.loss())) {
            check.warn(i18n.text("weights.nonFinite", WeightsText.number(s.loss())));
        }
        header.showTiming(s);
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
}
