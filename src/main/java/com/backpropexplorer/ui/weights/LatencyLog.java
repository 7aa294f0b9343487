package com.backpropexplorer.ui.weights;

import java.util.Arrays;

/**
 * The last few hundred update times of the weights panel, in nanoseconds: the engine part
 * (set the weight, loss, gradients, a fresh pass) and the whole way from the slider event to
 * the new values laid out on screen. FX thread only.
 */
public final class LatencyLog {
    private static final int KEEP = 2000;
    private final long[] engine = new long[KEEP];
    private final long[] full = new long[KEEP];
    private final long[] apply = new long[KEEP];
    private final long[] set = new long[KEEP];
    private int applyCount;
    private int setCount;
    private int engineCount;
    private int fullCount;

    void engine(long nanos) {
        engine[engineCount++ % KEEP] = nanos;
    }

    /** How long the FX thread took to put an answer on the graph and inspector (rebuilding them). */
    void apply(long nanos) {
        apply[applyCount++ % KEEP] = nanos;
    }

    /** From the slider event to the answer's values set on the graph and inspector (before the pulse that shows them). */
    void valuesSet(long nanos) {
        set[setCount++ % KEEP] = nanos;
    }

    public long[] valuesSetNanos() {
        return Arrays.copyOf(set, Math.min(setCount, KEEP));
    }

    public long[] applyNanos() {
        return Arrays.copyOf(apply, Math.min(applyCount, KEEP));
    }

    public void full(long nanos) {
        full[fullCount++ % KEEP] = nanos;
    }

    public void clear() {
        engineCount = 0;
        fullCount = 0;
        applyCount = 0;
        setCount = 0;
    }

    public long[] engineNanos() {
        return Arrays.copyOf(engine, Math.min(engineCount, KEEP));
    }

    public long[] fullNanos() {
        return Arrays.copyOf(full, Math.min(fullCount, KEEP));
    }

    /** The last engine time in ms, or NaN. */
    public double lastEngineMillis() {
        return engineCount == 0 ? Double.NaN : engine[(engineCount - 1) % KEEP] / 1e6;
    }

    /** The last full time in ms, or NaN. */
    public double lastFullMillis() {
        return fullCount == 0 ? Double.NaN : full[(fullCount - 1) % KEEP] / 1e6;
    }
}
