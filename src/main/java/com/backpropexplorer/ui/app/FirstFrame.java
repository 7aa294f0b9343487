package com.backpropexplorer.ui.app;

import com.sun.javafx.perf.PerformanceTracker;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Tells when a scene's first frame is on screen: when the renderer has painted and presented it,
 * not when the pulse that lays it out begins (the first pulse's CSS, layout and painting took
 * 150-250 ms under Xvfb, where JavaFX paints in software). JavaFX has no public hook for that;
 * its performance tracker has, in javafx.graphics' com.sun.javafx.perf (exported to the class
 * path by the app image's launcher). Where that package is closed, the start of the first pulse
 * stands in.
 */
final class FirstFrame {
    private FirstFrame() {
    }

    /**
     * Call on the FX thread, before the stage is shown or after a change to the scene: waits for
     * the first frame the renderer puts out from the next pulse on. (The tracker is set in that
     * pulse, after its layout: a frame of an earlier pulse still being painted when this is
     * called does not count.)
     *
     * @param rendered called once, on the renderer's thread, as soon as that frame is out
     * @param afterwards then called once on the FX thread
     */
    static void whenShown(Scene scene, Runnable rendered, Runnable afterwards) {
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                track(scene, rendered, afterwards);
            }
        });
    }

    private static void track(Scene scene, Runnable rendered, Runnable afterwards) {
        try {
            PerformanceTracker tracker = PerformanceTracker.getSceneTracker(scene);
            tracker.setOnRenderedFrameTask(new Runnable() {
                private boolean done;

                @Override
                public void run() {
                    if (done) {
                        return;
                    }
                    done = true;
                    rendered.run();
                    Platform.runLater(() -> {
                        PerformanceTracker.releaseSceneTracker(scene);
                        afterwards.run();
                    });
                }
            });
        } catch (IllegalAccessError | RuntimeException closed) {
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    stop();
                    rendered.run();
                    afterwards.run();
                }
            }.start();
        }
    }
}
