package com.backpropexplorer.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.engine.TrainingSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The training view's bookkeeping that needs no window: the plan Continue goes on to, the
 * progress counts, what a run's end says, the clock.
 */
class RunBookkeepingTest {

    @Test
    void continueGoesOnToAPlanCutShortUnlessTrainForWasChanged() {
        RunPlan plan = new RunPlan();
        assertFalse(plan.goesOn(0, "10000 iterations"), "no plan yet");
        plan.plan(0, 10_000, "10000 iterations");
        assertTrue(plan.goesOn(2_500, "10000 iterations"), "stopped at 2,500 of 10,000");
        assertEquals(7_500, plan.remaining(2_500));
        assertFalse(plan.goesOn(2_500, "5 epochs"), "Train for changed: a new plan");
        assertFalse(plan.goesOn(10_000, "10000 iterations"), "the plan was reached");

        plan.plan(10_000, 600, "600 iterations"); // Continue after a finished run plans from where it is
        assertTrue(plan.goesOn(10_300, "600 iterations"));
        assertEquals(300, plan.remaining(10_300));
        plan.clear();
        assertFalse(plan.goesOn(10_300, "600 iterations"), "an opened model has no plan");
    }

    @Test
    void progressCountsOverAllRunsAndItsTimeGoesOnOnlyWhenContinuing() {
        RunProgress progress = new RunProgress();
        assertEquals(0, progress.fraction());
        assertTrue(Double.isNaN(progress.secondsLeft()), "no speed yet");

        progress.begin(0, 1_000, false);
        progress.report(new Progress(100, 100, 1_000, 2.0, null, null), true);
        assertEquals(100, progress.doneProperty().get());
        assertEquals(0.1, progress.fraction(), 1e-12);
        assertEquals(50, progress.stepsPerSecondProperty().get(), 1e-12);
        assertEquals(18, progress.secondsLeft(), 1e-12, "900 left at 50 a second");
        assertEquals(1_000, progress.plannedEnd());
        assertEquals(2.0, progress.epochs(50), 1e-12);

        progress.end(150); // Stop: the run's own count, ahead of the last progress heard
        assertEquals(150, progress.doneProperty().get());
        progress.report(new Progress(120, 120, 1_000, 2.5, null, null), false);
        assertEquals(150, progress.doneProperty().get(), "after the end a late progress changes no count");
        assertEquals(2.5, progress.secondsProperty().get(), 1e-12);

        progress.begin(150, 200, true); // Continue
        assertEquals(150, progress.doneProperty().get());
        assertEquals(350, progress.plannedEnd());
        progress.report(new Progress(160, 10, 200, 1.0, null, null), true);
        assertEquals(3.5, progress.secondsProperty().get(), 1e-12, "the net's time goes on");

        progress.begin(0, 200, false); // Start: a new net
        progress.report(new Progress(10, 10, 200, 1.0, null, null), true);
        assertEquals(1.0, progress.secondsProperty().get(), 1e-12);

        progress.clear();
        assertEquals(0, progress.doneProperty().get());
        assertEquals(0, progress.secondsProperty().get());
        assertEquals(0, progress.plannedEnd());
    }

    @Test
    void aRunsEndSaysHowItEnded() {
        TrainingSummary completed = summary(TrainingSummary.Status.COMPLETED, 600, Double.NaN);
        assertEquals(TrainingState.COMPLETED, RunEnding.state(completed.status()));
        assertEquals(Notice.info("train.notice.completed", 600, 0.9, 0.8), RunEnding.notice(completed, 600, 900));

        TrainingSummary stopped = summary(TrainingSummary.Status.CANCELLED, 40, Double.NaN);
        assertEquals(TrainingState.STOPPED, RunEnding.state(stopped.status()));
        assertEquals(Notice.info("train.notice.stopped", 340), RunEnding.notice(stopped, 340, 340),
                "the net's updates over all runs");

        TrainingSummary diverged = summary(TrainingSummary.Status.DIVERGED, 12, Double.POSITIVE_INFINITY);
        assertEquals(TrainingState.DIVERGED, RunEnding.state(diverged.status()));
        Notice said = RunEnding.notice(diverged, 13, 13);
        assertTrue(said.error());
        assertEquals("train.notice.diverged", said.key());
        assertEquals(List.of(13, 2.25, "5", "∞"), said.args(), "the chart's iteration, the last loss, η, the bad loss");

        assertEquals("NaN", RunEnding.lossText(Double.NaN));
        assertEquals("∞", RunEnding.lossText(Double.POSITIVE_INFINITY));
        assertEquals("1234.57", RunEnding.lossText(1234.5678));
    }

    private static TrainingSummary summary(TrainingSummary.Status status, int steps, double badLoss) {
        return new TrainingSummary(status, steps, 0.9, 0.8, 2.25, 1.0, 0.5, steps - 1, badLoss, 5.0, null);
    }

    @Test
    void timesReadAsAClockFromAnHourOnWithHoursAndADashWhenUnknown() {
        assertEquals("0:00", RunControls.clock(0.4));
        assertEquals("1:05", RunControls.clock(65));
        assertEquals("59:59", RunControls.clock(3599.4));
        assertEquals("1:00:05", RunControls.clock(3605));
        assertEquals("–", RunControls.clock(Double.NaN), "no speed yet: no time left");
        assertEquals("–", RunControls.clock(-1));
    }
}
