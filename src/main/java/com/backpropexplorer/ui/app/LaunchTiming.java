package com.backpropexplorer.ui.app;

import java.lang.management.ManagementFactory;

/**
 * How long the window took to appear: from the JVM's start to the first frame rendered after
 * the stage was shown. Logged once to standard error (a developer's figure, not the learner's).
 */
public final class LaunchTiming {
    private static volatile long shownMillis = -1;

    private LaunchTiming() {
    }

    /** Records now as the first frame; returns the milliseconds since the JVM started. */
    static long firstFrame() {
        long elapsed = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        shownMillis = elapsed;
        return elapsed;
    }

    /** With -Dbpe.timing=true, prints how far into the launch a step is (to find what is slow). */
    static void mark(String step) {
        if (Boolean.getBoolean("bpe.timing")) {
            System.err.println(step + " at " + (System.currentTimeMillis()
                    - ManagementFactory.getRuntimeMXBean().getStartTime()) + " ms");
        }
    }

    /** Milliseconds from JVM start to the first frame, or -1 before it. */
    public static long shownMillis() {
        return shownMillis;
    }
}
