package com.backpropexplorer.ui;

import java.util.concurrent.TimeoutException;
import org.testfx.api.FxToolkit;

/**
 * Starts JavaFX for a test that needs the FX thread but drives no window, the way TestFX starts it.
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
}
