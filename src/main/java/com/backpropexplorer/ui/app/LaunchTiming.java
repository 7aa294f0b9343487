package com.backpropexplorer.ui.app;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the launch goes: from the JVM's start to the first frame on screen (the first frame
 * the renderer finished after the stage was shown). Logged once to standard error, a
 * developer's figure, read by scripts/startup-bench.sh. With {@code -Dbpe.timing=true} it also
 * logs when each step of the launch ended (README, Start-up).
 *
 * <p>Free of JavaFX types: Main asks it whether the window is up. Nothing here runs on the FX
 * thread but {@link #mark}, which only reads the clock: the JVM's start time (the management
 * classes take tens of milliseconds to load) is read after the first frame, on a thread of
 * its own.
 */
public final class LaunchTiming {
    private static final boolean STEPS = Boolean.getBoolean("bpe.timing");
    private static final List<String> STEP_NAMES = new ArrayList<>();
    private static final List<Long> STEP_TIMES = new ArrayList<>();
    private static volatile long shownEpochMillis = -1;
    private static volatile long pageShownEpochMillis = -1;

    private LaunchTiming() {
    }

    /** With -Dbpe.timing=true, notes that a step of the launch ended now. */
    public static void mark(String step) {
        if (STEPS) {
            long now = System.currentTimeMillis();
            synchronized (STEP_NAMES) {
                STEP_NAMES.add(step);
                STEP_TIMES.add(now);
            }
        }
    }

    /**
     * The first frame is on screen (any thread; only the first call counts): logs how long
     * the launch took, and its steps when asked for, from a thread of its own.
     */
    static void firstFrame() {
        long now = System.currentTimeMillis();
        synchronized (LaunchTiming.class) {
            if (shownEpochMillis >= 0) {
                return;
            }
            shownEpochMillis = now;
        }
        Thread report = new Thread(() -> report(now), "launch-timing");
        report.setDaemon(true);
        report.start();
    }

    private static void report(long shownAt) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        StringBuilder log = new StringBuilder();
        if (STEPS) {
            synchronized (STEP_NAMES) {
                long previous = jvmStart;
                for (int i = 0; i < STEP_NAMES.size(); i++) {
                    long at = STEP_TIMES.get(i);
                    log.append(String.format("Backprop Explorer: launch step %-28s ended at %5d ms (+%d)%n",
                            STEP_NAMES.get(i), at - jvmStart, at - previous));
                    previous = at;
                }
            }
        }
        // the epoch lets a benchmark count from its own launch, whenever this line is read
        log.append("Backprop Explorer: window shown ").append(shownAt - jvmStart)
                .append(" ms after the JVM started (at ").append(shownAt).append(" ms since the epoch)");
        System.err.println(log);
    }

    /**
     * The first frame with the first page is on screen (the window shows its frame first, the
     * page a few frames later): logs how long that took.
     */
    static void pageShown() {
        long now = System.currentTimeMillis();
        synchronized (LaunchTiming.class) {
            if (pageShownEpochMillis >= 0) {
                return;
            }
            pageShownEpochMillis = now;
        }
        Thread report = new Thread(() -> System.err.println("Backprop Explorer: first page shown "
                + (now - ManagementFactory.getRuntimeMXBean().getStartTime())
                + " ms after the JVM started (at " + now + " ms since the epoch)"), "launch-timing-page");
        report.setDaemon(true);
        report.start();
    }

    /** Whether the first frame is on screen. */
    public static boolean isShown() {
        return shownEpochMillis >= 0;
    }

    /** Whether the first frame with the first page is on screen. */
    public static boolean isPageShown() {
        return pageShownEpochMillis >= 0;
    }
}
