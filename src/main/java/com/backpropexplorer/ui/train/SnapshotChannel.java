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
 *
 * <p>It also tells the producer how far behind the FX thread is ({@link #fxLateness}), from a
 * heartbeat: an empty task sent at most every {@value #HEARTBEAT_MILLIS} ms, one at a time.
 */
final class SnapshotChannel {
    private final ConcurrentLinkedQueue<TrainingEvent> events = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Progress> latest = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Executor fxThread;
    private final Consumer<TrainingEvent> onEvent;
    private final Consumer<Progress> onProgress;
    private final Runnable afterDrain;

    static final long HEARTBEAT_MILLIS = 4;
    private static final long HEARTBEAT_NANOS = HEARTBEAT_MILLIS * 1_000_000;
    /** When the heartbeat waiting on the FX thread was sent; 0 when none is waiting. */
    private final java.util.concurrent.atomic.AtomicLong heartbeatSent = new java.util.concurrent.atomic.AtomicLong();
    private final Runnable heartbeat;
    private long lastHeartbeat; // producer thread only

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
        this.heartbeat = () -> heartbeatSent.set(0);
    }

    /**
     * How long the FX thread has left the latest heartbeat waiting, in nanoseconds: 0 when it is
     * keeping up. Sends a new heartbeat when none is waiting and the last was sent at least
     * {@value #HEARTBEAT_MILLIS} ms ago. For one producer thread, which calls it often.
     */
    long fxLateness(long now) {
        long sent = heartbeatSent.get();
        if (sent != 0) {
            return Math.max(0, now - sent);
        }
        if (now - lastHeartbeat >= HEARTBEAT_NANOS) {
            lastHeartbeat = now;
            heartbeatSent.set(now == 0 ? 1 : now);
            fxThread.execute(heartbeat);
        }
        return 0;
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
