package com.backpropexplorer.engine;

/**
 * Progress of a {@link Trainer}, called on the training thread. A listener that wants the
 * weights (to draw them) copies them here, where reading the net is safe, and hands the copy on.
 */
public interface TrainingListener {
    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {
    };

    /** After update {@code iteration} (from 0); {@code loss} is the batch loss before that update. */
    default void onIteration(int iteration, double loss) {
    }

    /**
     * At each epoch boundary ({@code iteration % iterationsPerEpoch == 0}, as the book's
     * {@code train_neuralnet.py}, so the first comes after the first update): accuracy on the
     * whole training and test sets.
     */
    default void onEpoch(int epoch, int iteration, double trainAccuracy, double testAccuracy) {
    }

    /**
     * Right after {@link #onEpoch}: the test set's confusion matrix, from the same pass as its
     * test accuracy (when the kernel lists its predictions, as both of ours do).
     */
    default void onConfusion(int epoch, int iteration, ConfusionMatrix confusion) {
    }

    /** Once, when the run ends for any reason. */
    default void onFinish(TrainingSummary summary) {
    }
}
