package com.backpropexplorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.explain.Example;
import com.backpropexplorer.ui.lesson.LessonModel;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The book's shopping graphs (§5.3–5.4) in the real window: picked in the sidebar, stepped with
 * the buttons, each node's local derivative and gradients in the inspector, and an edited price
 * that every gradient follows.
 */
@ExtendWith(ApplicationExtension.class)
class ShoppingWindowTest {
    private ExplorerFixture app;

    @Start
    void start(Stage stage) {
        app = new ExplorerFixture(stage, Locale.ENGLISH);
    }

    private LessonModel open(FxRobot robot, Example example) throws Exception {
        robot.clickOn("#nav-" + example.id());
        app.awaitReady(example);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#node-mul_tax_layer").tryQuery().isPresent());
        return app.lesson(example);
    }

    /** The exact number a scalar label of the inspector shows (its tooltip holds every digit). */
    private static double exact(FxRobot robot, String id) {
        Label label = robot.lookup(id).queryAs(Label.class);
        Tooltip tip = label.getTooltip();
        return Double.parseDouble(tip.getText().substring(tip.getText().indexOf('=') + 1).trim());
    }

    /** Clicks into the field, selects what it holds, types the text and Enter, as a learner would. */
    private static void replaceText(FxRobot robot, String id, String text) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        robot.clickOn(field);
        robot.interact(field::selectAll);
        robot.write(text).type(KeyCode.ENTER);
    }

    private static String shown(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void applesAndOrangesSteppedByTheButtonsGiveTheBooksGradients(FxRobot robot) throws Exception {
        LessonModel lesson = open(robot, Example.BUY_APPLE_ORANGE);
        assertTrue(robot.lookup("#nav-buy-apple-orange").tryQuery().isPresent());
        assertEquals(8, lesson.stageCount());
        for (int i = 0; i < 4; i++) {
            robot.clickOn("#forwardButton");
        }
        assertTrue(robot.lookup("#forwardButton").query().isDisabled(), "the forward pass is done");
        robot.clickOn("#node-mul_tax_layer");
        assertEquals("price = all_price × tax", robot.lookup("#inspector .formula").queryAs(Label.class).getText());
        assertEquals(715, exact(robot, "#inspector-fwd-price"), 1e-9);
        assertEquals("715", shown(robot, "#inspector-fwd-price"), "as the book prints it");
        assertEquals(1.1, exact(robot, "#inspector-local-all_price"), 1e-12, "∂price/∂all_price = tax");
        assertTrue(robot.lookup("#inspector-backward-pending").tryQuery().isPresent());

        for (int i = 0; i < 4; i++) {
            robot.clickOn("#backwardButton");
        }
        assertEquals(8, lesson.position());
        robot.clickOn("#node-mul_tax_layer");
        assertEquals(650, exact(robot, "#inspector-bwd-dtax"), 1e-9);
        robot.clickOn("#node-add_apple_orange_layer");
        assertEquals(1.1, exact(robot, "#inspector-bwd-dapple_price"), 1e-9, "addition passes the gradient on");
        assertEquals(1.1, exact(robot, "#inspector-bwd-dorange_price"), 1e-9);
        robot.clickOn("#node-mul_apple_layer");
        assertEquals(2.2, exact(robot, "#inspector-bwd-dapple"), 1e-9);
        assertEquals(110, exact(robot, "#inspector-bwd-dapple_num"), 1e-9);
        assertEquals("110", shown(robot, "#inspector-bwd-dapple_num"));
        assertEquals(2, exact(robot, "#inspector-local-apple"), 0, "multiplication swaps: ∂/∂apple = apple_num");
        robot.clickOn("#node-mul_orange_layer");
        assertEquals(3.3, exact(robot, "#inspector-bwd-dorange"), 1e-9);
        assertEquals(165, exact(robot, "#inspector-bwd-dorange_num"), 1e-9);
    }

    @Test
    void changingTheApplesPriceMovesEveryGradientThatDependsOnIt(FxRobot robot) throws Exception {
        LessonModel lesson = open(robot, Example.BUY_APPLE);
        robot.interact(() -> lesson.moveTo(lesson.stageCount()));
        robot.clickOn("#node-mul_apple_layer");
        assertEquals(110, exact(robot, "#inspector-bwd-dapple_num"), 1e-9);

        replaceText(robot, "#input-apple", "150");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lesson.trace() != null
                && Math.abs(lesson.trace().loss() - 330) < 1e-9);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, lesson.position(), "the graph keeps its place");
        assertEquals(165, exact(robot, "#inspector-bwd-dapple_num"), 1e-9, "dapple_num = 150 × 1.1");
        assertEquals(2.2, exact(robot, "#inspector-bwd-dapple"), 1e-9, "dapple does not depend on the price");
        robot.clickOn("#node-mul_tax_layer");
        assertEquals(300, exact(robot, "#inspector-bwd-dtax"), 1e-9, "dtax = apple_price");

        replaceText(robot, "#input-tax", "abc");
        assertTrue(robot.lookup("#inputProblem").query().isVisible(), "a word is refused with a sentence");
        javafx.scene.control.DialogPane dialog = robot.lookup("#input-problem-dialog").queryAs(
                javafx.scene.control.DialogPane.class);
        assertTrue(((Label) dialog.getContent()).getText().startsWith("tax: 'abc' is not a number."),
                "and a dialog says it: " + ((Label) dialog.getContent()).getText());
        robot.clickOn(dialog.lookupButton(javafx.scene.control.ButtonType.OK));
        assertEquals("1.1", robot.lookup("#input-tax").queryAs(TextField.class).getText(), "the old value is kept");
        assertEquals(330, lesson.trace().loss(), 1e-9);

        robot.clickOn("#inputsReset");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Math.abs(lesson.trace().loss() - 220) < 1e-9);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("100", robot.lookup("#input-apple").queryAs(TextField.class).getText());
        assertFalse(robot.lookup("#inputProblem").query().isVisible());
    }

    @Test
    void theShoppingGraphsHaveNoWeightsPanel(FxRobot robot) throws Exception {
        open(robot, Example.BUY_APPLE);
        for (Node n : robot.lookup("#page-buy-apple").queryAll()) {
            assertTrue(n.isVisible());
        }
        assertFalse(robot.lookup(".weights-panel").tryQuery().isPresent(), "nothing to drag in a shopping graph");
    }
}
