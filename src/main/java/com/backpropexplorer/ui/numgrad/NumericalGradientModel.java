package com.backpropexplorer.ui.numgrad;

import com.backpropexplorer.explain.GradientTiming;
import com.backpropexplorer.explain.Lesson;
import com.backpropexplorer.explain.NumericalGradientWalk;
import com.backpropexplorer.explain.NumericalGradientWalk.Phase;
import com.backpropexplorer.explain.NumericalGradientWalk.Step;
import com.backpropexplorer.explain.Tensor;
import com.backpropexplorer.ui.shared.MonitoredTask;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;

/**
 * The view-model of chapter 4's numerical gradient, animated: for the chosen parameter, one
 * element at a time, the line of the book's loop being run ({@link Phase}), what the net's own
 * array holds then, the two losses and the central difference filling in dW; or fast-forward to
 * the end; and the book's loop timed against backprop. The walk lives on its own engine thread
 * (it is not thread-safe); the FX thread gets immutable steps and tensors. FX thread otherwise.
 */
public final class NumericalGradientModel {
    private final Supplier<Lesson> lesson;
    private final Executor background;
    private ExecutorService engine;
    /** Counts restarts, so that a walk's late answers for an old parameter are dropped. */
    private long generation;
    private NumericalGradientWalk walk;

    private final StringProperty param = new SimpleStringProperty(this, "param", "W2");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step");
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase");
    private final ReadOnlyObjectWrapper<Tensor> gradient = new ReadOnlyObjectWrapper<>(this, "gradient");
    private final ReadOnlyIntegerWrapper done = new ReadOnlyIntegerWrapper(this, "done");
    private final ReadOnlyIntegerWrapper size = new ReadOnlyIntegerWrapper(this, "size");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyBooleanWrapper timing = new ReadOnlyBooleanWrapper(this, "timing");
    private final ReadOnlyDoubleWrapper timingProgress = new ReadOnlyDoubleWrapper(this, "timingProgress");
    private final ReadOnlyObjectWrapper<GradientTiming.Result> timingResult = new ReadOnlyObjectWrapper<>(this,
            "timingResult");
    private final ReadOnlyObjectWrapper<Throwable> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    /** dW with this element filled in, shown once the animation reaches the central difference. */
    private Tensor pending;
    private Task<?> fastForward;
    private Task<GradientTiming.Result> timer;

    /**
     * @param lesson the lesson whose net and batch the walk runs on (null until it computed)
     * @param background where the timing runs
     */
    public NumericalGradientModel(Supplier<Lesson> lesson, Executor background) {
        this.lesson = lesson;
        this.background = background;
        param.addListener((obs, o, n) -> restart());
    }

    /** W1, b1, W2 or b2: whose numerical gradient is taken. */
    public StringProperty paramProperty() {
        return param;
    }

