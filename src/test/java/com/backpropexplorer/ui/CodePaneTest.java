package com.backpropexplorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.explain.text.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The code pane beside the tiny lesson's graph: which lines light up, the refusal, clicks and the language. */
class CodePaneTest extends TinyLessonWindow {
    private static final List<String> GRADIENT_LOSS = List.of("grads = network.gradient(x_batch, t_batch)",
            "self.loss(x, t)");
    private static final List<String> AFFINE_FORWARD = List.of("self.x = x", "out = np.dot(x, self.W) + self.b",
            "return out");
    private static final List<String> AFFINE_BACKWARD = List.of("dx = np.dot(dout, self.W.T)",
            "self.dW = np.dot(self.x.T, dout)", "self.db = np.sum(dout, axis=0)", "return dx");

    @BeforeEach
    void showTheCodePane(FxRobot robot) {
        // 1280 wide: beside the inspector and 560 px of graph there is too little room, so it starts hidden
        assertTrue(!app.explorer.codeShown().isShown() && robot.lookup("#code-pane").tryQuery().isEmpty());
        robot.clickOn("#codeToggle");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void eachStageOfTinyLightsTheCallPathAndTheLayersBody(FxRobot robot) {
        // call sites outermost first in the listing's order: the training loop comes last in the file
        List<List<String>> calls = List.of(
                List.of("y = self.predict(x)", "x = layer.forward(x)"),
                List.of("y = self.predict(x)", "x = layer.forward(x)"),
                List.of("y = self.predict(x)", "x = layer.forward(x)"),
                List.of("return self.lastLayer.forward(y, t)"),
                List.of("dout = self.lastLayer.backward(dout)"),
                List.of("dout = layer.backward(dout)"),
                List.of("dout = layer.backward(dout)"),
                List.of("dout = layer.backward(dout)"));
        List<List<String>> bodies = List.of(AFFINE_FORWARD,
                List.of("self.mask = (x <= 0)", "out = np.where(self.mask, 0, x)", "return out"),
                AFFINE_FORWARD,
                List.of("self.t = t", "self.y = softmax(x)", "self.loss = cross_entropy_error(self.y, self.t)",
                        "return self.loss"),
                List.of("batch_size = self.t.shape[0]", "dx = dout * (self.y - self.t) / batch_size", "return dx"),
                AFFINE_BACKWARD,
                List.of("dx = np.where(self.mask, 0, dout)", "return dx"),
                AFFINE_BACKWARD);
        List<String> crumbs = List.of("gradient() › loss() › predict() › Affine.forward()",
                "gradient() › loss() › predict() › Relu.forward()",
                "gradient() › loss() › predict() › Affine.forward()",
                "gradient() › loss() › SoftmaxWithLoss.forward()",
                "gradient() › SoftmaxWithLoss.backward()", "gradient() › Affine.backward()",
                "gradient() › Relu.backward()", "gradient() › Affine.backward()");
        assertEquals(List.of(), lines(robot, "call"), "nothing runs at the start");
        assertEquals(List.of(), lines(robot, "running"));
        for (int stage = 0; stage < 8; stage++) {
            robot.clickOn(stage < 4 ? "#forwardButton" : "#backwardButton");
            WaitForAsyncUtils.waitForFxEvents();
            List<String> expectedCalls = new ArrayList<>();
            expectedCalls.add(GRADIENT_LOSS.get(0));
            if (stage < 4) {
                expectedCalls.add(GRADIENT_LOSS.get(1));
            }
            expectedCalls.addAll(calls.get(stage));
            assertEquals(sorted(expectedCalls), sorted(lines(robot, "call")), "call sites of stage " + stage);
            assertEquals(bodies.get(stage), lines(robot, "running"), "body of stage " + stage);
            assertEquals(crumbs.get(stage), robot.lookup("#code-breadcrumbs").queryAs(Label.class).getText());
        }
    }

    @Test
    void eachStageScrollsItsRunningLinesIntoView(FxRobot robot) {
        ScrollPane scroll = robot.lookup("#code-scroll").queryAs(ScrollPane.class);
        PseudoClass running = PseudoClass.getPseudoClass("running");
        List<Double> tops = new ArrayList<>();
        for (int stage = 0; stage < 8; stage++) {
            robot.clickOn(stage < 4 ? "#forwardButton" : "#backwardButton");
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.waitForFxEvents(); // the pane scrolls at the layout after the stage
            HBox first = robot.lookup(".code-line").queryAllAs(HBox.class).stream()
                    .filter(r -> r.getPseudoClassStates().contains(running))
                    .min(java.util.Comparator.comparingInt(CodePaneTest::number)).orElseThrow();
            double content = scroll.getContent().getLayoutBounds().getHeight();
            double viewport = scroll.getViewportBounds().getHeight();
            assertTrue(content > viewport, "the listing is taller than the pane, so scrolling matters");
            double top = scroll.getVvalue() * (content - viewport);
            double y = first.getBoundsInParent().getMinY();
            assertTrue(y >= top && first.getBoundsInParent().getMaxY() <= top + viewport,
                    "stage " + stage + ": line " + number(first) + " at " + y + " is outside the view ["
                            + top + ", " + (top + viewport) + "]");
            tops.add(top);
        }
        assertTrue(tops.stream().distinct().count() > 1, "the pane followed the stages: " + tops);
    }

    @Test
    void aRefusedBackwardPointsAtTheLineThatReadsTheCacheAndTheLineThatFillsIt(FxRobot robot) {
        robot.clickOn("#forwardButton");
        robot.clickOn("#backwardButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, tiny().position(), "refused: nothing ran");
        assertEquals(List.of("batch_size = self.t.shape[0]"), lines(robot, "refused-read"));
        assertEquals(List.of("self.loss(x, t)"), lines(robot, "refused-fill"));
        assertEquals(List.of(), lines(robot, "running"), "no stage's body is lit while refused");
        assertTrue(robot.lookup("#code-breadcrumbs").queryAs(Label.class).getText()
                .contains("SoftmaxWithLoss.backward()"));
        // stepping on clears the refusal marks
        robot.clickOn("#forwardButton");
        assertEquals(List.of(), lines(robot, "refused-read"));
        assertEquals(List.of(), lines(robot, "refused-fill"));
    }

    @Test
    void clickingALineJumpsToTheStageThatRunsIt(FxRobot robot) {
        clickLine(robot, "self.mask = (x <= 0)");
        assertEquals(2, tiny().position(), "Relu1's forward is the stage just shown");
        clickLine(robot, "self.dW = np.dot(self.x.T, dout)");
        assertEquals(6, tiny().position(), "the first Affine backward still to come: Affine2's");
        clickLine(robot, "self.dW = np.dot(self.x.T, dout)");
        assertEquals(8, tiny().position(), "the next one: Affine1's");
        clickLine(robot, "import numpy as np");
        assertEquals(8, tiny().position(), "a line no stage runs goes nowhere");
    }

    @Test
    void commentsFollowTheLanguage(FxRobot robot) {
        String english = "# " + Texts.text(Locale.ENGLISH, "code.net.gradient.forward");
        assertTrue(comments(robot).contains(english), "English comment shown");
        robot.clickOn("Language").clickOn("日本語");
        WaitForAsyncUtils.waitForFxEvents();
        String japanese = "# " + Texts.text(Locale.JAPANESE, "code.net.gradient.forward");
        assertTrue(japanese.contains("順伝播"), japanese);
        List<String> shown = comments(robot);
        assertTrue(shown.contains(japanese), "Japanese comment shown");
        assertTrue(!shown.contains(english), "no English comment left");
    }

    @Test
    void theCodePaneStartsHiddenOnASmallWindowAndCanBeHiddenAndShownAgain(FxRobot robot) {
        assertTrue(robot.lookup("#code-pane").tryQuery().isPresent());
        robot.clickOn("#codeToggle");
        assertTrue(robot.lookup("#code-pane").tryQuery().isEmpty(), "hidden: the graph gets the room");
        robot.clickOn("#codeToggle");
        robot.clickOn("#forwardButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(AFFINE_FORWARD, lines(robot, "running"));
    }

    @Test
    void hoveringAVariableMarksTheSameTensorInTheInspectorAndOnTheGraph(FxRobot robot) {
        robot.clickOn("#forwardButton");
        WaitForAsyncUtils.waitForFxEvents();
        HBox row = row(robot, "out = np.dot(x, self.W) + self.b");
        scrollToLine(robot, row);
        Text w = robot.from(row).lookup(".code-token").queryAllAs(Text.class).stream()
                .filter(t -> t.getText().equals("self.W")).findFirst().orElseThrow();
        robot.moveTo(w);
        WaitForAsyncUtils.waitForFxEvents();
        PseudoClass linked = PseudoClass.getPseudoClass("linked");
        assertTrue(robot.lookup("#inspector-fwd-W1").query().getPseudoClassStates().contains(linked),
                "self.W in Affine.forward is Affine1's W1");
        assertTrue(!robot.lookup("#inspector-fwd-x").query().getPseudoClassStates().contains(linked));
        assertTrue(robot.from(robot.lookup("#graph").<Node>query()).lookup(".matrix").queryAll().stream()
                .anyMatch(n -> n.getPseudoClassStates().contains(linked)), "W1 on the graph too");
        robot.moveTo("#code-breadcrumbs");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!robot.lookup("#inspector-fwd-W1").query().getPseudoClassStates().contains(linked), "cleared");
    }

    // ------------------------------------------------------------ reading the pane

    /** The code of every line that has the pseudo class, in listing order. */
    static List<String> lines(FxRobot robot, String pseudoClass) {
        PseudoClass pc = PseudoClass.getPseudoClass(pseudoClass);
        return robot.lookup(".code-line").queryAllAs(HBox.class).stream()
                .filter(row -> row.getPseudoClassStates().contains(pc))
                .sorted(java.util.Comparator.comparingInt(CodePaneTest::number))
                .map(CodePaneTest::code).toList();
    }

    static HBox row(FxRobot robot, String code) {
        return robot.lookup(".code-line").queryAllAs(HBox.class).stream().filter(r -> code(r).equals(code))
                .min(java.util.Comparator.comparingInt(CodePaneTest::number)).orElseThrow();
    }

    private static int number(HBox row) {
        return Integer.parseInt(((Label) row.getChildren().get(0)).getText());
    }

    /** A row's code without its comment, trimmed. */
    static String code(HBox row) {
        StringBuilder s = new StringBuilder();
        Node content = row.getChildren().get(1);
        TextFlow flow = content instanceof TextFlow f ? f : (TextFlow) ((Parent) content).getChildrenUnmodifiable().get(0);
        for (Node n : flow.getChildren()) {
            if (n instanceof Text t && !t.getStyleClass().contains("code-comment")) {
                s.append(t.getText());
            }
        }
        return s.toString().trim();
    }

    private static List<String> comments(FxRobot robot) {
        return robot.lookup(".code-comment").queryAllAs(Text.class).stream().map(t -> t.getText().trim()).toList();
    }

    /** Scrolls the line into view and clicks it. */
    static void clickLine(FxRobot robot, String code) {
        HBox row = row(robot, code);
        scrollToLine(robot, row);
        robot.clickOn(row.getChildren().get(0));
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void scrollToLine(FxRobot robot, HBox row) {
        ScrollPane scroll = robot.lookup("#code-scroll").queryAs(ScrollPane.class);
        robot.interact(() -> {
            double content = scroll.getContent().getLayoutBounds().getHeight();
            double viewport = scroll.getViewportBounds().getHeight();
            scroll.setVvalue(Math.max(0, Math.min(1, (row.getBoundsInParent().getMinY() - viewport / 3)
                    / Math.max(1, content - viewport))));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<String> sorted(List<String> in) {
        return in.stream().sorted().toList();
    }
}
