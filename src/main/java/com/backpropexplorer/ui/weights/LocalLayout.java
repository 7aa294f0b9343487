package com.backpropexplorer.ui.weights;

import java.util.Arrays;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Region;

/**
 * Keeps the weights panel's many small changes (an answer sets four numbers, the value field and
 * the engine's time, up to 60 times a second) from laying out the whole window: a change inside
 * the panel lays out only the panel, unless its own size changed, which is checked once a pulse.
 *
 * <p>JavaFX passes every layout request of a node up to the scene's root, and each ancestor
 * then lays out its children again, measuring the text of wrapped labels that have nothing to do
 * with the change (the stage caption, the inspector's descriptions). The panel's
 * {@code requestLayout} asks {@link #absorbs()} first: outside a pulse the request is kept in
 * the panel (its own layout runs at the next pulse) and, before that pulse's CSS and layout
 * passes, the panel's minimum and preferred sizes are computed afresh; when they differ from what
 * its parent last saw, the request goes up as usual. Requests made during a pulse (the CSS pass
 * restyling a node, a layout pass) always go up. FX thread only.
 */
final class LocalLayout {
    private final Region region;
    /** The panel's minimum and preferred sizes computed afresh (not from the cache its parent reads). */
    private final Supplier<double[]> sizes;
    /** The panel's usual requestLayout: up to the parent. */
    private final Runnable propagate;
    private final Runnable beforeLayout = this::check;
    private final Runnable afterLayout = () -> inPulse = false;
    private Scene listening;
    private boolean inPulse;
    private boolean pending;
    /** The sizes the parent last saw, or null when not known. */
    private double[] reported;

    LocalLayout(Region region, Supplier<double[]> sizes, Runnable propagate) {
        this.region = region;
        this.sizes = sizes;
        this.propagate = propagate;
        // off the scene (another page, a language switch): no listener keeps the panel alive
        region.sceneProperty().addListener((obs, was, is) -> listen(is));
    }

    /**
     * True when the request stays in the panel (the caller then marks only the panel as needing
     * layout); false when it must go up to the parent.
     */
    boolean absorbs() {
        Scene scene = region.getScene();
        listen(scene);
        if (scene == null || inPulse || region.getParent() == null) {
            reported = null;
            return false;
        }
        pending = true;
        Platform.requestNextPulse();
        return true;
    }

    private void listen(Scene scene) {
        if (scene == listening) {
            return;
        }
        if (listening != null) {
            listening.removePreLayoutPulseListener(beforeLayout);
            listening.removePostLayoutPulseListener(afterLayout);
        }
        listening = scene;
        inPulse = false;
        reported = null;
        if (scene != null) {
            scene.addPreLayoutPulseListener(beforeLayout);
            scene.addPostLayoutPulseListener(afterLayout);
        }
    }

    private void check() {
        inPulse = true;
        if (!pending) {
            return;
        }
        pending = false;
        double[] now = sizes.get();
        if (reported == null || !Arrays.equals(now, reported)) {
            propagate.run();
        }
        reported = now;
    }
}
