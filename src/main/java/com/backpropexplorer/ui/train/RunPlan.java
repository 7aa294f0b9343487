package com.backpropexplorer.ui.train;

/**
 * How far the last Start (or a Continue after a finished run) planned to train, so that
 * Continue after a Stop or a divergence goes on to that plan rather than starting a new one,
 * unless "Train for" was changed since.
 */
final class RunPlan {
    /** The update count the plan reaches (0: no plan). */
    private int target;
    /** "Train for" as it read when the plan was made. */
    private String length = "";

    /** A new plan: from {@code offset} updates, {@code iterations} more, "Train for" reading {@code length}. */
    void plan(int offset, int iterations, String length) {
        target = offset + iterations;
        this.length = length;
    }

    /**
     * Whether Continue goes on to this plan: it was cut short ({@code logged} updates made) and
     * "Train for" still reads as it did; otherwise Continue trains for "Train for" more.
     */
    boolean goesOn(int logged, String lengthNow) {
        return logged < target && length.equals(lengthNow);
    }

    /** Updates left to reach the plan after {@code logged}. */
    int remaining(int logged) {
        return target - logged;
    }

    /** No plan (a model was opened). */
    void clear() {
        target = 0;
    }
}
