package com.backpropexplorer.engine;

/**
 * Tells a diverging run by its loss. At the first NaN or infinite loss the run stops; and since
 * the book's loss has a 1e−7 guard inside the log, a rate far too high (10, say) rarely reaches
 * NaN: the loss leaps instead (2.3 → 14 in three steps on MNIST) and the ReLUs die. So a batch
 * loss above {@link #explodedLoss(double) three times the run's first loss} (and at least 5 more)
 * counts as diverged too; a run that learns never gets near that.
 */
final class DivergenceGuard {
    private double firstLoss = Double.NaN;
    private double badLoss = Double.NaN;
    private int divergedAt = -1;

    /** True when the loss of this iteration says the run diverged (the first call sets the baseline). */
    boolean diverged(int iteration, double loss) {
        if (Double.isNaN(firstLoss)) {
            firstLoss = loss;
        }
        if (Double.isFinite(loss) && loss <= explodedLoss(firstLoss)) {
            return false;
        }
        badLoss = loss;
        divergedAt = iteration;
        return true;
    }

    /** The iteration whose loss was bad, or -1. */
    int divergedAt() {
        return divergedAt;
    }

    /** The loss that stopped the run (NaN, ±∞ or a leap), else NaN. */
    double badLoss() {
        return badLoss;
    }

    /**
     * The batch loss above which a run counts as diverged: 3 × the first loss, and at least 5
     * above it (an untrained 10-class net starts near ln 10 ≈ 2.3, so about 7.3).
     */
    static double explodedLoss(double firstLoss) {
        return Double.isFinite(firstLoss) ? Math.max(3 * firstLoss, firstLoss + 5) : Double.POSITIVE_INFINITY;
    }
}
