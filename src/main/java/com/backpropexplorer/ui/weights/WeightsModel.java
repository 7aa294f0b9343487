package com.backpropexplorer.ui.weights;

import com.backpropexplorer.explain.ParameterProbe;
import com.backpropexplorer.explain.Tensor;
import com.backpropexplorer.explain.Trace;
import com.backpropexplorer.explain.WeightProbe.Element;
import com.backpropexplorer.ui.lesson.LessonModel;
import com.backpropexplorer.ui.lesson.LessonRun;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ChangeListener;

/**
 * The view-model of the weights panel of one lesson: which element moves (held by the
 * {@link LessonModel}, so the graph and inspector highlight it), its slider range, the learning
 * rate, and the engine's latest answers.
 *
 * <p>Threading: the {@link WeightsEngine} owns the {@link ParameterProbe} (the live weights);
 * this class's properties and commands belong to the FX thread. Commands become
 * {@link EngineRequest}s: a quick one is answered in the event itself, the others in the engine
 * thread's latest-wins slot; answers are immutable snapshots.
 */
public final class WeightsModel {
    /** Points on the loss curve. */
    public static final int CURVE_POINTS = 101;
    /** Points per side of the contour map's grid. */
    public static final int GRID_POINTS = 41;
    /** The largest |value| a weight, a range end or a learning rate may take. */
    public static final double LIMIT = 1e6;

    private final LessonModel lesson;
    private final WeightsEngine engine;
    private final LatencyLog latency = new LatencyLog();

    // ---- FX thread
    private long generation;
    private final ReadOnlyObjectWrapper<WeightSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyObjectWrapper<LossCurve> curve = new ReadOnlyObjectWrapper<>(this, "curve");
    private final ReadOnlyObjectWrapper<LossGrid> grid = new ReadOnlyObjectWrapper<>(this, "grid");
    private final ReadOnlyDoubleWrapper rangeMin = new ReadOnlyDoubleWrapper(this, "rangeMin", -1);
    private final ReadOnlyDoubleWrapper rangeMax = new ReadOnlyDoubleWrapper(this, "rangeMax", 1);
    private final DoubleProperty learningRate = new SimpleDoubleProperty(this, "learningRate", 0.1);
    private final BooleanProperty stepAll = new SimpleBooleanProperty(this, "stepAll", false);
    private final BooleanProperty edited = new SimpleBooleanProperty(this, "edited", false);
    private double secondMin = -1;
    private double secondMax = 1;

    private final ChangeListener<LessonRun> onLoaded = (obs, o, n) -> rebuildProbe(n);
    private final ChangeListener<Element> onSelected = (obs, o, n) -> selectionChanged(true);
    private final ChangeListener<Element> onSecond = (obs, o, n) -> selectionChanged(false);

    public WeightsModel(LessonModel lesson) {
        this.lesson = lesson;
        this.engine = new WeightsEngine("weights-engine-" + lesson.example().id(), this::apply);
        lesson.loadedProperty().addListener(onLoaded);
        lesson.selectedElementProperty().addListener(onSelected);
        lesson.secondElementProperty().addListener(onSecond);
        if (lesson.loadedProperty().get() != null) {
            rebuildProbe(lesson.loadedProperty().get());
        }
    }

    public LessonModel lesson() {
        return lesson;
    }

    public LatencyLog latency() {
        return latency;
    }

    public ReadOnlyObjectProperty<WeightSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public WeightSnapshot snapshot() {
        return snapshot.get();
    }

