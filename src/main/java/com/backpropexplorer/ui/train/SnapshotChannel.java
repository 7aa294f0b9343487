package com.backpropexplorer.ui.train;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Carries what the training thread produces to the FX thread without ever flooding it: events
 * (losses, accuracies, pause, end) are queued in order, progress is a single "latest" slot that
 * newer progress overwrites, and at most one drain is waiting on the FX thread at any time,
 * however fast the producer goes.
 */
final class SnapshotChannel {
    private final ConcurrentLinkedQueue<TrainingEvent> events = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Progress> latest = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Executor fxThread;
    private final Consumer<TrainingEvent> onEvent;
    private final Consumer<Progress> onProgress;
    private final Runnable afterDrain;

    /**
     * @param fxThread runs the drain on the FX thread ({@code Platform::runLater})
     * @param onEvent called on the FX thread for each event, in order
     * @param onProgress called on the FX thread with the newest progress, after the events
     * @param afterDrain called on the FX thread once after each drain (e.g. to redraw charts once)
     */
    SnapshotChannel(Executor fxThread, Consumer<TrainingEvent> onEvent, Consumer<Progress> onProgress,
                    Runnable afterDrain) {
        this.fxThread = fxThread;
        this.onEvent = onEvent;
        this.onProgress = onProgress;
        this.afterDrain = afterDrain;
    }

    /** Queues an event (any thread). */
    void event(TrainingEvent event) {
        events.add(event);
        schedule();
    }

    /**
     * Replaces the latest progress (any thread). A picture or prediction the FX thread has not
     * taken yet is kept when the newer progress carries none.
     */
    void progress(Progress next) {
        latest.getAndUpdate(previous -> previous == null ? next : new Progress(next.done(), next.runDone(),
                next.runTotal(), next.seconds(),
                next.weights() != null ? next.weights() : previous.weights(),
                next.predictions() != null ? next.predictions() : previous.predictions()));
        schedule();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            fxThread.execute(this::drain);
        }
    }

    private void drain() {
        // cleared first: anything published from here on schedules a new drain
        scheduled.set(false);
        TrainingEvent event;
        while ((event = events.poll()) != null) {
            onEvent.accept(event);
        }
        Progress progress = latest.getAndSet(null);
        if (progress != null) {
            onProgress.accept(progress);
        }
        afterDrain.run();
    }
}
