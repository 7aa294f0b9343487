package com.backpropexplorer.ui.shared;

import com.backpropexplorer.explain.LocalNumericalGradient;
import javafx.concurrent.Task;

/**
 * A background Task whose computation reports through a {@link LocalNumericalGradient.Monitor}
 * (the numerical gradients, the gradient check, the timing): its progress becomes the Task's,
 * and cancelling the Task stops the computation at its next check.
 */
public abstract class MonitoredTask<T> extends Task<T> {

    /** The monitor to hand the computation: progress into the Task's, cancelled when the Task is. */
    protected final LocalNumericalGradient.Monitor monitor() {
        return new LocalNumericalGradient.Monitor() {
            @Override
            public void progress(long done, long total) {
                updateProgress(done, total);
            }

            @Override
            public boolean isCancelled() {
                return MonitoredTask.this.isCancelled();
            }
        };
    }
}
