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
            }
            intervals[count++] = t - last;
        }
        last = t;
    }

    public void clear() {
        count = 0;
        last = 0;
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
