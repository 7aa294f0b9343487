package com.backpropexplorer.ui.train;

import com.backpropexplorer.engine.TrainingSummary;
import com.backpropexplorer.engine.TwoLayerNet;
import com.backpropexplorer.explain.TrainingHealth;

/**
 * What the training thread tells the FX thread, in order. Each event is immutable or owns what
 * it carries (copies made on the training thread).
 */
sealed interface TrainingEvent {

    /** Batch losses of consecutive iterations, the first at {@code firstIteration} (counted over all runs). */
    record Losses(int firstIteration, double[] values) implements TrainingEvent {
    }

    /** Accuracy on the whole training and test sets after update {@code iteration}. */
    record EpochAccuracy(int iteration, double train, double test) implements TrainingEvent {
    }

    /** The test set's confusion matrix right after an {@link EpochAccuracy}. */
    record Confusion(EpochConfusion confusion) implements TrainingEvent {
    }

    /**
     * The run's health so far ({@link TrainingHealth}), its iterations counted from the run's
     * first update; {@code offset} is the updates the net had before the run.
     */
    record Health(int offset, TrainingHealth.Series series) implements TrainingEvent {
    }

    /** The run has stopped at the pause gate; {@code net} is a copy of the weights there. */
    record Paused(TwoLayerNet net) implements TrainingEvent {
    }

    /** The run ended; {@code net} is a copy of the weights it kept. */
    record Finished(TrainingSummary summary, TwoLayerNet net) implements TrainingEvent {
    }

    /** The run failed unexpectedly (not a divergence: that is a {@link Finished}); the view says why. */
    record Failed(Throwable reason) implements TrainingEvent {
    }
}
