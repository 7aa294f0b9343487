package com.backpropexplorer.ui.weights;

import com.backpropexplorer.explain.ParameterProbe;
import com.backpropexplorer.explain.Probes;
import com.backpropexplorer.explain.Tensor;
import com.backpropexplorer.explain.Trace;
import com.backpropexplorer.explain.WeightProbe.Element;
import com.backpropexplorer.ui.lesson.LessonModel;
import com.backpropexplorer.ui.lesson.LessonRun;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ChangeListener;
import org.ejml.data.DMatrixRMaj;

/**
 * The view-model of the weights panel of one lesson: which element moves (held by the
 * {@link LessonModel}, so the graph and inspector highlight it), its slider range, the learning
 * rate, and the engine's latest answers.
 *
 * <p>Threading: one daemon engine thread owns the {@link ParameterProbe} (the live weights);
 * this class's properties and commands belong to the FX thread. Slider events go through a
 * latest-wins slot: if they come faster than the engine answers, only the newest is computed.
 * Answers come back as immutable snapshots, at most one waiting for the FX thread at a time.
 */
public final class WeightsModel {
    /** Points on the loss curve. */
    public static final int CURVE_POINTS = 101;
    /** Points per side of the contour map's grid. */
    public static final int GRID_POINTS = 41;
    /** The largest |value| a weight, a range end or a learning rate may take. */
    public static final double LIMIT = 1e6;

    private final LessonModel lesson;
    private final ExecutorService engine;
    private final LatencyLog latency = new LatencyLog();

    // ---- engine thread only
    private ParameterProbe probe;
    private long probeGeneration = -1;
    private Map<String, DMatrixRMaj> startWeights;
    private Map<String, DMatrixRMaj> stepFrom;
    private Map<String, DMatrixRMaj> stepGradients;

    // ---- between threads
    private final AtomicReference<Live> slot = new AtomicReference<>();
    private final AtomicReference<WeightSnapshot> outbox = new AtomicReference<>();

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

    /**
     * What the engine should do next: a change of the weights (or none), whether the curve and
     * the contour map must be redrawn, for which selection and range, and since when the learner
     * waits (the oldest event merged into it).
     *
     * @param sets the element a plain "set this weight" sets, else null
     * @param absolute true when the change sets every parameter (reset, a step's fraction)
     */
    private record Live(Consumer<ParameterProbe> change, Element sets, boolean absolute, boolean weightsChange,
                        boolean curveToo, long requestedAt, long gen, Element a, Element b, double min, double max,
                        double bMin, double bMax) {

        /**
         * This entry replaced by a newer one. The older change is dropped when the newer one
         * makes it irrelevant (it sets every parameter, or the same weight again); otherwise
         * both run in order, so a reset is never lost behind a slider event.
         */
        Live then(Live next) {
            boolean drop = next.absolute || (next.sets != null && next.sets.equals(sets));
            Consumer<ParameterProbe> change = drop ? next.change : this.change.andThen(next.change);
            Element sets = drop ? next.sets : null;
            boolean absolute = next.absolute || (!drop && this.absolute);
            return new Live(change, sets, absolute, weightsChange || next.weightsChange, curveToo || next.curveToo,
                    requestedAt, next.gen, next.a, next.b, next.min, next.max, next.bMin, next.bMax);
        }
    }

    public WeightsModel(LessonModel lesson) {
        this.lesson = lesson;
        String name = "weights-engine-" + lesson.example().id();
        // daemon: closing the window ends the process even while the engine computes
        this.engine = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
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
        long gen = generation;
        engine.execute(() -> {
            if (probe == null || gen != probeGeneration) {
                return;
            }
            stepFrom = probe.params();
            Map<String, DMatrixRMaj> grads = probe.backpropGradients();
            stepGradients = new LinkedHashMap<>();
            grads.forEach((name, g) -> {
                DMatrixRMaj scaled = g.copy();
                for (int i = 0; i < scaled.data.length; i++) {
                    scaled.data[i] *= lr;
                }
                if (!all) {
                    // only the selected element moves
                    java.util.Arrays.fill(scaled.data, 0);
                    if (e != null && name.equals(e.param())) {
                        scaled.set(e.row(), e.col(), lr * g.get(e.row(), e.col()));
                    }
                }
                stepGradients.put(name, scaled);
            });
            double before = e == null ? Double.NaN : probe.get(e);
            double after = e == null ? Double.NaN : before - stepGradients.get(e.param()).get(e.row(), e.col());
            Platform.runLater(() -> ready.accept(new double[] {before, after}));
        });
        markEdited();
    }

