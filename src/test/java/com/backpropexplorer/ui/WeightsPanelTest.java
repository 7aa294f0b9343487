package com.backpropexplorer.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.engine.TwoLayerNet;
import com.backpropexplorer.explain.Example;
import com.backpropexplorer.explain.Tensor;
import com.backpropexplorer.explain.Tracer;
import com.backpropexplorer.explain.WeightProbe.Element;
import com.backpropexplorer.ui.graph.ParamCells;
import com.backpropexplorer.ui.weights.WeightSnapshot;
import com.backpropexplorer.ui.weights.WeightsModel;
import com.backpropexplorer.ui.weights.LossCurveChart;
import com.backpropexplorer.ui.weights.WeightsPanel;
import com.backpropexplorer.ui.weights.WeightsText;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The weights panel on the tiny lesson, driven through the real controls. */
class WeightsPanelTest extends TinyLessonWindow {
    private static final Element W1_01 = new Element("W1", 0, 1);

    private WeightsModel weights() {
        return app.explorer.weights(Example.TINY);
    }

    private WeightsPanel panel(FxRobot robot) {
        return robot.lookup("#weights-panel").queryAs(WeightsPanel.class);
    }

    /** The engine's own answer: a fresh TwoLayerNet with the element set to w. */
    private static TwoLayerNet netWith(Element e, double w) {
        Tracer.TinyLesson lesson = Tracer.TinyLesson.of(Tracer.TINY_SEED);
        TwoLayerNet net = lesson.net();
        net.params().get(e.param()).set(e.row(), e.col(), w);
        return net;
    }

    private static double shown(FxRobot robot, String id) {
        Object value = robot.lookup(id).queryAs(Label.class).getUserData();
        assertNotNull(value, id + " shows a number");
        return (Double) value;
    }

