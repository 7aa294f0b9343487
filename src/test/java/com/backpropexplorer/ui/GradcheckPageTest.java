package com.backpropexplorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.explain.Example;
import com.backpropexplorer.explain.Tensor;
import com.backpropexplorer.ui.gradcheck.ErrorHeatmap;
import com.backpropexplorer.ui.gradcheck.GradcheckModel;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The gradient-check page: tiny agrees with backprop, and a running check can be cancelled. */
@ExtendWith(ApplicationExtension.class)
class GradcheckPageTest {
    private ExplorerFixture app;

    @Start
    void start(Stage stage) {
        app = new ExplorerFixture(stage, Locale.ENGLISH);
    }

    private GradcheckModel model() {
        return app.explorer.gradcheck();
    }

    @Test
    void tinyAgreesToBetterThanOneMillionth(FxRobot robot) throws Exception {
        robot.clickOn("#nav-gradcheck");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Example.TINY, model().netProperty().get());
        robot.clickOn("#gradcheck-run");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model().resultProperty().get() != null
                && !model().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        for (String p : new String[] {"W1", "b1", "W2", "b2"}) {
            double mean = (Double) robot.lookup("#gradcheck-mean-" + p).queryAs(Label.class).getUserData();
            assertTrue(mean < 1e-6, p + ": " + mean);
        }
        assertTrue(robot.lookup("#gradcheck-heatmap-W2").tryQuery().isPresent());
        // each element in the colour of its error, on the scale app.css defines: green where they agree
        ErrorHeatmap w1 = robot.lookup("#gradcheck-heatmap-W1").queryAs(ErrorHeatmap.class);
        Tensor relative = (Tensor) w1.getUserData();
        Image picture = ((ImageView) w1.getChildren().get(0)).getImage();
        Color expected = ErrorHeatmap.colour(relative.get(0, 0));
        Color drawn = picture.getPixelReader().getColor(0, 0);
        assertEquals(expected.getRed(), drawn.getRed(), 1.0 / 255, "its error's colour: " + drawn);
        assertEquals(expected.getGreen(), drawn.getGreen(), 1.0 / 255, "its error's colour: " + drawn);
        assertEquals(expected.getBlue(), drawn.getBlue(), 1.0 / 255, "its error's colour: " + drawn);
        assertEquals(Color.web("#2da44e"), ErrorHeatmap.colour(1e-12), "agreement: -bpe-error-low");
        assertEquals(Color.web("#cf222e"), ErrorHeatmap.colour(0.5), "disagreement: -bpe-error-high");
        Color seen = picture.getPixelReader().getColor(0, 0);
        assertTrue(seen.getGreen() > seen.getRed(), "an error below 1e-6 is drawn green: " + seen);
        assertTrue(robot.lookup("#gradcheck-status").queryAs(Label.class).getText().startsWith("2-3-2, N = 2"));
    }

    @Test
    void aRunningCheckCanBeCancelled(FxRobot robot) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        model().setProgressListener(done -> {
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS); // hold the check here until the test cancelled it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        robot.clickOn("#nav-gradcheck");
        robot.clickOn("#gradcheck-run");
        assertTrue(started.await(10, TimeUnit.SECONDS), "the check started");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model().runningProperty().get());
        assertTrue(robot.lookup("#gradcheck-progress").query().isVisible(), "a progress bar while it runs");
        assertTrue(robot.lookup("#gradcheck-run").queryButton().isDisabled());
        robot.clickOn("#gradcheck-cancel");
        release.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model().cancelledProperty().get());
        assertNull(model().resultProperty().get(), "no partial result");
        assertEquals("Cancelled: nothing was changed.", robot.lookup("#gradcheck-status").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#gradcheck-run").queryButton().isDisabled(), "it can run again");
        assertFalse(robot.lookup("#gradcheck-progress").query().isVisible());
    }
}
