package com.backpropexplorer.ui;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.backpropexplorer.explain.Example;
import com.backpropexplorer.ui.lesson.LessonModel;
import com.backpropexplorer.ui.app.Explorer;
import com.backpropexplorer.ui.app.MainWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Dimension2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Opens the real main window at its minimum size and helps tests read what it shows. */
final class ExplorerFixture {
    final Explorer explorer;
    final MainWindow window;

    ExplorerFixture(Stage stage, Locale locale) {
        explorer = new Explorer(new I18n(locale));
        window = new MainWindow(stage, explorer, new Dimension2D(1280, 800));
        stage.show();
        stage.toFront();
    }

    LessonModel lesson(Example example) {
        return explorer.lesson(example);
    }

    /** Waits until the lesson's pass has been computed in the background. */
    void awaitReady(Example example) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> lesson(example).status() != LessonModel.Status.LOADING
                        && lesson(example).status() != LessonModel.Status.IDLE);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The numbers a tensor view shows, row-major, as (text, exact value) pairs. */
    static List<Label> cells(FxRobot robot, String id) {
        Node view = robot.lookup(id).query();
        assertNotNull(view, id + " is not on screen");
        List<Label> cells = new ArrayList<>();
        collect(view, cells);
        return cells;
    }

    /** The numbers the matrix view with that id shows, in full (each cell keeps its value as user data). */
    static double[] shown(FxRobot robot, String id) {
        return cells(robot, id).stream().mapToDouble(c -> (Double) c.getUserData()).toArray();
    }

    private static void collect(Node node, List<Label> out) {
        if (node instanceof Label label && label.getStyleClass().contains("matrix-cell")) {
            out.add(label);
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, out));
        }
    }
}
