package com.backpropexplorer.engine;

import java.util.concurrent.CancellationException;

/**
 * Pause, resume and cancel for a run on another thread: {@link #pause}, {@link #resume} and
 * {@link #cancel} may be called from any thread; the run asks {@link #awaitTurn} before each
 * iteration and {@link #stopRequested} between chunks of longer work. An interrupt of the run's
 * thread counts as a cancel.
 */
final class RunControl {
    private final Object lock = new Object();
    private volatile boolean cancelRequested;
    private volatile boolean paused;

    void cancel() {
        cancelRequested = true;
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    void pause() {
        paused = true;
    }

    void resume() {
        synchronized (lock) {
            paused = false;
            lock.notifyAll();
        }
    }

    boolean isPaused() {
        return paused;
    }

    boolean stopRequested() {
        return cancelRequested || Thread.currentThread().isInterrupted();
    }

    /**
     * Waits while paused.
     *
     * @throws CancellationException when the run is to stop
     */
    void awaitTurn() {
        if (paused) {
            synchronized (lock) {
                while (paused && !stopRequested()) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt(); // keep the flag: the caller's thread was asked to stop
                    }
                }
            }
        }
        if (stopRequested()) {
            throw new CancellationException("training cancelled");
        }
    }
}
