package com.backpropexplorer.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * A copy of the parameters from before an update, so that a step whose loss comes out NaN or
 * exploded can be undone. Kept in place: saving allocates nothing. Parts of it may be saved by
 * different threads, each its own range.
 */
public final class WeightsBackup {
    private final DMatrixRMaj[] params;
    private final DMatrixRMaj[] saved;
    private boolean holding;

    /** @param params the live parameters (W1, b1, W2, b2) this backup saves and restores */
    public WeightsBackup(DMatrixRMaj[] params) {
        this.params = params.clone();
        this.saved = Optimizer.zerosLike(params);
    }

    /** Saves every parameter. */
    public void save() {
        for (int k = 0; k < params.length; k++) {
            save(k, 0, params[k].getNumElements());
        }
    }

    /** Saves elements [from, to) of parameter k; {@link #saved()} says when the whole set is. */
    public void save(int k, int from, int to) {
        System.arraycopy(params[k].data, from, saved[k].data, from, to - from);
    }

    /** Declares the backup complete (after saving every part), so that it can be restored. */
    public void saved() {
        holding = true;
    }

    /** True when there is a complete backup that was not restored yet. */
    public boolean holding() {
        return holding;
    }

    /** Puts the saved values back into the parameters. */
    public void restore() {
        if (!holding) {
            throw new IllegalStateException("no update to undo");
        }
        for (int k = 0; k < params.length; k++) {
            System.arraycopy(saved[k].data, 0, params[k].data, 0, params[k].getNumElements());
        }
        holding = false;
    }
}
