package com.backpropexplorer.ui.train;

/** What the training view is doing. */
public enum TrainingState {
    /** Nothing trained yet, or a run has ended and nothing is under way. */
    IDLE,
    /** Reading the training set. */
    LOADING,
    RUNNING,
    PAUSED,
    /** Stop was pressed; the run ends before its next update. */
    STOPPING,
    COMPLETED,
    STOPPED,
    /** The loss became NaN or infinite; the last finite weights are kept. */
    DIVERGED,
    FAILED;

    /** A run is under way (possibly paused). */
    public boolean active() {
        return this == LOADING || this == RUNNING || this == PAUSED || this == STOPPING;
    }
}
