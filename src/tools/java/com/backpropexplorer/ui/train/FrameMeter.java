package com.backpropexplorer.ui.train;

import java.util.Arrays;
import java.util.Locale;
import javafx.animation.AnimationTimer;

/**
 * Records the time between consecutive frames (pulses) of the FX thread. A running timer
 * keeps JavaFX pulsing at its 60 Hz cap, so any frame longer than ~16.7 ms is time the FX
 * thread was busy (layout, CSS, our handlers) or starved of CPU.
 */
public final class FrameMeter extends AnimationTimer {
    private long[] intervals = new long[4096];
    private long[] ends = new long[4096];
    private long first;
    private int count;
    private long last;
    private boolean recording;

    /** Starts (or restarts) recording; the interval before the first frame is not counted. */
    public void record(boolean on) {
        recording = on;
        last = 0;
    }

    @Override
    public void handle(long now) {
        long t = System.nanoTime();
        if (recording && last != 0) {
            if (count == intervals.length) {
                intervals = Arrays.copyOf(intervals, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            if (count == 0) {
                first = last;
            }
            ends[count] = t;
            intervals[count++] = t - last;
        }
        last = t;
    }

    public void clear() {
        count = 0;
        last = 0;
    }

    /** The {@code n} longest frames: "length ms at s since recording began", longest first. */
    public String slowest(int n) {
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(intervals[b], intervals[a]));
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < Math.min(n, count); k++) {
            int i = order[k];
            out.append(String.format(Locale.ROOT, "%s%.0f ms at %.1f s", k == 0 ? "" : ", ", intervals[i] / 1e6,
                    (ends[i] - first) / 1e9));
        }
        return out.toString();
    }

    /** The frames recorded so far, summarised. */
    public Summary summary() {
        long[] sorted = Arrays.copyOf(intervals, count);
        Arrays.sort(sorted);
        long total = 0;
        int slow = 0;
        for (long v : sorted) {
            total += v;
            if (v > 50_000_000L) {
                slow++;
            }
        }
        if (count == 0) {
            return new Summary(0, 0, 0, 0, 0, 0);
        }
        return new Summary(count, sorted[count / 2] / 1e6, sorted[Math.min(count - 1, (int) Math.ceil(count * 0.99) - 1)] / 1e6,
                sorted[count - 1] / 1e6, count / (total / 1e9), slow);
    }

    /** Frame times in milliseconds. */
    public record Summary(int frames, double medianMs, double p99Ms, double maxMs, double fps, int over50ms) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d frames: median %.1f ms, p99 %.1f ms, max %.1f ms, %.1f fps, %d over 50 ms",
                    frames, medianMs, p99Ms, maxMs, fps, over50ms);
        }
    }
}
