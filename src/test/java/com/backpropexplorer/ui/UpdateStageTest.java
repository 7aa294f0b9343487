package com.backpropexplorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.explain.Tensor;
import com.backpropexplorer.explain.Trace;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The SGD update as the ninth stage of the tiny lesson, in the real window. */
class UpdateStageTest extends TinyLessonWindow {
    private static final List<String> PARAMS = List.of("W1", "b1", "W2", "b2");

    private static double number(FxRobot robot, String id) {
        return (Double) robot.lookup(id).queryAs(Label.class).getUserData();
    }

    /** Every parameter shown after the update is exactly W − η·dW of the ones shown before it, and those are the pass's. */
    private void assertUpdateShown(FxRobot robot, double lr) {
        Trace trace = tiny().trace();
        for (String p : PARAMS) {
            double[] before = ExplorerFixture.shown(robot, "#inspector-upd-" + p + "-before");
            double[] gradient = ExplorerFixture.shown(robot, "#inspector-upd-d" + p);
            double[] after = ExplorerFixture.shown(robot, "#inspector-upd-" + p + "-after");
            assertEquals(trace.params().get(p).size(), after.length, p);
            Tensor used = trace.params().get(p);
            Tensor backward = trace.backwardStageOf(p.endsWith("1") ? "Affine1" : "Affine2").orElseThrow()
                    .get(p.startsWith("W") ? "dW" : "db");
            for (int i = 0; i < after.length; i++) {
                assertEquals(used.at(i), before[i], 0.0, p + " before is the pass's own");
                assertEquals(backward.at(i), gradient[i], 0.0, "d" + p + " is the backward stage's");
                assertEquals(before[i] - lr * gradient[i], after[i], 0.0, p + "[" + i + "] = W − η·dW exactly");
            }
        }
    }

    @Test
    void theUpdateStageShowsWMinusEtaDWAndTheLossGoesDown(FxRobot robot) {
        robot.clickOn("#timeline-8");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(9, tiny().position(), "the update is the ninth stage");
        assertEquals("SGD", robot.lookup("#inspector-title").queryAs(Label.class).getText());
        assertEquals("0.1", robot.lookup("#lr-field").queryAs(TextField.class).getText(), "η defaults to 0.1");
        assertUpdateShown(robot, 0.1);
        double before = number(robot, "#update-loss-before");
        double after = number(robot, "#update-loss-after");
        assertEquals(tiny().trace().loss(), before, 0.0);
        assertTrue(after < before, "one step of η = 0.1 lowers the loss on the same batch: " + before + " → " + after);
        double[] yBefore = ExplorerFixture.shown(robot, "#inspector-upd-y_t-before");
        double[] yAfter = ExplorerFixture.shown(robot, "#inspector-upd-y_t-after");
        assertEquals(2, yBefore.length);
        assertTrue(yAfter[0] + yAfter[1] > yBefore[0] + yBefore[1], "the true classes got likelier");
    }

    @Test
    void anotherEtaRecomputesTheUpdateAndABadOneIsRefusedWithASentence(FxRobot robot) {
        robot.clickOn("#timeline-8");
        robot.doubleClickOn("#lr-field").eraseText(4).write("0.5").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.5, tiny().iterations().learningRate(), 0.0);
        assertEquals(9, tiny().position(), "still on the update");
        assertUpdateShown(robot, 0.5);
        robot.doubleClickOn("#lr-field").eraseText(4).write("abc").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.5, tiny().iterations().learningRate(), 0.0, "nothing changed");
        Label error = robot.lookup("#lr-error").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertTrue(error.getText().contains("'abc' is not a learning rate"), error.getText());
    }

    @Test
    void steppingOnStartsTheNextIterationOnTheUpdatedWeightsAndBackUndoesIt(FxRobot robot) {
        robot.clickOn("#timeline-8");
        Trace first = tiny().trace();
        var updated = first.update().orElseThrow().after();
        robot.clickOn("#forwardButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, tiny().position(), "the next iteration's first forward stage");
        assertEquals(1, tiny().iterations().iteration());
        for (String p : PARAMS) {
            assertTrue(java.util.Arrays.equals(updated.get(p).toArray(), tiny().trace().params().get(p).toArray()),
                    p + " of the new iteration is the update's result");
        }
        assertEquals(first.update().orElseThrow().lossAfter(), tiny().trace().loss(), 1e-12,
                "its loss is the loss after the update");
        assertTrue(robot.lookup("#stageCaption").queryAs(Label.class).getText().startsWith("Iteration 2"));
        robot.clickOn("#backButton");
        robot.clickOn("#backButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, tiny().iterations().iteration());
        assertEquals(8, tiny().position(), "back at the end of the backward pass, the update undone");
        assertTrue(java.util.Arrays.equals(first.params().get("W1").toArray(),
                tiny().trace().params().get("W1").toArray()));
        // several iterations: the loss goes down each time
        double loss = tiny().trace().loss();
        for (int i = 0; i < 3; i++) {
            robot.interact(() -> tiny().moveTo(tiny().stageCount()));
            robot.clickOn("#forwardButton");
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(tiny().trace().loss() < loss, "iteration " + (i + 2) + ": " + tiny().trace().loss());
            loss = tiny().trace().loss();
        }
        assertFalse(robot.lookup("#backButton").queryButton().isDisabled());
    }
}
