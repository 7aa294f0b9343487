package com.backpropexplorer.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.shell.Dialogs;
import java.util.Locale;
import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Alert;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Help menu's dialogs open centred over the main window and on the screen (headless there is
 * no window manager: the case in which "Why does gradient() call loss()?" opened at x = −1092).
 */
@ExtendWith(ApplicationExtension.class)
class DialogPlacementTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new MainWindow(stage, new Explorer(new I18n(Locale.ENGLISH)), new Dimension2D(1024, 700));
        stage.setX(60);
        stage.setY(30);
        stage.show();
    }

    @AfterEach
    void closeDialogs(FxRobot robot) {
        robot.interact(() -> {
            Window.getWindows().stream().filter(w -> w != stage).toList().forEach(Window::hide);
            stage.setX(0); // the next test class shares this stage
            stage.setY(0);
        });
    }

    @Test
    void whyOpensCentredOverTheWindow(FxRobot robot) {
        robot.clickOn("#helpMenu").clickOn("#whyItem");
        Window dialog = dialogWindow(robot, "#why-dialog");
        assertCentredOverOwner(dialog);
    }

    @Test
    void aboutOpensCentredAndSaysNothingOfStartUpTime(FxRobot robot) {
        robot.clickOn("#helpMenu").clickOn("#aboutItem");
        Window dialog = dialogWindow(robot, "#about-dialog");
        assertCentredOverOwner(dialog);
        String text = robot.lookup("#about-dialog .dialog-text").queryAs(Label.class).getText();
        assertFalse(text.contains("ms"), "the start-up time goes to the log, not the About box: " + text);
        assertEquals("", robot.lookup(".status-right").queryAs(Label.class).getText(), "nor the status line");
    }

    @Test
    void aDialogOfAWindowPartlyOffTheScreenStaysOnTheScreen(FxRobot robot) {
        robot.interact(() -> stage.setX(-700));
        robot.interact(() -> {
            var why = new Dialogs(stage).alert(Alert.AlertType.INFORMATION, "t", "h", "a sentence");
            why.getDialogPane().setId("plain-dialog");
            why.show();
        });
        Window dialog = dialogWindow(robot, "#plain-dialog");
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertTrue(dialog.getX() >= screen.getMinX() && dialog.getX() + dialog.getWidth() <= screen.getMaxX(),
                "on the screen: x = " + dialog.getX() + ", width " + dialog.getWidth());
    }

    private static Window dialogWindow(FxRobot robot, String id) {
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane pane = robot.lookup(id).queryAs(DialogPane.class);
        return pane.getScene().getWindow();
    }

    private void assertCentredOverOwner(Window dialog) {
        double dialogCentreX = dialog.getX() + dialog.getWidth() / 2;
        double dialogCentreY = dialog.getY() + dialog.getHeight() / 2;
        double ownerCentreX = stage.getX() + stage.getWidth() / 2;
        double ownerCentreY = stage.getY() + stage.getHeight() / 2;
        assertEquals(ownerCentreX, dialogCentreX, 2, "centred across the owner: x = " + dialog.getX());
        assertEquals(ownerCentreY, dialogCentreY, 2, "centred down the owner: y = " + dialog.getY());
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertTrue(dialog.getX() >= screen.getMinX() && dialog.getY() >= screen.getMinY(), "on the screen");
    }
}
