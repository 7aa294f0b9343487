package com.backpropexplorer.engine.fast;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a job cut into chunks on the calling thread and one persistent helper thread, for
 * kernels whose whole job takes well under a millisecond. Both threads claim chunks from one
 * counter until none are left, so when the helper is slow to wake (two cores shared with other
 * programs) the caller simply does more chunks itself: two threads are never slower than one by
 * more than a wake-up.
 *
 * <p>No allocation per job. The helper spins for {@value #HELPER_SPIN_MICROS} µs after each job
 * (in a training loop the next one follows within microseconds) and then parks, so an idle
 * helper costs no CPU. Spinning is bounded by time, not by a count: a parked thread took about
 * 30 µs to wake on the 2-core VMs we measure on, and a count of 1,000 pauses ran out before the
 * next step's job on most steps, costing a tenth of the step. It is a daemon.
 * The counter's volatile writes and reads order everything a chunk wrote before
 * {@link #run} returns.
 */
final class SharedWork implements AutoCloseable {
    /** A job: chunk {@code chunk} of it, on thread 0 (the caller) or 1 (the helper). */
    interface Job {
        void run(int chunk, int thread);
    }

    private static final long HELPER_SPIN_MICROS = 50;
    private static final long HELPER_SPIN_NANOS = HELPER_SPIN_MICROS * 1_000;
    private static final int CALLER_SPINS = 2_000;

    private static final int CHUNK_BITS = 20;
    private static final long CHUNK_MASK = (1L << CHUNK_BITS) - 1;

    /**
     * generation (24 bits) | end of the unclaimed chunks (20) | start of them (20), in one word
     * so that a claim checks all three at once: a helper that read the previous job can never
     * claim a chunk of the next one, nor one that is taken. The caller claims from the start,
     * the helper from the end, so each thread gets much the same chunks every job and the data
     * they write stays in its core's cache (dynamic claiming from one end dealt them out
     * differently every time).
     */
    private final AtomicLong claim = new AtomicLong();
    private final AtomicInteger finished = new AtomicInteger();
    private final Thread helper;
    private volatile Job job;
    private volatile boolean closed;
    private volatile Throwable failure;

    SharedWork(String name) {
        helper = new Thread(this::helperLoop, name);
        helper.setDaemon(true);
        helper.start();
    }

    /** Runs chunks 0..chunks−1 of {@code work} on both threads; returns when all are done. */
    void run(Job work, int chunks) {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        if (chunks < 1 || chunks > CHUNK_MASK) {
            throw new IllegalArgumentException("chunks " + chunks);
        }
        this.job = work;
        finished.set(0);
        long generation = (generation(claim.get()) + 1) & 0xFFFFFF;
        claim.set(generation << (2 * CHUNK_BITS) | (long) chunks << CHUNK_BITS);
        LockSupport.unpark(helper);
        share(generation, 0);
        int spins = 0;
        while (finished.get() < chunks) {
            if (spins++ < CALLER_SPINS) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
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

    private static long generation(long word) {
        return word >>> (2 * CHUNK_BITS);
    }

    private void share(long generation, int thread) {
        Job work = job; // read after the claim word: the job of this generation or a later one
        while (true) {
            long current = claim.get();
            int start = (int) (current & CHUNK_MASK);
            int end = (int) ((current >>> CHUNK_BITS) & CHUNK_MASK);
            if (generation(current) != generation || start >= end) {
                return;
            }
            int chunk = thread == 0 ? start : end - 1;
            long claimed = thread == 0 ? current + 1 : current - (1L << CHUNK_BITS);
            if (claim.compareAndSet(current, claimed)) {
                try {
                    work.run(chunk, thread);
                } catch (Throwable t) {
                    failure = t;
                }
                finished.incrementAndGet();
            }
        }
    }

    private void helperLoop() {
        long seen = 0;
        long idleSince = System.nanoTime();
        while (!closed) {
            long generation = generation(claim.get());
            if (generation != seen) {
                seen = generation;
                share(generation, 1);
                idleSince = System.nanoTime();
            } else if (System.nanoTime() - idleSince < HELPER_SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
    }

    /** Ends the helper thread. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(helper);
    }
}
