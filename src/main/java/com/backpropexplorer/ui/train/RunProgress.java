package com.backpropexplorer.ui.train;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * How far the training view's net has come: its updates over all runs and in the present (or
 * last) run, its training time, and the present speed. The {@link TrainingModel} moves it on the
 * FX thread from what its runs report; the view reads it.
 */
public final class RunProgress {
    private final ReadOnlyIntegerWrapper done = new ReadOnlyIntegerWrapper(this, "done");
    private final ReadOnlyIntegerWrapper runDone = new ReadOnlyIntegerWrapper(this, "runDone");
    private final ReadOnlyIntegerWrapper runTotal = new ReadOnlyIntegerWrapper(this, "runTotal");
    private final ReadOnlyDoubleWrapper seconds = new ReadOnlyDoubleWrapper(this, "seconds");
    private final ReadOnlyDoubleWrapper stepsPerSecond = new ReadOnlyDoubleWrapper(this, "stepsPerSecond");
    /** Updates the net had before the present (or last) run. */
    private int offset;
    /** Training time of the net before the present run. */
    private double secondsBefore;

    /** Updates applied to the current net, over all its runs. */
    public ReadOnlyIntegerProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    /** Updates applied in the current (or last) run. */
    public ReadOnlyIntegerProperty runDoneProperty() {
        return runDone.getReadOnlyProperty();
    }

    /** Updates the current (or last) run makes in all. */
    public ReadOnlyIntegerProperty runTotalProperty() {
        return runTotal.getReadOnlyProperty();
    }

    /** Training time of the current net over all its runs, pauses excluded. */
    public ReadOnlyDoubleProperty secondsProperty() {
        return seconds.getReadOnlyProperty();
    }

    /** Updates a second in the current run (accuracy passes included). */
    public ReadOnlyDoubleProperty stepsPerSecondProperty() {
        return stepsPerSecond.getReadOnlyProperty();
    }

    /** Estimated seconds until the run ends, or NaN when unknown. */
    public double secondsLeft() {
        double rate = stepsPerSecond.get();
        return rate > 0 ? (runTotal.get() - runDone.get()) / rate : Double.NaN;
    }

    /** The update the present run will end at (the charts' x axes reach that far). */
    public int plannedEnd() {
        return done.get() - runDone.get() + runTotal.get();
    }

    /** The share of the present run done, 0 to 1 (0 before any run). */
    public double fraction() {
        int total = runTotal.get();
        return total == 0 ? 0 : (double) runDone.get() / total;
    }

    /** Epochs done (fractional). */
    public double epochs(int iterationsPerEpoch) {
        return (double) done.get() / iterationsPerEpoch;
    }

    // ------------------------------------------------------------ moved by the model (FX thread)

    /**
     * A run begins: {@code offset} updates already made, {@code total} to make.
     *
     * @param keepTime whether the net's training time goes on (continuing) or starts again
     */
    void begin(int offset, int total, boolean keepTime) {
        this.offset = offset;
        secondsBefore = keepTime ? seconds.get() : 0;
        runDone.set(0);
        runTotal.set(total);
        stepsPerSecond.set(0);
        done.set(offset);
    }

    /**
     * What the run reported last.
     *
     * @param counts whether its counts still count (after the end only the run's own final count does)
     */
    void report(Progress progress, boolean counts) {
        if (counts) {
            done.set(progress.done());
            runDone.set(progress.runDone());
            runTotal.set(progress.runTotal());
        }
        seconds.set(secondsBefore + progress.seconds());
        stepsPerSecond.set(progress.seconds() > 0 ? progress.runDone() / progress.seconds() : 0);
    }

    /** The run ended after {@code steps} updates of its own. */
    void end(int steps) {
        runDone.set(steps);
        done.set(offset + steps);
    }

    /** A net with no history (opened from a file). */
    void clear() {
        offset = 0;
        secondsBefore = 0;
        seconds.set(0);
        done.set(0);
        runDone.set(0);
        runTotal.set(0);
        stepsPerSecond.set(0);
    }
}