    /** Waits until the engine answered for the element at this value and the answer is on screen. */
    private void awaitValue(Element e, double value) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            WeightSnapshot s = weights().snapshot();
            return s != null && e.equals(s.element()) && s.value() == value && weights().curveProperty().get() != null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void pickOnGraph(FxRobot robot, Element e) throws Exception {
        List<Label> cells = ExplorerFixture.cells(robot, "#param-" + e.param());
        int cols = tiny().trace().params().get(e.param()).cols();
        robot.clickOn(cells.get(e.row() * cols + e.col()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(e, tiny().selectedElement());
        awaitValue(e, tiny().trace().params().get(e.param()).get(e.row(), e.col()));
    }

    @Test
    void draggingTheSliderShowsTheEnginesLossAndTheBackpropTangent(FxRobot robot) throws Exception {
        pickOnGraph(robot, W1_01);
        Label cell = ExplorerFixture.cells(robot, "#param-W1").get(1);
        assertTrue(cell.getPseudoClassStates().contains(ParamCells.PICKED), "the picked number is ringed");
        assertEquals("W1[0][1]", robot.lookup("#weights-element").queryAs(Label.class).getText());

        Slider slider = robot.lookup("#weights-slider").queryAs(Slider.class);
        double before = slider.getValue();
        Node thumb = slider.lookup(".thumb");
        robot.drag(thumb, MouseButton.PRIMARY).moveBy(60, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        double w = slider.getValue();
        assertNotEquals(before, w, "the drag moved the slider");
        awaitValue(W1_01, w);

        Tracer.TinyLesson lesson = Tracer.TinyLesson.of(Tracer.TINY_SEED);
        TwoLayerNet net = netWith(W1_01, w);
        double engineLoss = net.loss(lesson.x(), lesson.labels());
        double engineGradient = net.gradient(lesson.x(), lesson.labels()).get("W1").get(0, 1);
        assertEquals(engineLoss, shown(robot, "#weights-loss"), 1e-12, "the loss shown is the engine's");
        assertEquals(engineLoss, tiny().trace().loss(), 1e-12, "the graph's L too");
        WeightsPanel panel = panel(robot);
        assertEquals(engineGradient, panel.curveChart().tangentSlope(), 1e-12, "the tangent's slope is dL/dw");
        assertEquals(engineGradient, shown(robot, "#weights-backprop"), 1e-12);
        assertEquals(w, panel.curveChart().pointX(), 0.0);
        assertEquals(engineLoss, panel.curveChart().pointY(), 1e-12);
        assertEquals(engineGradient, shown(robot, "#weights-numerical"), 1e-6, "central differences agree");
        assertEquals(w, tiny().trace().params().get("W1").get(0, 1), 0.0, "the graph shows the new weight");
        assertEquals(tiny().stageCount(), tiny().position(), "the whole pass is on show");

        // the inspector (Affine1, the last stage run) shows the new pass too, at most 150 ms later
        Thread.sleep(400);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Affine1", robot.lookup("#inspector-title").queryAs(Label.class).getText());
        Tensor dW = (Tensor) robot.lookup("#inspector-bwd-dW").query().getUserData();
        DMatrixRMaj engineDW = net.gradient(lesson.x(), lesson.labels()).get("W1");
        for (int i = 0; i < dW.size(); i++) {
            assertEquals(engineDW.data[i], dW.at(i), 1e-12, "the inspector's dW1 is the engine's");
        }
        Tensor w1 = (Tensor) robot.lookup("#inspector-fwd-W1").query().getUserData();
        assertEquals(w, w1.get(0, 1), 0.0, "the inspector shows the new weight");
    }

    @Test
    void afterABurstOfSliderEventsTheInspectorShowsTheLastPass(FxRobot robot) throws Exception {
        pickOnGraph(robot, W1_01);
        Slider slider = robot.lookup("#weights-slider").queryAs(Slider.class);
        double min = slider.getMin();
        double span = slider.getMax() - min;
        // a drag: 40 events, faster than the inspector's refreshes (at most one per 150 ms) and
        // than the engine answers, so most answers and refreshes are skipped or merged
        double last = Double.NaN;
        for (int k = 0; k < 40; k++) {
            double w = min + span * (0.3 + 0.4 * k / 39.0);
            javafx.application.Platform.runLater(() -> slider.setValue(w));
            last = w;
            Thread.sleep(8);
        }
        awaitValue(W1_01, last);
        // and one more right after that answer (the model's command, as a slider event sends
        // it): its answer comes within the refresh gap, so only a later refresh can show it
        double finalValue = min + span * 0.2;
        robot.interact(() -> weights().setValue(finalValue));
        last = finalValue;
        awaitValue(W1_01, last);

        Tracer.TinyLesson lesson = Tracer.TinyLesson.of(Tracer.TINY_SEED);
        com.backpropexplorer.explain.Trace expected = Tracer.twoLayer(Example.TINY, netWith(W1_01, last), lesson.x(),
                lesson.labels());
        com.backpropexplorer.explain.Stage forward = expected.stages().stream()
                .filter(st -> st.isForward() && st.layer().equals("Affine1")).findFirst().orElseThrow();
        com.backpropexplorer.explain.Stage backward = expected.stages().stream()
                .filter(st -> !st.isForward() && !st.isUpdate() && st.layer().equals("Affine1")).findFirst()
                .orElseThrow();
        double[] w1 = expected.params().get("W1").toArray();
        // the refresh comes on a later pulse, off the answer: wait for it (it never comes if the
        // last pass is dropped), then every number the inspector shows is the last pass's
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> java.util.Arrays.equals(w1, ExplorerFixture.shown(robot, "#inspector-fwd-W1")));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Affine1", robot.lookup("#inspector-title").queryAs(Label.class).getText());
        assertArrayEquals(forward.output().toArray(), ExplorerFixture.shown(robot, "#inspector-fwd-out"), 1e-12,
                "Affine1's out");
        assertArrayEquals(backward.get("dW").toArray(), ExplorerFixture.shown(robot, "#inspector-bwd-dW"), 1e-12,
                "dW1");
        assertArrayEquals(backward.get("db").toArray(), ExplorerFixture.shown(robot, "#inspector-bwd-db"), 1e-12,
                "db1");
        assertArrayEquals(backward.output().toArray(), ExplorerFixture.shown(robot, "#inspector-bwd-dx"), 1e-12,
                "dx");
        assertArrayEquals(backward.get("dW").toArray(), ExplorerFixture.shown(robot, "#inspector-chain-dW-result"),
                1e-12, "the chain rule's dW1");
        assertEquals(expected.loss(), tiny().trace().loss(), 1e-12, "the graph shows the last pass too");
    }

    @Test
    void theTangentsLabelStaysClearOfTheYAxisTicks(FxRobot robot) throws Exception {
        pickOnGraph(robot, W1_01);
        LossCurveChart chart = panel(robot).curveChart();
        for (double width : new double[] {chart.getWidth(), 170}) { // as laid out, and as narrow as it gets
            List<javafx.geometry.Rectangle2D> drawn = new java.util.ArrayList<>();
            robot.interact(() -> {
                chart.resize(width, chart.getHeight());
                chart.layout();
                chart.redraw();
                drawn.add(chart.tangentLabelBox());
                drawn.addAll(chart.yTickBoxes());
            });
            javafx.geometry.Rectangle2D label = drawn.get(0);
            assertFalse(label.getWidth() == 0, "the tangent is labelled");
            for (javafx.geometry.Rectangle2D tick : drawn.subList(1, drawn.size())) {
                assertFalse(label.intersects(tick), "at " + width + " px the label " + label + " runs over " + tick);
            }
        }
    }

    /**
     * Once answers are known to be quick (the tiny net's take microseconds), a slider event is
     * answered in the event itself: the new loss, gradient and pass are set before the event
     * returns, not one or two thread hand-offs later; a slow answer would still go to the engine.
     */
    @Test
    void aQuickAnswerIsSetInTheSliderEventItself(FxRobot robot) throws Exception {
        pickOnGraph(robot, W1_01);
        Slider slider = robot.lookup("#weights-slider").queryAs(Slider.class);
        Tracer.TinyLesson lesson = Tracer.TinyLesson.of(Tracer.TINY_SEED);
        // the first answer after the pick measures how long answers take
        robot.interact(() -> slider.setValue(0.25));
        awaitValue(W1_01, 0.25);
        for (double w : new double[] {-0.4, 0.6}) {
            WeightSnapshot[] inEvent = new WeightSnapshot[1];
            double[] onGraph = new double[1];
            robot.interact(() -> {
                slider.setValue(w);
                inEvent[0] = weights().snapshot();
                onGraph[0] = tiny().trace().params().get("W1").get(0, 1);
            });
            assertEquals(w, inEvent[0].value(), 0.0, "the answer for " + w + " is set before the event returns");
            assertEquals(w, onGraph[0], 0.0, "the graph's pass holds the new weight in the same event");
            TwoLayerNet net = netWith(W1_01, w);
            assertEquals(net.loss(lesson.x(), lesson.labels()), inEvent[0].loss(), 1e-12);
            assertEquals(net.gradient(lesson.x(), lesson.labels()).get("W1").get(0, 1), inEvent[0].backprop(), 1e-12);
        }
    }

    @Test
    void settingTheSliderThroughTheControlFollowsEveryValue(FxRobot robot) throws Exception {
        pickOnGraph(robot, new Element("b2", 0, 1));
        Slider slider = robot.lookup("#weights-slider").queryAs(Slider.class);
        Tracer.TinyLesson lesson = Tracer.TinyLesson.of(Tracer.TINY_SEED);
        for (double w : new double[] {-0.7, 0.2, 0.9}) {
            robot.interact(() -> slider.setValue(w));
            awaitValue(new Element("b2", 0, 1), w);
            TwoLayerNet net = netWith(new Element("b2", 0, 1), w);
            assertEquals(net.loss(lesson.x(), lesson.labels()), shown(robot, "#weights-loss"), 1e-12);
            assertEquals(net.gradient(lesson.x(), lesson.labels()).get("b2").get(0, 1),
                    panel(robot).curveChart().tangentSlope(), 1e-12);
        }
    }

    @Test
    void badInputIsRefusedAndTheWeightKept(FxRobot robot) throws Exception {
        pickOnGraph(robot, W1_01);
        double original = weights().snapshot().value();
        TextField field = robot.lookup("#weights-value").queryAs(TextField.class);
        Label message = robot.lookup("#weights-message").queryAs(Label.class);
        java.util.Map<String, String> said = new java.util.HashMap<>();
        for (String bad : new String[] {"abc", "NaN", "Infinity", "-Infinity", "1e7", "1e400", "0x10", ""}) {
            robot.interact(() -> field.setText(bad));
            robot.clickOn(field).type(KeyCode.ENTER);
            WaitForAsyncUtils.waitForFxEvents();
            assertFalse(message.getText().isBlank(), "'" + bad + "' is refused with a message");
            assertEquals(WeightsText.number(original), field.getText(), "the previous value is back in the field");
            assertEquals(original, weights().snapshot().value(), 0.0, "the weight did not move");
            said.put(bad, message.getText());
        }
        assertTrue(said.get("abc").contains("not a number"), said.get("abc"));
        assertTrue(said.get("NaN").contains("not a number"), said.get("NaN"));
        assertTrue(said.get("1e7").contains("outside"), said.get("1e7"));
        assertTrue(said.get("1e400").contains("outside"), said.get("1e400"));
        robot.interact(() -> field.setText("0.5"));
        robot.clickOn(field).type(KeyCode.ENTER);
        awaitValue(W1_01, 0.5);
        assertTrue(message.getText().isBlank(), "a good value clears the message");
    }

    @Test
    void stepDownhillLowersTheLossAndResetRestores(FxRobot robot) throws Exception {
        pickOnGraph(robot, new Element("W2", 1, 0));
        double start = shown(robot, "#weights-loss");
        double w = weights().snapshot().value();
        double g = weights().snapshot().backprop();
        robot.clickOn("#weights-step");
        double expected = w - 0.1 * g;
        awaitValue(new Element("W2", 1, 0), expected);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !panel(robot).isStepping());
        assertTrue(shown(robot, "#weights-loss") < start, "one step downhill lowers the loss");

        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<Boolean> which = robot.lookup("#weights-step-which").queryAs(
                javafx.scene.control.ChoiceBox.class);
        robot.clickOn(which).clickOn("all parameters");
        assertTrue(weights().stepAllProperty().get());
        double lossBefore = shown(robot, "#weights-loss");
        robot.clickOn("#weights-step");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !panel(robot).isStepping());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> weights().snapshot().loss() < lossBefore);

