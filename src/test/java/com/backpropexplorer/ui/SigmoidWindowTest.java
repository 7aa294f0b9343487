package com.backpropexplorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.explain.Example;
import com.backpropexplorer.ui.lesson.LessonModel;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Sigmoid taken apart (§5.5.2) in the real window: four nodes stepped, then folded into one by the toggle. */
@ExtendWith(ApplicationExtension.class)
class SigmoidWindowTest {
    private ExplorerFixture app;

    @Start
    void start(Stage stage) {
        app = new ExplorerFixture(stage, Locale.ENGLISH);
    }

    private static double exact(FxRobot robot, String id) {
        String tip = robot.lookup(id).queryAs(Label.class).getTooltip().getText();
        return Double.parseDouble(tip.substring(tip.indexOf('=') + 1).trim());
    }

    @Test
    void theFourNodesFoldIntoOneSigmoidWithTheSameGradient(FxRobot robot) throws Exception {
        robot.clickOn("#nav-sigmoid");
        app.awaitReady(Example.SIGMOID);
        LessonModel lesson = app.lesson(Example.SIGMOID);
        for (String node : new String[] {"mul", "exp", "add", "div"}) {
            assertTrue(robot.lookup("#node-" + node).tryQuery().isPresent(), node + " is drawn");
        }
        for (int i = 0; i < 8; i++) {
            robot.clickOn(i < 4 ? "#forwardButton" : "#backwardButton");
        }
        robot.clickOn("#node-mul");
        double y = 1 / (1 + Math.exp(-0.5));
        double nodeByNode = exact(robot, "#inspector-bwd-dx");
        assertEquals(y * (1 - y), nodeByNode, 1e-12, "the four local derivatives multiply to y(1 − y)");
        String collapse = robot.lookup("#inspector-collapse").queryAs(Label.class).getText();
        assertTrue(collapse.contains("dout · y(1 − y)") && collapse.endsWith(
                String.format(java.util.Locale.ROOT, "%.6g", nodeByNode) + ", what the one Sigmoid node computes."),
                "the four local derivatives collapse: " + collapse);
        robot.clickOn("#node-exp");
        assertEquals(Math.exp(-0.5), exact(robot, "#inspector-local-a"), 1e-12, "exp's derivative is itself");

        robot.clickOn("#foldToggle");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lesson.trace() != null && lesson.stageCount() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, lesson.position(), "folded at the end of the pass, it stays at the end");
        assertTrue(robot.lookup("#node-Sigmoid").tryQuery().isPresent());
        assertFalse(robot.lookup("#node-exp").tryQuery().isPresent(), "the four nodes are one now");
        assertEquals(nodeByNode, lesson.trace().stage(1).get("dx").value(), 1e-12);

        robot.clickOn("#foldToggle");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lesson.stageCount() == 8);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#node-exp").tryQuery().isPresent(), "taken apart again");
    }
}
