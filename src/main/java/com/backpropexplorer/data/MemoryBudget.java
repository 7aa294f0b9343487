package com.backpropexplorer.data;

/**
 * How much more the Java heap can hold, asked before a large array is allocated from a size a
 * file or an argument declared, so that a request beyond it is one sentence instead of an
 * OutOfMemoryError. Sizes are bytes in longs; callers compute them with
 * {@link Math#multiplyExact(long, long)}.
 */
public final class MemoryBudget {
    /** Left free for everything else the program allocates meanwhile (buffers, the window). */
    static final long RESERVE = 64L << 20;

    private MemoryBudget() {
    }

    /** The heap's limit ({@code -Xmx}) in bytes. */
    public static long maxHeap() {
        return Runtime.getRuntime().maxMemory();
    }

    /** Bytes that can still be allocated: the limit minus what is in use now (garbage included). */
    public static long free() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    }

    /**
     * Whether {@code bytes} more fit, keeping {@link #RESERVE} free. Asks for a collection
     * before saying no, since "in use" counts garbage too.
     */
    public static boolean fits(long bytes) {
        if (bytes < 0) {
            return false;
        }
        if (bytes <= free() - RESERVE) {
            return true;
        }
        System.gc();
        return bytes <= free() - RESERVE;
    }

    /** "{what} needs about N MB, but Java has only M MB free; ..." */
    public static DataException tooLarge(Object what, long bytes) {
        return new DataException("memory.tooLarge", what, megabytes(bytes), megabytes(Math.max(0, free() - RESERVE)),
                megabytes(maxHeap()));
    }

    /** Bytes as whole megabytes, rounded up. */
    public static long megabytes(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