        robot.clickOn("#weights-reset");
        awaitValue(new Element("W2", 1, 0), w);
        assertEquals(start, shown(robot, "#weights-loss"), 1e-12, "reset brings the starting loss back");
    }

    @Test
    void shiftClickingASecondWeightDrawsTheContourMap(FxRobot robot) throws Exception {
        pickOnGraph(robot, W1_01);
        List<Label> cells = ExplorerFixture.cells(robot, "#param-W2");
        robot.press(KeyCode.SHIFT).clickOn(cells.get(0)).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> weights().gridProperty().get() != null);
        assertEquals(new Element("W2", 0, 0), tiny().secondElement());
        assertEquals(W1_01, tiny().selectedElement(), "the first stays");
        var grid = weights().gridProperty().get();
        assertEquals(WeightsModel.GRID_POINTS, grid.losses().length);
        Tracer.TinyLesson lesson = Tracer.TinyLesson.of(Tracer.TINY_SEED);
        TwoLayerNet net = netWith(W1_01, grid.aValues()[3]);
        net.params().get("W2").set(0, 0, grid.bValues()[7]);
        assertEquals(net.loss(lesson.x(), lesson.labels()), grid.losses()[3][7], 1e-12);
        assertTrue(robot.lookup("#weights-contour").query().isVisible());
    }
}
