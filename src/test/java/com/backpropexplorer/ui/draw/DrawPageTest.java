package com.backpropexplorer.ui.draw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.engine.TwoLayerNet;
import com.backpropexplorer.explain.DigitReader;
import com.backpropexplorer.explain.Example;
import com.backpropexplorer.explain.Tensor;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.app.Explorer;
import com.backpropexplorer.ui.app.MainWindow;
import com.backpropexplorer.ui.lesson.LessonModel;
import com.backpropexplorer.ui.lesson.MnistLesson;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.geometry.Dimension2D;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TouchEvent;
import javafx.scene.input.TouchPoint;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The digit canvas in the real window (headless), drawn on with the mouse as a learner would. */
@ExtendWith(ApplicationExtension.class)
class DrawPageTest {
    private Explorer explorer;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        explorer = new Explorer(new I18n(Locale.ENGLISH));
        window = new MainWindow(stage, explorer, new Dimension2D(1280, 800));
        window.showPage("draw");
        stage.show();
        stage.toFront();
    }

    private DrawPage page() {
        return (DrawPage) window.currentPage();
    }

    private DrawModel model() {
        return explorer.draw();
    }

    /** A stroke through the given points, in paper pixels, with the real mouse. */
    private void stroke(FxRobot robot, double... xy) {
        Node canvas = robot.lookup("#draw-canvas").query();
        Bounds screen = canvas.localToScreen(canvas.getBoundsInLocal());
        robot.moveTo(new Point2D(screen.getMinX() + xy[0], screen.getMinY() + xy[1]));
        robot.press(MouseButton.PRIMARY);
        for (int i = 2; i < xy.length; i += 2) {
            robot.moveTo(new Point2D(screen.getMinX() + xy[i], screen.getMinY() + xy[i + 1]));
        }
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until the reading shown differs from {@code before} (null: any non-empty reading). */
    private DigitReader.Reading awaitNewReading(DigitReader.Reading before) throws Exception {
        Supplier<DigitReader.Reading> now = () -> model().reading();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> now.get() != null && now.get() != before
                && (before == null || !now.get().empty()));
        WaitForAsyncUtils.waitForFxEvents();
        return now.get();
    }

    private double[] barsShown() {
        double[] shown = new double[10];
        for (int k = 0; k < 10; k++) {
            shown[k] = page().bars().shown(k);
        }
        return shown;
    }

    @Test
    void drawingWithTheMouseUpdatesPreviewBarsAndHiddenStripThenUndoAndClearWork(FxRobot robot) throws Exception {
        assertTrue(model().blankProperty().get());
        assertEquals("Draw a digit", robot.lookup("#draw-verdict").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#draw-undo").query().isDisabled());

        // a "1": one vertical stroke
        stroke(robot, 170, 60, 172, 120, 174, 200, 175, 280);
        DigitReader.Reading one = awaitNewReading(null);
        assertFalse(one.empty());
        assertTrue(page().preview().inkedCells() > 20, "the 28×28 preview shows the stroke");
        assertTrue(page().hiddenStrip().inkedCells() > 0, "some hidden units fire");
        double[] first = barsShown();
        assertEquals(1.0, java.util.Arrays.stream(first).sum(), 1e-9);
        assertArrayEquals(one.probabilities(), first, 0);
        assertEquals(1, one.digit(), "a vertical stroke reads as 1");
        assertTrue(robot.lookup("#draw-verdict").queryAs(Label.class).getText().startsWith("It reads 1"));

        // a bar across the top and the stroke becomes something else
        stroke(robot, 110, 60, 170, 58, 240, 60);
        DigitReader.Reading two = awaitNewReading(one);
        assertFalse(java.util.Arrays.equals(one.probabilities(), two.probabilities()), "the probabilities change");
        assertFalse(java.util.Arrays.equals(first, barsShown()));

        robot.clickOn("#draw-undo");
        DigitReader.Reading undone = awaitNewReading(two);
        assertArrayEquals(one.probabilities(), undone.probabilities(), 1e-12, "undo restores the first stroke exactly");
        assertArrayEquals(one.pixels(), undone.pixels(), 1e-12);

        robot.clickOn("#draw-clear");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model().reading().empty());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model().blankProperty().get());
        assertEquals(0, page().preview().inkedCells());
        assertArrayEquals(new double[10], barsShown(), 0);

        DigitReader.Reading cleared = model().reading();
        robot.clickOn("#draw-undo"); // the clear is undoable too
        DigitReader.Reading back = awaitNewReading(cleared);
        assertArrayEquals(one.probabilities(), back.probabilities(), 1e-12);
    }

    @Test
    void theEraserRubsOutInk(FxRobot robot) throws Exception {
        stroke(robot, 100, 170, 250, 170);
        DigitReader.Reading line = awaitNewReading(null);
        robot.clickOn("#draw-eraser");
        assertEquals(DrawModel.Tool.ERASER, model().toolProperty().get());
        stroke(robot, 60, 170, 290, 170);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model().reading() != line && model().reading().empty());
        assertTrue(model().blankProperty().get(), "the eraser took all the ink");
        robot.clickOn("#draw-pen");
        assertEquals(DrawModel.Tool.PEN, model().toolProperty().get());
    }

    @Test
    void aFingerDrawsToo(FxRobot robot) throws Exception {
        Node canvas = robot.lookup("#draw-canvas").query();
        robot.interact(() -> {
            touch(canvas, TouchEvent.TOUCH_PRESSED, TouchPoint.State.PRESSED, 168, 70);
            for (int y = 80; y <= 270; y += 10) {
                touch(canvas, TouchEvent.TOUCH_MOVED, TouchPoint.State.MOVED, 170, y);
            }
            touch(canvas, TouchEvent.TOUCH_RELEASED, TouchPoint.State.RELEASED, 170, 270);
        });
        DigitReader.Reading reading = awaitNewReading(null);
        assertEquals(1, reading.digit());
    }

    private static void touch(Node target, javafx.event.EventType<TouchEvent> type, TouchPoint.State state, double x,
                              double y) {
        Point2D screen = target.localToScreen(x, y);
        Point2D scene = target.localToScene(x, y);
        TouchPoint point = new TouchPoint(1, state, scene.getX(), scene.getY(), screen.getX(), screen.getY(), target,
                null);
        Event.fireEvent(target, new TouchEvent(type, point, List.of(point), 1, false, false, false, false));
    }

    @Test
    void explainThisDigitSendsTheDrawingWithTheChosenLabelToTheMnistLesson(FxRobot robot) throws Exception {
        stroke(robot, 170, 60, 172, 120, 174, 200, 175, 280);
        DigitReader.Reading one = awaitNewReading(null);
        assertEquals(1, one.digit());
        for (int k = 0; k < 10; k++) {
            assertFalse(robot.lookup("#draw-label-" + k).queryAs(javafx.scene.control.ToggleButton.class).isSelected(),
                    "t is the learner's choice, not the net's guess");
        }
        assertTrue(robot.lookup("#draw-explain").queryButton().isDisabled(), "nothing to explain before t is chosen");
        robot.clickOn("#draw-label-7");
        assertEquals("Explain this digit as 7 →", robot.lookup("#draw-explain").queryButton().getText());
        robot.clickOn("#draw-explain");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("mnist", window.currentPageId());
        LessonModel lesson = explorer.lesson(Example.MNIST);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> lesson.status() == LessonModel.Status.READY);
        assertTrue(lesson.run().description().endsWith("N = 1, t = 7"), lesson.run().description());
        assertEquals("Your drawn digit, labelled t = 7. Test digits from",
                robot.lookup("#mnistDigitLabel").queryAs(Label.class).getText(), "not \"First test digit 0\"");
        Tensor x = lesson.trace().x();
        assertEquals(1, x.rows());
        assertArrayEquals(one.pixels(), x.row(0), 0, "the lesson's x is the drawn digit");
        assertEquals(7, argmax(lesson.trace().t().row(0)), "t is the label the learner chose");

        // choosing a test digit in the lesson brings the test digits back
        robot.interact(() -> explorer.mnistDigits().firstDigitProperty().set(5));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(lesson.source() instanceof MnistLesson, "the lesson shows test digits again");
        assertEquals("mnist", window.currentPageId());
        assertEquals("lesson.mnist.subtitle", lesson.subtitleKey());
        assertEquals("First test digit", robot.lookup("#mnistDigitLabel").queryAs(Label.class).getText());
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            best = values[i] > values[best] ? i : best;
        }
        return best;
    }

    @Test
    void theDrawingSurvivesALanguageSwitchAndTheTrainedNetIsUsedOnceThereIsOne(FxRobot robot) throws Exception {
        stroke(robot, 170, 60, 172, 120, 174, 200, 175, 280);
        DigitReader.Reading one = awaitNewReading(null);
        assertEquals(DrawModel.NetSource.SHIPPED, model().netSourceProperty().get());

        robot.interact(() -> window.setLocale(Locale.JAPANESE));
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(robot.lookup("#draw-canvas").query());
        assertTrue(page().preview().inkedCells() > 20, "the drawing is still there after the rebuild");
        assertTrue(robot.lookup("#draw-verdict").queryAs(Label.class).getText().startsWith("1 と読みました"));
        assertFalse(model().blankProperty().get());

        TwoLayerNet untrained = new TwoLayerNet(784, 50, 10, 0.01, com.backpropexplorer.engine.Activation.RELU, 3);
        robot.interact(() -> explorer.trainedNet().set(untrained));
        DigitReader.Reading withTrained = awaitNewReading(one);
        assertEquals(DrawModel.NetSource.TRAINED, model().netSourceProperty().get());
        DigitReader.Reading expected = new DigitReader(untrained).read(
                new com.backpropexplorer.data.DigitPreprocessor.Digit(one.pixels(), false));
        assertArrayEquals(expected.probabilities(), withTrained.probabilities(), 1e-12);
    }
}
