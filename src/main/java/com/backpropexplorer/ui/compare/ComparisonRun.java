package com.backpropexplorer.ui.compare;

import com.backpropexplorer.engine.TrainingConfig;
import com.backpropexplorer.explain.ActivationHistogram;
import com.backpropexplorer.explain.TrainingHealth;
import com.backpropexplorer.ui.Sentence;
import java.util.List;

/**
 * One configuration of a comparison as the view sees it at one moment: what it is, how far it
 * got, its curves, its hidden activations before and after training and its health. Immutable:
 * the training thread makes a new one and hands it over.
 *
 * @param id its place in the queue (also its colour)
 * @param label what the legend says, e.g. "AdaGrad lr 0.01" or "He"
 * @param config what is trained
 * @param status where it is in the queue
 * @param losses the batch loss of every update so far
 * @param epochs train and test accuracy at every epoch boundary so far
 * @param start the hidden activations on the probe batch with the initial weights (null before)
 * @param end the same after training (null before it ends)
 * @param health the update sizes and dead units so far (null before the first measurement)
 * @param why why it failed or diverged (said in the window's language when shown), else null
 */
public record ComparisonRun(int id, String label, TrainingConfig config, Status status, double[] losses,
                            List<Epoch> epochs, ActivationHistogram start, ActivationHistogram end,
                            TrainingHealth.Series health, Sentence why) {

    /** Where a run is. */
    public enum Status {
        QUEUED, RUNNING, DONE, DIVERGED, CANCELLED, FAILED;

        public boolean over() {
            return this != QUEUED && this != RUNNING;
        }
    }

    /** Accuracy after update {@code iteration}. */
    public record Epoch(int iteration, double train, double test) {
    }

    public ComparisonRun {
        epochs = List.copyOf(epochs);
    }

    static ComparisonRun queued(int id, String label, TrainingConfig config) {
        return new ComparisonRun(id, label, config, Status.QUEUED, new double[0], List.of(), null, null, null, null);
    }

    ComparisonRun with(Status newStatus, Sentence newWhy) {
        return new ComparisonRun(id, label, config, newStatus, losses, epochs, start, end, health, newWhy);
    }

    /** The last test accuracy, or NaN before the first epoch. */
    public double lastTestAccuracy() {
        return epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).test();
    }
}
