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
    /** How many of the steps are in the log already (guarded by STEP_NAMES). */
    private static int stepsLogged;

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
        Thread report = new Thread(() -> report("window shown", now), "launch-timing");
        report.setDaemon(true);
        report.start();
    }

    /**
     * The first frame with the first page is on screen (the window shows its frame first, the
     * page a few frames later): logs how long that took, and the steps since the first frame.
     */
    static void pageShown() {
        long now = System.currentTimeMillis();
        synchronized (LaunchTiming.class) {
            if (pageShownEpochMillis >= 0) {
                return;
            }
            pageShownEpochMillis = now;
        }
        Thread report = new Thread(() -> report("first page shown", now), "launch-timing-page");
        report.setDaemon(true);
        report.start();
    }

    /** Logs the steps not logged yet, then "what N ms after the JVM started (at E ms since the epoch)". */
    private static void report(String what, long at) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        StringBuilder log = new StringBuilder();
        synchronized (STEP_NAMES) {
            if (STEPS) {
                long previous = stepsLogged == 0 ? jvmStart : STEP_TIMES.get(stepsLogged - 1);
                for (; stepsLogged < STEP_NAMES.size(); stepsLogged++) {
                    long step = STEP_TIMES.get(stepsLogged);
                    log.append(String.format("Backprop Explorer: launch step %-28s ended at %5d ms (+%d)%n",
                            STEP_NAMES.get(stepsLogged), step - jvmStart, step - previous));
                    previous = step;
                }
            }
            // the epoch lets a benchmark count from its own launch, whenever this line is read
            log.append("Backprop Explorer: ").append(what).append(' ').append(at - jvmStart)
                    .append(" ms after the JVM started (at ").append(at).append(" ms since the epoch)");
            System.err.println(log);
        }
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
