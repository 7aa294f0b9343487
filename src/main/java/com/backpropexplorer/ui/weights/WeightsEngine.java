package com.backpropexplorer.ui.weights;

import com.backpropexplorer.explain.ParameterProbe;
import com.backpropexplorer.explain.Probes;
import com.backpropexplorer.explain.Trace;
import com.backpropexplorer.explain.WeightProbe.Element;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.ejml.data.DMatrixRMaj;

/**
 * The weights panel's engine thread: one daemon thread that owns the {@link ParameterProbe} (the
 * live weights of one lesson) and answers {@link EngineRequest}s through a latest-wins slot: if
 * they come faster than it answers, only the newest is computed. Answers go to the FX thread as
 * immutable snapshots, at most one waiting there at a time (the loss curve and the contour map,
 * which are rare, in order).
 *
 * <p>A quick answer (a slider event when the last answers took well under a frame, the engine
 * idle and nothing of its on the way to the FX thread) is computed on the FX thread in the event
 * itself, so that its values are set before the next pulse instead of after two thread hand-offs,
 * each of which may wait for a core. The probe still has one owner at a time: whoever holds
 * {@link #owner}. Anything slower, or while the engine is busy, goes through the slot.
 */
final class WeightsEngine {
    /** Where answers go, called on the FX thread. */
    interface Answers {
        void accept(WeightSnapshot answer, LossCurve curve, LossGrid grid);
    }

    /**
     * Answers taking less than this (the last one measured) may be computed on the FX thread: a
     * quarter of a 60 Hz frame, so that the pulse never waits long behind one.
     */
    static final long QUICK_NANOS = 4_000_000L;

    private final ExecutorService thread;
    private final Answers answers;
    /** Held by the thread that uses the probe and the fields below it. */
    private final ReentrantLock owner = new ReentrantLock();
    /** Answers posted to the FX thread and not yet taken there. */
    private final AtomicInteger inFlight = new AtomicInteger();
    /** How long the last answer of this probe took; Long.MAX_VALUE until one is measured. */
    private volatile long lastAnswerNanos = Long.MAX_VALUE;
    /** FX thread only: true while a quick answer is being put on show (a change it causes waits). */
    private boolean answeringOnFx;

    // ---- the owner's only (the engine thread, or the FX thread while it holds the lock)
    private ParameterProbe probe;
    private long probeGeneration = -1;
    private Map<String, DMatrixRMaj> startWeights;
    private Map<String, DMatrixRMaj> stepFrom;
    private Map<String, DMatrixRMaj> stepGradients;

    // ---- between threads
    private final AtomicReference<EngineRequest> slot = new AtomicReference<>();
    private final AtomicReference<WeightSnapshot> outbox = new AtomicReference<>();

