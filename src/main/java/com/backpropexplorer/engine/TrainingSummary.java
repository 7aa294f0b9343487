package com.backpropexplorer.engine;

/**
 * How a training run ended.
 *
 * @param status completed, cancelled or diverged
 * @param steps updates applied (and kept)
 * @param trainAccuracy accuracy on the whole training set at the end (NaN unless completed)
 * @param testAccuracy accuracy on the whole test set at the end (NaN unless completed)
 * @param lastLoss the last finite batch loss
 * @param trainingSeconds time in the training steps alone (batch draw, gradient, update), like
 *     the book's script measures it; excludes the accuracy passes and listeners
 * @param evaluationSeconds time in the accuracy passes
 * @param divergedAt the iteration whose loss was NaN, infinite or exploded, or -1
 * @param badLoss the loss that stopped a diverged run (NaN, ±∞ or a leap), else NaN
 * @param learningRate the learning rate of the run, for the divergence advice
 * @param confusion the test set's confusion matrix of the final accuracy pass, or null (not
 *     completed, or a kernel that does not list predictions)
 */
public record TrainingSummary(Status status, int steps, double trainAccuracy, double testAccuracy, double lastLoss,
                              double trainingSeconds, double evaluationSeconds, int divergedAt, double badLoss,
                              double learningRate, ConfusionMatrix confusion) {

    /** How a run ended. */
    public enum Status {
        COMPLETED,
        CANCELLED,
        /** The loss became NaN or infinite, or leapt far above where it started; the last good weights were kept. */
        DIVERGED
    }

    /** Training steps per second of training time (0 when no step ran). */
    public double stepsPerSecond() {
        return trainingSeconds > 0 ? steps / trainingSeconds : 0;
    }

    public boolean diverged() {
        return status == Status.DIVERGED;
    }

    /** For a diverged run: one sentence saying what happened and what to do. */
    public String divergenceMessage() {
        if (!diverged()) {
            return "";
        }
        return "Training diverged: the loss " + (Double.isFinite(badLoss) ? "leapt to " + String.format(java.util.Locale.ROOT, "%.4g", badLoss) : "became " + badLoss)
                + " at iteration " + divergedAt + "; the weights before that step (loss "
                + String.format(java.util.Locale.ROOT, "%.4g", lastLoss) + ") are kept;"
                + " lower the learning rate (now " + learningRate + ") and train again.";
    }
}
