package com.backpropexplorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.explain.Example;
import com.backpropexplorer.ui.lesson.LessonModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Without MNIST the mnist lesson says so and offers the download instead of failing. */
@ExtendWith(ApplicationExtension.class)
class MnistMissingTest {
    private ExplorerFixture app;

    @Start
    void start(Stage stage) throws Exception {
        app = new ExplorerFixture(stage, Locale.ENGLISH);
        Path empty = Files.createTempDirectory("no-mnist");
        app.explorer.mnist().chosenProperty().set(empty);
    }

    @Test
    void mnistLessonOffersTheDownload(FxRobot robot) throws Exception {
        robot.clickOn("#nav-mnist");
        app.awaitReady(Example.MNIST);
        assertEquals(LessonModel.Status.MNIST_MISSING, app.lesson(Example.MNIST).status());
        assertTrue(robot.lookup("#missingPane").query().isVisible());
        assertTrue(robot.lookup("#downloadButton").queryButton().isVisible());
        String why = robot.lookup("#missingText").queryAs(Label.class).getText();
        assertTrue(why.contains("MNIST"), why);
        assertTrue(robot.lookup("#backwardButton").queryButton().isDisabled(), "nothing to step through");
    }
}
