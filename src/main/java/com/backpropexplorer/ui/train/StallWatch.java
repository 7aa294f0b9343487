package com.backpropexplorer.ui.train;

import java.util.Locale;
import java.util.Optional;

/**
 * With the book's guarded loss (−log(y + 1e−7)) a too-high learning rate rarely reaches NaN:
 * far more often one big step drives every ReLU to output 0, no gradient flows back to W1 any
 * more, and the loss sits at ln 10 ≈ 2.30 with chance accuracy. This notices it after a whole
 * epoch at chance, so the view can say so.
 */
final class StallWatch {
    /** The losses averaged for the notice. */
    private static final int RECENT = 100;

    private StallWatch() {
    }

    /**
     * @param log the run's log, the epoch's point already in it
     * @param iteration the update the epoch's accuracies were measured after
     * @param classes how many classes the set has (chance is one in that many)
     * @param learningRate the rate as the learner typed it
     * @return the notice to show, if both accuracies are still at about chance
     */
    static Optional<Notice> check(TrainingLog log, int iteration, double train, double test, int classes,
                                  String learningRate) {
        int perEpoch = log.iterationsPerEpoch();
        if (iteration < perEpoch || log.size() < RECENT) {
            return Optional.empty();
        }
        double chance = 1.0 / Math.max(2, classes);
        if (train >= 1.5 * chance || test >= 1.5 * chance) {
            return Optional.empty();
        }
        double mean = 0;
        for (int i = log.size() - RECENT; i < log.size(); i++) {
            mean += log.loss(i) / RECENT;
        }
        return Optional.of(Notice.error("train.notice.stalled", iteration / perEpoch, test,
                String.format(Locale.ROOT, "%.3f", mean), learningRate));
    }
}
