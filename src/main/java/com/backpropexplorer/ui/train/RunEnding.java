package com.backpropexplorer.ui.train;

import com.backpropexplorer.engine.TrainingSummary;
import java.util.Locale;

/** What the training view says and shows when a run ends: completed, stopped or diverged. */
final class RunEnding {
    private RunEnding() {
    }

    static TrainingState state(TrainingSummary.Status status) {
        return switch (status) {
            case COMPLETED -> TrainingState.COMPLETED;
            case CANCELLED -> TrainingState.STOPPED;
            case DIVERGED -> TrainingState.DIVERGED;
        };
    }

    /**
     * @param logged the losses in the log: where the learner reads the chart's x axis (the run's
     *     own count of a diverged step is 0-based)
     * @param done the net's updates over all its runs
     */
    static Notice notice(TrainingSummary summary, int logged, int done) {
        return switch (summary.status()) {
            case COMPLETED -> Notice.info("train.notice.completed", summary.steps(), summary.trainAccuracy(),
                    summary.testAccuracy());
            case CANCELLED -> Notice.info("train.notice.stopped", done);
            case DIVERGED -> Notice.error("train.notice.diverged", logged, summary.lastLoss(),
                    TrainingSettings.format(summary.learningRate()), lossText(summary.badLoss()));
        };
    }

    /** The loss that stopped a run: NaN, ∞, or its value to two decimals. */
    static String lossText(double bad) {
        return Double.isNaN(bad) ? "NaN" : Double.isInfinite(bad) ? "∞" : String.format(Locale.ROOT, "%.2f", bad);
    }
}