    public ReadOnlyObjectProperty<LossCurve> curveProperty() {
        return curve.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LossGrid> gridProperty() {
        return grid.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty rangeMinProperty() {
        return rangeMin.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty rangeMaxProperty() {
        return rangeMax.getReadOnlyProperty();
    }

    public DoubleProperty learningRateProperty() {
        return learningRate;
    }

    /** True: "step downhill" moves every parameter; false: only the selected element. */
    public BooleanProperty stepAllProperty() {
        return stepAll;
    }

    /** True once the weights differ from the lesson's (reset goes back). */
    public BooleanProperty editedProperty() {
        return edited;
    }

    /** The current value of an element, from the pass on screen. */
    public double currentValue(Element e) {
        Trace trace = lesson.trace();
        if (trace == null || e == null) {
            return Double.NaN;
        }
        Tensor p = trace.params().get(e.param());
        return p == null ? Double.NaN : p.get(e.row(), e.col());
    }

    /**
     * value ± max(1, 3·|value|), widened to round ends (−1.0 … 1.1, not −0.9942 … 1.0058): wide
     * enough to see the curve's shape, centred on where we are.
     */
    public static double[] autoRange(double value) {
        double half = Math.max(1, 3 * Math.abs(value));
        double step = Math.pow(10, Math.floor(Math.log10(half)) - 1);
        double min = Math.floor((value - half) / step) * step;
        double max = Math.ceil((value + half) / step) * step;
        return new double[] {Math.max(-LIMIT, min), Math.min(LIMIT, max)};
    }

    // ------------------------------------------------------------ commands (FX thread)

    /** Moves the selected element to a value (every slider event): computed live, latest wins. */
    public void setValue(double value) {
        Element e = lesson.selectedElement();
        if (e == null || !Double.isFinite(value)) {
            return;
        }
        markEdited();
        submitLive(p -> p.set(e, value), e, false, true, false);
    }

    /** Sets the slider range and redraws the curve and the contour map over it. */
    public void setRange(double min, double max) {
        if (!(min < max) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("range " + min + " .. " + max);
        }
        rangeMin.set(min);
        rangeMax.set(max);
        requestShapes();
    }

    /** The automatic range around the element's current value. */
    public void autoRange() {
        double[] r = autoRange(currentValue(lesson.selectedElement()));
        if (Double.isFinite(r[0]) && Double.isFinite(r[1])) {
            setRange(r[0], r[1]);
        }
    }

    /**
     * Starts one SGD step: the engine takes the gradient at the current weights; then
     * {@link #stepFraction} moves from there (0) to w − lr·dL/dw (1), which the panel animates.
     *
     * @param ready told (on the FX thread) the selected element's value before and after
     */
    public void prepareStep(Consumer<double[]> ready) {
        Element e = lesson.selectedElement();
        boolean all = stepAll.get();
        double lr = learningRate.get();
        engine.prepareStep(generation, e, all, lr, ready);
        markEdited();
    }

    /** Moves the weights to w − t·lr·dL/dw (t from 0 to 1) of the step prepared last. */
    public void stepFraction(double t) {
        boolean all = stepAll.get();
        submitLive(engine.stepTo(t), null, true, true, all);
    }

    /** Back to the lesson's weights. */
    public void reset() {
        edited.set(false);
        submitLive(engine.backToStart(), null, true, true, true);
    }

    /** Stops the engine thread (the app is closing or a test ends). */
    public void shutdown() {
        engine.shutdown();
    }

    private void markEdited() {
        edited.set(true);
        if (lesson.trace() != null && lesson.position() < lesson.stageCount()) {
            // the values on the graph show once their stage ran: show the whole pass
            lesson.moveTo(lesson.stageCount());
        }
    }

    // ------------------------------------------------------------ FX-side reactions

    private void rebuildProbe(LessonRun run) {
        if (run == null) {
            return;
        }
        long gen = ++generation;
        Trace trace = run.trace();
        edited.set(false);
        engine.load(trace, gen);
        if (lesson.selectedElement() != null) {
            selectionChanged(true);
        }
    }

    private void selectionChanged(boolean first) {
        Element e = lesson.selectedElement();
        if (e == null) {
            snapshot.set(null);
            curve.set(null);
            grid.set(null);
            return;
        }
        if (first) {
            double[] r = autoRange(currentValue(e));
            if (Double.isFinite(r[0]) && Double.isFinite(r[1])) {
                rangeMin.set(r[0]);
                rangeMax.set(r[1]);
            }
        }
        Element b = lesson.secondElement();
        if (b != null) {
            double[] r = autoRange(currentValue(b));
            secondMin = r[0];
            secondMax = r[1];
        } else {
            grid.set(null);
        }
        requestShapes();
    }

    private void requestShapes() {
        submitLive(p -> { }, null, false, false, true);
    }

    /** Hands a change to the engine's latest-wins slot, with the selection and ranges of now. */
    private void submitLive(Consumer<ParameterProbe> change, Element sets, boolean absolute, boolean weightsChange,
                            boolean curveToo) {
        engine.submit(new EngineRequest(change, sets, absolute, weightsChange, curveToo, System.nanoTime(),
                generation, lesson.selectedElement(), lesson.secondElement(), rangeMin.get(), rangeMax.get(),
                secondMin, secondMax));
    }

    /** FX thread: an answer of the engine (and the new curve and map, if any) goes on show. */
    private void apply(WeightSnapshot answer, LossCurve newCurve, LossGrid newGrid) {
        if (answer == null || answer.generation() != generation) {
            return;
        }
        latency.engine(answer.engineNanos());
        if (newCurve != null) {
            curve.set(newCurve);
        }
        if (newGrid != null) {
            grid.set(newGrid);
        }
        if (answer.trace() != null) {
            long start = System.nanoTime();
            lesson.showLive(answer.trace());
            latency.apply(System.nanoTime() - start);
        }
        snapshot.set(answer);
        if (answer.trace() != null) {
            latency.valuesSet(System.nanoTime() - answer.requestedAt());
        }
    }
}
