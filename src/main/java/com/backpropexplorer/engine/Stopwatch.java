package com.backpropexplorer.engine;

/** Adds up the time between each {@link #start} and the {@link #stop} after it. One thread. */
final class Stopwatch {
    private long total;
    private long startedAt;

    void start() {
        startedAt = System.nanoTime();
    }

    void stop() {
        total += System.nanoTime() - startedAt;
    }

    double seconds() {
        return total / 1e9;
    }
}
