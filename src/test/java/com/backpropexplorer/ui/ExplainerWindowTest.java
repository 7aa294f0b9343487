package com.backpropexplorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.engine.Affine;
import com.backpropexplorer.engine.Layer;
import com.backpropexplorer.engine.SoftmaxWithLoss;
import com.backpropexplorer.engine.TwoLayerNet;
import com.backpropexplorer.explain.Example;
import com.backpropexplorer.explain.Tracer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The explainer window, driven by real clicks and keys in a real (headless) scene. */
class ExplainerWindowTest extends TinyLessonWindow {
    /** What the engine computes for the tiny lesson, layer by layer, by name. */
    private static Map<String, DMatrixRMaj> engineNumbers() {
        Tracer.TinyLesson lesson = Tracer.TinyLesson.of(Tracer.TINY_SEED);
        TwoLayerNet net = lesson.net();
        Map<String, DMatrixRMaj> numbers = new LinkedHashMap<>();
        DMatrixRMaj flowing = lesson.x();
        for (Layer layer : net.layers().values()) {
            numbers.put(layer.name() + ".x", flowing);
            flowing = layer.forward(flowing);
            numbers.put(layer.name() + ".out", flowing);
        }
        SoftmaxWithLoss last = net.lastLayer();
        double loss = last.forward(flowing, lesson.labels());
        numbers.put("SoftmaxWithLoss.x", flowing);
        numbers.put("SoftmaxWithLoss.L", new DMatrixRMaj(1, 1, true, loss));
        numbers.put("SoftmaxWithLoss.y", last.cache().get("y"));
        DMatrixRMaj dout = last.backward(1.0);
        numbers.put("SoftmaxWithLoss.dx", dout);
        List<Layer> reversed = new java.util.ArrayList<>(net.layers().values());
        java.util.Collections.reverse(reversed);
        for (Layer layer : reversed) {
            numbers.put(layer.name() + ".dout", dout);
            dout = layer.backward(dout);
            numbers.put(layer.name() + ".dx", dout);
            if (layer instanceof Affine affine) {
                numbers.put(layer.name() + ".dW", affine.dW());
                numbers.put(layer.name() + ".db", affine.db());
            }
        }
        return numbers;
    }

    private static void assertShows(FxRobot robot, String id, DMatrixRMaj expected) {
        List<Label> cells = ExplorerFixture.cells(robot, id);
        assertEquals(expected.getNumElements(), cells.size(), id + ": number of values shown");
        for (int i = 0; i < cells.size(); i++) {
            Label cell = cells.get(i);
            double engine = expected.data[i];
            assertEquals(engine, (Double) cell.getUserData(), 0.0, id + "[" + i + "] carries the engine's value");
            assertEquals(engine, Double.parseDouble(cell.getText()), 0.5e-4, id + "[" + i + "] shows " + cell.getText());
        }
    }

