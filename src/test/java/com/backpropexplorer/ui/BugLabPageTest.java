package com.backpropexplorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.data.SharedMnist;
import com.backpropexplorer.explain.bugs.PlantedBug;
import com.backpropexplorer.ui.buglab.BugLabModel;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The bug lab page, clicked through: every planted bug is caught by the gradient check on the
 * first MNIST test digits and the control is not; the names stay neutral until the reveal shows
 * the wrong and the right line side by side.
 */
@ExtendWith(ApplicationExtension.class)
class BugLabPageTest {
    private ExplorerFixture app;

    @Start
    void start(Stage stage) {
        app = new ExplorerFixture(stage, Locale.ENGLISH);
    }

    private BugLabModel model() {
        return app.explorer.bugLab();
    }

    private void runCheck(FxRobot robot, String bugId) throws Exception {
        robot.clickOn("#buglab-bug-" + bugId);
        robot.clickOn("#buglab-run");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model().resultProperty().get() != null
                && !model().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static double worst(FxRobot robot) {
        double worst = 0;
        for (String p : new String[] {"W1", "b1", "W2", "b2"}) {
            worst = Math.max(worst, (Double) robot.lookup("#buglab-mean-" + p).queryAs(Label.class).getUserData());
        }
        return worst;
    }

    @Test
    void everyBugIsCaughtAndTheControlIsNotThenTheRevealShowsBothLines(FxRobot robot) throws Exception {
        Optional<Path> mnist = SharedMnist.find();
        Assumptions.assumeTrue(mnist.isPresent(), "MNIST is not in ../shared/mnist");
        robot.interact(() -> app.explorer.mnist().chosenProperty().set(mnist.get()));
        robot.clickOn("#nav-buglab");
        WaitForAsyncUtils.waitForFxEvents();
        for (PlantedBug bug : PlantedBug.values()) {
            String shown = robot.lookup("#buglab-bug-" + bug.id()).queryAs(ToggleButton.class).getText();
            assertEquals("bug " + bug.name().substring(4), shown, "a neutral name");
            runCheck(robot, bug.id());
            assertTrue(worst(robot) > 1e-4, bug.id() + " is caught: " + worst(robot));
            assertTrue(robot.lookup("#buglab-heatmap-W1").tryQuery().isPresent());
            assertTrue(robot.lookup("#buglab-heatmap-b2").tryQuery().isPresent());
            assertFalse(robot.lookup("#buglab-reveal-box").query().isVisible(), "no reveal before it is asked for");
        }
        runCheck(robot, "none");
        assertTrue(worst(robot) < 1e-6, "the net without a bug agrees: " + worst(robot));
        assertFalse(robot.lookup("#buglab-guess-box").query().isVisible(), "nothing to guess without a bug");

        runCheck(robot, PlantedBug.BUG_B.id());
        robot.clickOn("#buglab-guess-Affine");
        robot.clickOn("#buglab-reveal");
        assertEquals("Not Affine.backward: the bug is in Relu.backward.",
                robot.lookup("#buglab-verdict").queryAs(Label.class).getText());
        assertEquals(PlantedBug.BUG_B.wrongLine(), robot.lookup("#buglab-wrong-line").queryAs(Label.class).getText());
        assertEquals(PlantedBug.BUG_B.rightLine(), robot.lookup("#buglab-right-line").queryAs(Label.class).getText());
        robot.clickOn("#buglab-guess-Relu");
        assertEquals("Right: the bug is in Relu.backward.",
                robot.lookup("#buglab-verdict").queryAs(Label.class).getText());

        robot.clickOn("#buglab-bug-" + PlantedBug.BUG_C.id());
        assertFalse(robot.lookup("#buglab-reveal-box").query().isVisible(), "another bug: a new guess");
        assertEquals(null, model().resultProperty().get());
    }

    @Test
    void theChoiceShownFollowsTheModelWhenSomethingElseSetsTheBug(FxRobot robot) {
        robot.clickOn("#nav-buglab");
        robot.clickOn("#buglab-bug-" + PlantedBug.BUG_A.id());
        robot.interact(() -> model().bugProperty().set(Optional.of(PlantedBug.BUG_C)));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#buglab-bug-" + PlantedBug.BUG_C.id()).queryAs(ToggleButton.class).isSelected());
        assertFalse(robot.lookup("#buglab-bug-" + PlantedBug.BUG_A.id()).queryAs(ToggleButton.class).isSelected());
        robot.interact(() -> model().bugProperty().set(Optional.empty()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#buglab-bug-none").queryAs(ToggleButton.class).isSelected());
        assertFalse(robot.lookup("#buglab-bug-" + PlantedBug.BUG_C.id()).queryAs(ToggleButton.class).isSelected());
    }
}
