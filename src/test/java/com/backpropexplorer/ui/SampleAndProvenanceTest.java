package com.backpropexplorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** One sample of the batch (its row, its share, 1/N, N = 1) and where a number comes from, in the tiny lesson. */
class SampleAndProvenanceTest extends TinyLessonWindow {
    private static final PseudoClass SAMPLE = PseudoClass.getPseudoClass("sample");
    private static final PseudoClass SOURCE = PseudoClass.getPseudoClass("source");

    /** The cells of a grid view that carry the pseudo class, as "row,col". */
    private static List<String> marked(FxRobot robot, String id, PseudoClass pc) {
        GridPane grid = robot.lookup(id).queryAs(GridPane.class);
        return grid.getChildren().stream().filter(c -> c.getPseudoClassStates().contains(pc))
                .map(c -> (GridPane.getRowIndex(c) == null ? 0 : GridPane.getRowIndex(c)) + ","
                        + (GridPane.getColumnIndex(c) == null ? 0 : GridPane.getColumnIndex(c)))
                .sorted().toList();
    }

    private void showBackwardOf(FxRobot robot, String layer) {
        int stage = tiny().trace().backwardStageOf(layer).orElseThrow().index();
        robot.clickOn("#timeline-" + stage);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void oneSamplesRowItsShareAndOneOverN(FxRobot robot) {
        showBackwardOf(robot, "Affine2");
        robot.clickOn("#sample-1");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, tiny().samples().row());
        assertEquals(List.of("1,0", "1,1", "1,2"), marked(robot, "#inspector-fwd-x", SAMPLE), "row 1 of x");
        assertEquals(List.of("1,0", "1,1"), marked(robot, "#inspector-bwd-dout", SAMPLE), "row 1 of dout");
        assertEquals(List.of(), marked(robot, "#inspector-bwd-dW", SAMPLE), "dW has no sample rows");
        for (String which : List.of("dW", "db")) {
            double[] first = ExplorerFixture.shown(robot, "#inspector-share-" + which + "-0");
            double[] second = ExplorerFixture.shown(robot, "#inspector-share-" + which + "-1");
            double[] batch = ExplorerFixture.shown(robot, "#inspector-bwd-" + which);
            assertEquals(batch.length, first.length);
            for (int i = 0; i < batch.length; i++) {
                assertEquals(batch[i], first[i] + second[i], 1e-12, which + "[" + i + "]: the terms add up");
            }
        }
        // sample 1's term is x[1]ᵀ · dout[1]
        double[] x = ExplorerFixture.shown(robot, "#inspector-fwd-x");
        double[] dout = ExplorerFixture.shown(robot, "#inspector-bwd-dout");
        double[] term = ExplorerFixture.shown(robot, "#inspector-share-dW-1");
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(x[3 + i] * dout[2 + j], term[i * 2 + j], 0.0);
            }
        }
        // 1/N enters at SoftmaxWithLoss.backward
        showBackwardOf(robot, "SoftmaxWithLoss");
        double[] yMinusT = ExplorerFixture.shown(robot, "#inspector-onen-ymt");
        double[] dx = ExplorerFixture.shown(robot, "#inspector-onen-dx");
        for (int i = 0; i < dx.length; i++) {
            assertEquals(yMinusT[i] / 2, dx[i], 1e-15, "dx = (y − t) / N, N = 2");
        }
    }

    @Test
    void runningTheSampleAloneGivesNTimesItsShare(FxRobot robot) {
        showBackwardOf(robot, "Affine2");
        robot.clickOn("#sample-1");
        double[] share = ExplorerFixture.shown(robot, "#inspector-share-dW-1");
        robot.clickOn("#sample-alone");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, tiny().trace().batchSize(), "N = 1");
        assertEquals(6, tiny().position(), "the same stage");
        double[] alone = ExplorerFixture.shown(robot, "#inspector-bwd-dW");
        for (int i = 0; i < alone.length; i++) {
            assertEquals(2 * share[i], alone[i], 1e-12, "without the 1/N of a batch of 2, dW[" + i + "] doubles");
        }
        assertEquals(List.of("0,0", "0,1", "0,2"), marked(robot, "#inspector-fwd-x", SAMPLE));
        robot.clickOn("#sample-alone");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, tiny().trace().batchSize(), "the whole batch again");
    }

    @Test
    void hoveringADW1ElementMarksColumnIOfXAndColumnJOfDout(FxRobot robot) {
        showBackwardOf(robot, "Affine1");
        GridPane dW = robot.lookup("#inspector-bwd-dW").queryAs(GridPane.class);
        Node cell = dW.getChildren().stream().filter(c -> GridPane.getRowIndex(c) == 1 && GridPane.getColumnIndex(c) == 2)
                .findFirst().orElseThrow();
        scrollIntoView(robot, cell);
        robot.moveTo(cell);
        Label text = robot.lookup("#provenance-text").queryAs(Label.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(cell.isHover(), "the pointer is on dW1[1][2]");
        assertTrue(text.isVisible(), "its story is shown");
        assertEquals(List.of("0,1", "1,1"), marked(robot, "#inspector-fwd-x", SOURCE), "column 1 of x");
        assertEquals(List.of("0,1", "1,1"), marked(robot, "#inspector-cache-x", SOURCE), "the same x in the cache");
        assertEquals(List.of("0,2", "1,2"), marked(robot, "#inspector-bwd-dout", SOURCE), "column 2 of dout");
        assertEquals(List.of(), marked(robot, "#inspector-fwd-W1", SOURCE));
        Node graph = robot.lookup("#graph").query();
        assertTrue(robot.from(graph).lookup(".matrix-cell").queryAll().stream()
                .filter(c -> c.getPseudoClassStates().contains(SOURCE)).count() >= 4,
                "x's column and dout's column are marked on the graph too");
        double value = tiny().trace().backwardStageOf("Affine1").orElseThrow().get("dW").get(1, 2);
        assertTrue(text.getText().startsWith("dW1[1][2] = Σ_n x[n][1] · dout[n][2]"), text.getText());
        assertTrue(text.getText().endsWith("= " + Numbers.precise(value)), text.getText());
        robot.moveTo("#lessonTitle");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(text.isVisible());
        assertEquals(List.of(), marked(robot, "#inspector-fwd-x", SOURCE), "cleared when the pointer leaves");
    }

    private static void scrollIntoView(FxRobot robot, Node node) {
        ScrollPane scroll = robot.lookup("#inspectorScroll").queryAs(ScrollPane.class);
        robot.interact(() -> {
            Node content = scroll.getContent();
            Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
            double viewport = scroll.getViewportBounds().getHeight();
            double height = content.getLayoutBounds().getHeight();
            scroll.setVvalue(Math.max(0, Math.min(1, (b.getMinY() - viewport / 3) / Math.max(1, height - viewport))));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