    /** Whether a walk is ready to step (the lesson has computed). */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    /** The element being nudged, with its two losses and its gradient, or null before the first. */
    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** The line of the loop the animation is at, or null before the first element. */
    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** dW as filled in so far (np.zeros_like at first). */
    public ReadOnlyObjectProperty<Tensor> gradientProperty() {
        return gradient.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty sizeProperty() {
        return size.getReadOnlyProperty();
    }

    /** True while fast-forwarding. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty timingProperty() {
        return timing.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty timingProgressProperty() {
        return timingProgress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<GradientTiming.Result> timingResultProperty() {
        return timingResult.getReadOnlyProperty();
    }

    /** Why the last timing failed (not cancelled), or null. */
    public ReadOnlyObjectProperty<Throwable> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** A new walk over the chosen parameter of the lesson as it is now: dW back to zeros. */
    public void restart() {
        cancelFastForward();
        long g = ++generation;
        ready.set(false);
        step.set(null);
        phase.set(null);
        pending = null;
        Lesson now = lesson.get();
        if (now == null) {
            return;
        }
        String which = param.get();
        engine().execute(() -> {
            NumericalGradientWalk w = NumericalGradientWalk.of(now, which);
            walk = w;
            Tensor zeros = w.gradientSoFar();
            int n = w.size();
            Platform.runLater(() -> {
                if (g == generation) {
                    size.set(n);
                    done.set(0);
                    gradient.set(zeros);
                    ready.set(true);
                }
            });
        });
    }

    /**
     * One line of the loop: keep the value, nudge it up, f(x + h), down, f(x − h), the central
     * difference (dW's element fills in), put it back; after that the next element.
     */
    public void stepLine() {
        if (!ready.get() || busy.get()) {
            return;
        }
        Phase now = phase.get();
        if (now != null && now != Phase.RESTORE) {
            Phase next = Phase.values()[now.ordinal() + 1];
            if (next == Phase.DIFF && pending != null) {
                done.set(step.get().index() + 1);
                gradient.set(pending);
            }
            phase.set(next);
            return;
        }
        if (done.get() >= size.get()) {
            return;
        }
        long g = generation;
        ready.set(false);
        engine().execute(() -> {
            Step s = walk.next();
            Tensor filled = walk.gradientSoFar();
            Platform.runLater(() -> {
                if (g == generation) {
                    pending = filled;
                    step.set(s);
                    phase.set(Phase.KEEP);
                    ready.set(true);
                }
            });
        });
    }

    /** Runs the rest of the loop in the background, with progress; the animation ends at the last element. */
    public void fastForward() {
        if (!ready.get() || busy.get()) {
            return;
        }
        long g = generation;
        NumericalGradientWalk w = walk;
        Task<Tensor> t = new MonitoredTask<>() {
            @Override
            protected Tensor call() {
                w.runTo(w.size(), monitor());
                return w.gradientSoFar();
            }
        };
        fastForward = t;
        busy.set(true);
        progress.bind(t.progressProperty());
        t.setOnSucceeded(e -> {
            endFastForward(g);
            if (g == generation) {
                done.set(size.get());
                gradient.set(t.getValue());
                pending = t.getValue();
                phase.set(Phase.RESTORE);
            }
        });
        t.setOnCancelled(e -> endFastForward(g));
        t.setOnFailed(e -> endFastForward(g));
        engine().execute(t);
    }

    private void endFastForward(long g) {
        progress.unbind();
        busy.set(false);
        fastForward = null;
        if (g == generation && walk != null) {
            // the elements done stay done: show them
            NumericalGradientWalk w = walk;
            engine().execute(() -> {
                Tensor now = w.gradientSoFar();
                int d = w.done();
                Step last = d == 0 ? null : w.step(d - 1);
                Platform.runLater(() -> {
                    if (g == generation) {
                        done.set(d);
                        gradient.set(now);
                        step.set(last);
                        phase.set(last == null ? null : Phase.RESTORE);
                    }
                });
            });
        }
    }

    public void cancelFastForward() {
        if (fastForward != null) {
            fastForward.cancel(false);
        }
    }

    /** Times the book's loop over every parameter against backprop, in the background. */
    public void time() {
        Lesson now = lesson.get();
        if (now == null || timing.get()) {
            return;
        }
        Task<GradientTiming.Result> t = new MonitoredTask<>() {
            @Override
            protected GradientTiming.Result call() {
                return GradientTiming.run(now, monitor());
            }
        };
        timer = t;
        timing.set(true);
        failure.set(null);
        timingProgress.bind(t.progressProperty());
        t.setOnSucceeded(e -> endTiming(t.getValue(), null));
        t.setOnCancelled(e -> endTiming(null, null));
        t.setOnFailed(e -> endTiming(null, t.getException() instanceof CancellationException ? null
                : t.getException()));
        background.execute(t);
    }

    public void cancelTiming() {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private void endTiming(GradientTiming.Result result, Throwable why) {
        timingProgress.unbind();
        timingProgress.set(result != null ? 1 : 0);
        timing.set(false);
        timer = null;
        if (result != null) {
            timingResult.set(result);
        }
        failure.set(why);
    }

    /** Ends the engine thread (the window is closing). */
    public void shutdown() {
        cancelFastForward();
        cancelTiming();
        if (engine != null) {
            engine.shutdownNow();
        }
    }

    private ExecutorService engine() {
        if (engine == null) {
            engine = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "numerical-gradient-engine");
                t.setDaemon(true);
                return t;
            });
        }
        return engine;
    }
}