    @Test
    void everyStageOfTinyShowsTheEnginesNumbersInTheInspector(FxRobot robot) throws Exception {
        Map<String, DMatrixRMaj> engine = engineNumbers();
        robot.clickOn("#node-Affine1");
        assertTrue(robot.lookup("#inspector-forward-pending").tryQuery().isPresent(), "nothing computed at the start");
        for (int stage = 0; stage < 8; stage++) {
            robot.clickOn(stage < 4 ? "#forwardButton" : "#backwardButton");
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(stage + 1, tiny().position());
            String layer = tiny().trace().stage(stage).layer();
            robot.clickOn("#node-" + layer);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(layer, robot.lookup("#inspector-title").queryAs(Label.class).getText());
            if (stage < 4) {
                assertShows(robot, "#inspector-fwd-x", engine.get(layer + ".x"));
                String out = layer.equals("SoftmaxWithLoss") ? "L" : "out";
                assertShows(robot, "#inspector-fwd-" + out, engine.get(layer + "." + out));
                if (layer.equals("SoftmaxWithLoss")) {
                    assertShows(robot, "#inspector-fwd-y", engine.get("SoftmaxWithLoss.y"));
                }
            } else {
                if (!layer.equals("SoftmaxWithLoss")) {
                    assertShows(robot, "#inspector-bwd-dout", engine.get(layer + ".dout"));
                }
                assertShows(robot, "#inspector-bwd-dx", engine.get(layer + ".dx"));
                if (layer.startsWith("Affine")) {
                    assertShows(robot, "#inspector-bwd-dW", engine.get(layer + ".dW"));
                    assertShows(robot, "#inspector-bwd-db", engine.get(layer + ".db"));
                }
            }
        }
        // at the end of the animation the graph itself carries dW1
        Node dW1 = robot.lookup("#param-dW1").query();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, dW1::isVisible);
        assertTrue(robot.lookup("#forwardButton").queryButton().isDisabled(), "forward is complete");
    }

    @Test
    void backwardBeforeForwardIsRefusedWithTheReason(FxRobot robot) {
        robot.clickOn("#backwardButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, tiny().position(), "nothing ran");
        Node banner = robot.lookup("#refusalBanner").query();
        assertTrue(banner.isVisible());
        String text = robot.lookup("#refusalText").queryAs(Label.class).getText();
        assertTrue(text.contains("Backward reads what forward cached"), text);
        assertTrue(text.contains("gradient() calls loss() first"), text);
        var engine = Tracer.backwardBeforeForward(Tracer.TinyLesson.of(Tracer.TINY_SEED).net());
        assertEquals(List.of("SoftmaxWithLoss", "y"), List.of(engine.layer(), engine.cacheName()));
        assertEquals("The engine says: SoftmaxWithLoss has no cached y: run forward (loss) before backward.",
                robot.lookup("#refusalEngine").queryAs(Label.class).getText(), "what the engine refused, said in English");
        for (String layer : List.of("Affine1", "Relu1", "Affine2", "SoftmaxWithLoss")) {
            assertTrue(robot.lookup("#cache-" + layer).query().getPseudoClassStates()
                    .contains(PseudoClass.getPseudoClass("refused")), layer + "'s empty cache is highlighted");
        }
        // once forward has run to the loss, backward goes through and the banner is gone
        for (int i = 0; i < 4; i++) {
            robot.clickOn("#forwardButton");
        }
        robot.clickOn("#backwardButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5, tiny().position());
        assertFalse(robot.lookup("#refusalBanner").query().isVisible());
    }

    @Test
    void theRefusalIsSaidInJapaneseAfterTheSwitchWithNoEnglishLeft(FxRobot robot) {
        robot.clickOn("#backwardButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Backward refused: run forward to the loss first.",
                robot.lookup("#statusText").queryAs(Label.class).getText());
        robot.clickOn("Language").clickOn("日本語");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#refusalBanner").query().isVisible(), "the refusal outlives the switch");
        assertEquals("逆伝播は順伝播が保持した値を読みますが、Affine1, Relu1, Affine2, SoftmaxWithLoss はまだ何も保持していません。"
                + "だから gradient() は先に loss() を呼ぶのです。損失まで順伝播してから逆伝播してください。",
                robot.lookup("#refusalText").queryAs(Label.class).getText());
        String engine = robot.lookup("#refusalEngine").queryAs(Label.class).getText();
        assertEquals("エンジンのメッセージ: SoftmaxWithLoss にはキャッシュされた y がありません。"
                + "逆伝播の前に順伝播（損失まで）を実行してください。", engine);
        String english = Tracer.backwardBeforeForward(Tracer.TinyLesson.of(Tracer.TINY_SEED).net()).getMessage();
        assertFalse(engine.contains("run forward") || engine.contains(english), engine);
        assertEquals("逆伝播できません: 先に損失まで順伝播してください。", robot.lookup("#statusText").queryAs(Label.class).getText());
        // dismissed, and asked again in Japanese: the same sentence again
        robot.clickOn("#dismissRefusal");
        assertFalse(robot.lookup("#refusalBanner").query().isVisible());
        robot.clickOn("#backwardButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#refusalBanner").query().isVisible(), "refused again, said again");
        assertEquals(engine, robot.lookup("#refusalEngine").queryAs(Label.class).getText());
    }

    @Test
    void keyboardSteps(FxRobot robot) throws Exception {
        robot.clickOn("#lessonTitle");
        robot.type(KeyCode.RIGHT, 3);
        assertEquals(3, tiny().position());
        robot.type(KeyCode.LEFT);
        assertEquals(2, tiny().position());
        robot.type(KeyCode.HOME);
        assertEquals(0, tiny().position());
        robot.interact(() -> tiny().playback().speedProperty().set(3));
        robot.type(KeyCode.SPACE);
        assertTrue(tiny().playback().isPlaying());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> tiny().position() == tiny().stageCount() && !tiny().playback().isPlaying());
        robot.type(KeyCode.HOME);
        robot.type(KeyCode.SPACE);
        assertTrue(tiny().playback().isPlaying());
        robot.type(KeyCode.SPACE);
        assertFalse(tiny().playback().isPlaying(), "Space pauses");
    }

    @Test
    void aForwardStepIsAnimatedWithATokenTravellingIntoTheNode(FxRobot robot) throws Exception {
        com.backpropexplorer.ui.graph.GraphView graph = robot.lookup("#graph").queryAs(
                com.backpropexplorer.ui.graph.GraphView.class);
        robot.clickOn("#forwardButton");
        assertTrue(graph.isAnimating(), "one stage is animated, not a jump");
        assertTrue(robot.lookup(".token").tryQuery().isPresent(), "a token travels along the edge");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !graph.isAnimating());
        assertFalse(robot.lookup(".token").tryQuery().isPresent());
        assertTrue(robot.lookup("#edge-forward-1").query().isVisible(), "Affine1's output now sits on its edge");
    }

    @Test
    void timelineCellsJumpToTheirStage(FxRobot robot) {
        robot.clickOn("#timeline-5");
        assertEquals(6, tiny().position());
        assertTrue(robot.lookup("#timeline-5").query().getPseudoClassStates()
                .contains(PseudoClass.getPseudoClass("current")));
        robot.clickOn("#timeline-start");
        assertEquals(0, tiny().position());
    }

    @Test
    void languageSwitchesToJapaneseAndBackKeepingTheLesson(FxRobot robot) {
        ResourceBundle ja = ResourceBundle.getBundle(I18n.BUNDLE, Locale.JAPANESE);
        robot.type(KeyCode.RIGHT, 3);
        robot.clickOn("Language").clickOn("日本語");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ja.getString("step.forward"), robot.lookup("#forwardButton").queryButton().getText());
        assertEquals("順伝播 ▶", robot.lookup("#forwardButton").queryButton().getText());
        assertEquals(ja.getString("nav.tiny"), robot.lookup("#nav-tiny").queryAs(javafx.scene.control.ToggleButton.class)
                .getText());
        assertEquals(3, tiny().position(), "the lesson keeps its place across the switch");
        assertTrue(robot.lookup("#stageCaption").queryAs(Label.class).getText().startsWith("段階 3 / 9"));
        robot.clickOn("言語").clickOn("English");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Step forward ▶", robot.lookup("#forwardButton").queryButton().getText());
        assertEquals(3, tiny().position());
    }

    @Test
    void sidebarOpensTheSimpleLessonWithTheBooksNumbers(FxRobot robot) throws Exception {
        robot.clickOn("#nav-simple");
        app.awaitReady(Example.SIMPLE);
        robot.type(KeyCode.RIGHT, 4);
        robot.clickOn("#node-MatMul");
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{0.6, 0.9}});
        DMatrixRMaj t = new DMatrixRMaj(new double[][] {{0, 0, 1}});
        DMatrixRMaj dW = new com.backpropexplorer.engine.SimpleNet().gradient(x, t);
        assertShows(robot, "#inspector-bwd-dW", dW);
        Button forward = robot.lookup("#forwardButton").queryButton();
        assertTrue(forward.isDisabled(), "forward is complete");
    }
}
