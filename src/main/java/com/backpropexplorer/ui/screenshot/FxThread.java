package com.backpropexplorer.ui.screenshot;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * Runs JavaFX without the Application class, for off-screen rendering: starts the toolkit
 * (under Monocle's headless platform where there is no display), runs work on the FX thread
 * from another thread, and waits for a state.
 */
public final class FxThread {
    /** How long any one wait may take. */
    static final long TIMEOUT_SECONDS = 60;

    private FxThread() {
    }

    /** Starts JavaFX for off-screen rendering; null when ready, else why it cannot start. */
    public static String start() {
        String display = System.getenv("DISPLAY");
        boolean headless = display == null || display.isBlank();
        if (headless && System.getProperty("glass.platform") == null) {
            if (!monocleAvailable()) {
                return "screenshot needs a display: run it under `xvfb-run -a`, or put Monocle"
                        + " (org.testfx:openjfx-monocle) on the class path for headless rendering.";
            }
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("prism.text", "t2k");
        }
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            return "JavaFX could not start: " + e.getMessage();
        }
        Platform.setImplicitExit(false);
        try {
            if (!started.await(20, TimeUnit.SECONDS)) {
                return "JavaFX did not start within 20 s";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while starting JavaFX";
        }
        return null;
    }

    private static boolean monocleAvailable() {
        try {
            Class.forName("com.sun.glass.ui.monocle.MonoclePlatformFactory");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Runs {@code action} on the FX thread and returns its result. */
    public static <T> T call(Callable<T> action) throws Exception {
        FutureTask<T> task = new FutureTask<>(action);
        Platform.runLater(task);
        try {
            return task.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /**
     * Waits until {@code condition}, read on the FX thread, holds.
     *
     * @param settleMillis how much longer to wait then (e.g. for a coalesced re-render)
     * @param what what is waited for, for the message when it does not come
     */
    public static void await(Callable<Boolean> condition, long settleMillis, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (call(condition)) {
                Thread.sleep(settleMillis);
                return;
            }
            Thread.sleep(30);
        }
        throw new IllegalStateException(what + " was not reached within " + TIMEOUT_SECONDS + " s");
    }
}