    WeightsEngine(String name, Answers answers) {
        this.answers = answers;
        // daemon: closing the window ends the process even while the engine computes
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** A new run of the lesson: its weights become the live ones and the ones Reset goes back to. */
    void load(Trace trace, long gen) {
        thread.execute(() -> owned(() -> {
            probe = Probes.of(trace);
            probeGeneration = gen;
            startWeights = probe.params();
            stepFrom = null;
            lastAnswerNanos = Long.MAX_VALUE;
        }));
    }

    /**
     * Takes the gradient at the current weights for one SGD step of rate {@code lr}, of every
     * parameter or only of {@code e}; then tells {@code ready} (on the FX thread) e's value
     * before and after.
     */
    void prepareStep(long gen, Element e, boolean all, double lr, Consumer<double[]> ready) {
        thread.execute(() -> owned(() -> {
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
                    Arrays.fill(scaled.data, 0);
                    if (e != null && name.equals(e.param())) {
                        scaled.set(e.row(), e.col(), lr * g.get(e.row(), e.col()));
                    }
                }
                stepGradients.put(name, scaled);
            });
            double before = e == null ? Double.NaN : probe.get(e);
            double after = e == null ? Double.NaN : before - stepGradients.get(e.param()).get(e.row(), e.col());
            Platform.runLater(() -> ready.accept(new double[] {before, after}));
        }));
    }

    /** The change to w − t·lr·dL/dw (t from 0 to 1) of the step prepared last. */
    Consumer<ParameterProbe> stepTo(double t) {
        return p -> {
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
        };
    }

    /** The change back to the lesson's weights. */
    Consumer<ParameterProbe> backToStart() {
        return p -> {
            if (startWeights != null) {
                p.setAll(startWeights);
            }
        };
    }

    /** Puts a request in the latest-wins slot; starts the engine on it unless it is already queued. */
    void submit(EngineRequest next) {
        if (answerOnFx(next)) {
            return;
        }
        EngineRequest previous = slot.getAndUpdate(old -> old == null ? next : old.then(next));
        if (previous == null) {
            thread.execute(this::runLive);
        }
    }

    /** Stops the engine thread (the app is closing or a test ends). */
    void shutdown() {
        thread.shutdownNow();
    }

    /**
     * FX thread: computes a quick request at once and puts its answer on show, if it may (see the
     * class comment); false if the request must go to the engine thread.
     */
    private boolean answerOnFx(EngineRequest request) {
        if (!Platform.isFxApplicationThread() || answeringOnFx || request.curveToo()
                || lastAnswerNanos >= QUICK_NANOS || slot.get() != null || !owner.tryLock()) {
            return false;
        }
        WeightSnapshot answer;
        try {
            if (inFlight.get() != 0 || probe == null || request.gen() != probeGeneration) {
                return false; // an older answer is still on its way, or the lesson's run is not loaded yet
            }
            long start = System.nanoTime();
            request.change().accept(probe);
            answer = answer(request.gen(), request.a(), request.b(), request.weightsChange(), request.requestedAt(),
                    start);
        } finally {
            owner.unlock();
        }
        answeringOnFx = true;
        try {
            answers.accept(answer, null, null);
        } finally {
            answeringOnFx = false;
        }
        return true;
    }

    /** Runs a piece of the engine's work as the probe's owner. */
    private void owned(Runnable work) {
        owner.lock();
        try {
            work.run();
        } finally {
            owner.unlock();
        }
    }

    /** Engine thread: computes whatever is in the slot now (the newest request). */
    private void runLive() {
        owned(this::computeLive);
    }

    private void computeLive() {
        EngineRequest live = slot.getAndSet(null);
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
            double[] values = linspace(live.min(), live.max(), WeightsModel.CURVE_POINTS);
            newCurve = new LossCurve(live.gen(), a, values, probe.lossCurve(a, values));
            if (b != null && probe.contains(b)) {
                double[] av = linspace(live.min(), live.max(), WeightsModel.GRID_POINTS);
                double[] bv = linspace(live.bMin(), live.bMax(), WeightsModel.GRID_POINTS);
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
        long took = System.nanoTime() - start;
        lastAnswerNanos = took;
        return new WeightSnapshot(gen, a, value, trace != null ? trace.loss() : probe.loss(), backprop, numerical,
                b, secondValue, secondBackprop, trace, requestedAt, took);
    }

    private void publish(WeightSnapshot answer, LossCurve newCurve, LossGrid newGrid) {
        if (newCurve != null || newGrid != null) {
            // shapes are rare (selection, range, step): deliver them in order, not coalesced
            outbox.set(null);
            inFlight.incrementAndGet();
            Platform.runLater(() -> {
                inFlight.decrementAndGet();
                answers.accept(answer, newCurve, newGrid);
            });
            return;
        }
        if (outbox.getAndSet(answer) == null) {
            inFlight.incrementAndGet();
            Platform.runLater(() -> {
                inFlight.decrementAndGet();
                answers.accept(outbox.getAndSet(null), null, null);
            });
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
