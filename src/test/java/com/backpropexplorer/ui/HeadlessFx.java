package com.backpropexplorer.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.application.Platform;
import org.testfx.api.FxToolkit;

/**
 * JavaFX for a test that needs the FX thread but drives no window: starting it the way TestFX does,
 * and running a piece of the test on it.
 *
 * <p>Not {@code Platform.startup}: TestFX connects its robot to Monocle's headless screen only when it
 * launches the toolkit itself. Started any other way first, every TestFX test after it in the same JVM
 * clicks into nothing (a click on "MNIST" never opened the lesson, whose wait then ran out).
 */
public final class HeadlessFx {
    private HeadlessFx() {
    }

    /** Starts the toolkit through TestFX, or does nothing where it runs already. */
    public static void start() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    /** Runs {@code action} on the FX thread and waits for it; an assertion that fails there fails the test. */
    public static void onFx(Runnable action) throws Exception {
        fromFx(() -> {
            action.run();
            return null;
        });
    }

    /** What {@code action} returns on the FX thread; an assertion that fails there fails the test. */
    public static <T> T fromFx(Supplier<T> action) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                result.set(action.get());
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                done.countDown();
            }
        });
        assertTrue(done.await(10, TimeUnit.SECONDS), "the FX thread did not run it within 10 s");
        if (failure.get() instanceof Error error) {
            throw error;
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        return result.get();
    }
}
