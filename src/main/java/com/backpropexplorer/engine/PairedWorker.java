package com.backpropexplorer.engine;

import java.util.concurrent.locks.LockSupport;

/**
 * One persistent helper thread that runs a task alongside the calling thread, for kernels that
 * split a small job in two. Starting and joining cost no allocation: the threads hand over
 * through volatile counters, spinning briefly (a training step's halves take well under a
 * millisecond) and then parking, so an idle worker uses no CPU.
 *
 * <p>The volatile writes and reads order everything the task wrote before {@link #join()}
 * returns, so the caller may read the task's results without further synchronisation.
 */
final class PairedWorker implements AutoCloseable {
    private static final int SPINS = 20_000;

    private final Thread thread;
    private volatile Thread owner;
    private volatile Runnable task;
    private volatile long posted;
    private volatile long finished;
    private volatile boolean closed;
    private volatile Throwable failure;

    PairedWorker(String name) {
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts {@code job} on the worker; call {@link #join()} before posting the next one. */
    void post(Runnable job) {
        owner = Thread.currentThread();
        task = job;
        posted = posted + 1;
        LockSupport.unpark(thread);
    }

    /** Waits for the posted task; rethrows what it threw. Only the posting thread may call. */
    void join() {
        long target = posted;
        int spins = 0;
        while (finished != target) {
            if (spins < SPINS) {
                spins++;
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
        Throwable t = failure;
        if (t != null) {
            failure = null;
            if (t instanceof RuntimeException e) {
                throw e;
            }
            if (t instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(t);
        }
    }

    private void loop() {
        long seen = 0;
        while (!closed) {
            int spins = 0;
            while (posted == seen && !closed) {
                if (spins < SPINS) {
                    spins++;
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            if (closed) {
                return;
            }
            seen = posted;
            try {
                task.run();
            } catch (Throwable t) {
                failure = t;
            }
            finished = seen;
            LockSupport.unpark(owner);
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }
}
