package com.backpropexplorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.explain.Example;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The simpleNet page shows what the book prints (§4.4.2, p. 111) beside ours, and says why they
 * differ: the book's loss has no 1e−7 inside the log, its dW is a numerical gradient.
 */
@ExtendWith(ApplicationExtension.class)
class BookPanelTest {
    private ExplorerFixture app;

    @Start
    void start(Stage stage) {
        app = new ExplorerFixture(stage, Locale.ENGLISH);
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void theBooksPrintedValuesStandBesideOursWithTheReasonTheyDiffer(FxRobot robot) throws Exception {
        robot.clickOn("#nav-simple");
        app.awaitReady(Example.SIMPLE);
        assertEquals("book: 0.92806853663411326", text(robot, "#book-printed-loss"));
        assertEquals("ours: 0.9280682857864075", text(robot, "#book-ours-loss"), "with the 1e-7, as the engine runs");
        assertEquals("apart by at most 2.5e-07", text(robot, "#book-apart-loss"));
        assertTrue(text(robot, "#book-note-loss").contains("1e-7"), "says why");
        assertEquals("apart by at most 2.1e-09", text(robot, "#book-apart-loss-noguard"),
                "without the 1e-7 ours agrees with the book's to 2e-9");
        assertTrue(text(robot, "#book-note-loss-noguard").contains("2e-9"));
        assertEquals("book: [[0.21924763, 0.14356247, -0.36281009], [0.32887144, 0.2153437, -0.54421514]]",
                text(robot, "#book-printed-dW"));
        assertEquals("ours: [[0.2192476267, 0.1435624661, -0.3628100928], [0.32887144, 0.2153436992, -0.5442151392]]",
                text(robot, "#book-ours-dW"), "by backprop, to ten digits");
        assertTrue(text(robot, "#book-note-dW").contains("backprop"), "dW compared by backprop: "
                + text(robot, "#book-note-dW"));
        assertEquals("book: [1.05414809, 0.63071653, 1.1328074]", text(robot, "#book-printed-predict"));
    }

    @Test
    void inJapaneseToo(FxRobot robot) throws Exception {
        robot.interact(() -> app.window.setLocale(Locale.JAPANESE));
        robot.clickOn("#nav-simple");
        app.awaitReady(Example.SIMPLE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("本: 0.92806853663411326", text(robot, "#book-printed-loss"));
        assertEquals("こちら: 0.9280682857864075", text(robot, "#book-ours-loss"));
        assertTrue(text(robot, "#book-note-dW").contains("誤差逆伝播法"), text(robot, "#book-note-dW"));
    }
}