    /** Moves the weights to w − t·lr·dL/dw (t from 0 to 1) of the step prepared last. */
    public void stepFraction(double t) {
        boolean all = stepAll.get();
        submitLive(p -> {
            if (stepFrom == null) {
                return;
            }
            Map<String, DMatrixRMaj> now = new LinkedHashMap<>();
            stepFrom.forEach((name, from) -> {
                DMatrixRMaj m = from.copy();
                DMatrixRMaj g = stepGradients.get(name);
                for (int i = 0; i < m.data.length; i++) {
                    m.data[i] -= t * g.data[i];
                }
                now.put(name, m);
            });
            p.setAll(now);
        }, null, true, true, all);
    }

    /** Back to the lesson's weights. */
    public void reset() {
        edited.set(false);
        submitLive(p -> {
            if (startWeights != null) {
                p.setAll(startWeights);
            }
        }, null, true, true, true);
    }

    /** Stops the engine thread (the app is closing or a test ends). */
    public void shutdown() {
        engine.shutdownNow();
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
        engine.execute(() -> {
            probe = Probes.of(trace);
            probeGeneration = gen;
            startWeights = probe.params();
            stepFrom = null;
        });
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

    /** Puts a change in the latest-wins slot; starts the engine on it unless it is already queued. */
    private void submitLive(Consumer<ParameterProbe> change, Element sets, boolean absolute, boolean weightsChange,
                            boolean curveToo) {
        Live next = new Live(change, sets, absolute, weightsChange, curveToo, System.nanoTime(), generation,
                lesson.selectedElement(), lesson.secondElement(), rangeMin.get(), rangeMax.get(), secondMin, secondMax);
        Live previous = slot.getAndUpdate(old -> old == null ? next : old.then(next));
        if (previous == null) {
            engine.execute(this::runLive);
        }
    }

    /** Engine thread: computes whatever is in the slot now (the newest request). */
    private void runLive() {
        Live live = slot.getAndSet(null);
        if (live == null || probe == null || live.gen() != probeGeneration) {
            return;
        }
        long start = System.nanoTime();
        live.change().accept(probe);
        Element a = live.a();
        Element b = live.b();
        WeightSnapshot answer = answer(live.gen(), a, b, live.weightsChange(), live.requestedAt(), start);
        LossCurve newCurve = null;
        LossGrid newGrid = null;
        if (live.curveToo() && a != null && probe.contains(a)) {
            double[] values = linspace(live.min(), live.max(), CURVE_POINTS);
            newCurve = new LossCurve(live.gen(), a, values, probe.lossCurve(a, values));
            if (b != null && probe.contains(b)) {
                double[] av = linspace(live.min(), live.max(), GRID_POINTS);
                double[] bv = linspace(live.bMin(), live.bMax(), GRID_POINTS);
                newGrid = new LossGrid(live.gen(), a, av, b, bv, probe.lossGrid(a, av, b, bv));
            }
        }
        publish(answer, newCurve, newGrid);
    }

    /** The numbers after a change; a fresh pass only when the weights changed (the graph redraws). */
    private WeightSnapshot answer(long gen, Element a, Element b, boolean weightsChanged, long requestedAt,
                                  long start) {
        Trace trace = weightsChanged ? probe.trace() : null;
        Map<String, DMatrixRMaj> grads = weightsChanged ? null : probe.backpropGradients();
        double value = Double.NaN;
        double backprop = Double.NaN;
        double numerical = Double.NaN;
        if (a != null && probe.contains(a)) {
            value = probe.get(a);
            backprop = trace != null ? Probes.gradient(trace, a) : grads.get(a.param()).get(a.row(), a.col());
            numerical = probe.numericalGradient(a);
        }
        double secondValue = Double.NaN;
        double secondBackprop = Double.NaN;
        if (b != null && probe.contains(b)) {
            secondValue = probe.get(b);
            secondBackprop = trace != null ? Probes.gradient(trace, b) : grads.get(b.param()).get(b.row(), b.col());
        }
        return new WeightSnapshot(gen, a, value, trace != null ? trace.loss() : probe.loss(), backprop, numerical, b, secondValue, secondBackprop,
                trace, requestedAt, System.nanoTime() - start);
    }

    private void publish(WeightSnapshot answer, LossCurve newCurve, LossGrid newGrid) {
        if (newCurve != null || newGrid != null) {
            // shapes are rare (selection, range, step): deliver them in order, not coalesced
            outbox.set(null);
            Platform.runLater(() -> apply(answer, newCurve, newGrid));
            return;
        }
        if (outbox.getAndSet(answer) == null) {
            Platform.runLater(() -> apply(outbox.getAndSet(null), null, null));
        }
    }

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

    static double[] linspace(double min, double max, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i == n - 1 ? max : min + (max - min) * i / (n - 1);
        }
        return v;
    }
}
