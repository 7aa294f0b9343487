package com.backpropexplorer.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.explain.Example;
import com.backpropexplorer.explain.Lessons;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.lesson.LessonModel;
import com.backpropexplorer.ui.lesson.LessonRun;
import com.backpropexplorer.ui.lesson.LessonSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The graph view draws a graph that is not a chain: the book's apples and oranges (§5.4), two
 * products meeting at the AddLayer, every value above its edge and every gradient below it.
 */
@ExtendWith(ApplicationExtension.class)
class GraphViewDagTest {
    private LessonModel model;

    @Start
    void start(Stage stage) {
        model = new LessonModel(new LessonSource() {
            @Override
            public Example example() {
                return Example.BUY_APPLE_ORANGE;
            }

            @Override
            public LessonRun compute() {
                return LessonRun.of(Lessons.buyAppleOrange());
            }
        }, Runnable::run);
        model.reload();
        GraphView graph = new GraphView(model, new I18n(Locale.ENGLISH));
        graph.setAnimated(false);
        Scene scene = new Scene(new StackPane(graph), 1200, 800);
        scene.getStylesheets().add(GraphView.class.getResource("/com/backpropexplorer/ui/app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private static Bounds bounds(FxRobot robot, String id) {
        Node node = robot.lookup(id).query();
        return node.localToScene(node.getBoundsInLocal());
    }

    @Test
    void theBranchesMeetAtTheAddLayerAndNoValueCoversAnother(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> model.trace() != null);
        robot.interact(() -> model.moveTo(model.stageCount()));
        WaitForAsyncUtils.waitForFxEvents();

        Bounds apple = bounds(robot, "#node-mul_apple_layer");
        Bounds orange = bounds(robot, "#node-mul_orange_layer");
        Bounds add = bounds(robot, "#node-add_apple_orange_layer");
        Bounds tax = bounds(robot, "#node-mul_tax_layer");
        assertEquals(apple.getCenterX(), orange.getCenterX(), 0.5, "the two products side by side");
        assertTrue(apple.getMaxX() < add.getMinX() && add.getMaxX() < tax.getMinX(), "left to right");
        assertTrue(apple.getCenterY() < add.getCenterY() && add.getCenterY() < orange.getCenterY(),
                "the sum between the two products");
        for (String value : List.of("apple", "apple_num", "orange", "orange_num", "tax", "price")) {
            assertTrue(robot.lookup("#terminal-" + value).tryQuery().isPresent(), value + " is drawn");
        }
        assertEquals("price", robot.lookup("#terminal-price").queryAs(Label.class).getText());

        // every value and gradient is on show at the end, none over another or over a node
        List<Bounds> boxes = new ArrayList<>();
        for (Node n : robot.lookup(".value-box").queryAll()) {
            assertTrue(n.isVisible(), n.getId() + " shown after the whole pass");
            boxes.add(n.localToScene(n.getBoundsInLocal()));
        }
        assertEquals(2 * 9, boxes.size(), "a value and a gradient on each of the 9 edges");
        List<Bounds> solid = new ArrayList<>(boxes);
        for (Node n : robot.lookup(".graph-node").queryAll()) {
            solid.add(n.localToScene(n.getBoundsInLocal()));
        }
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = 0; j < solid.size(); j++) {
                if (i != j) {
                    assertFalse(overlap(boxes.get(i), solid.get(j)), "box " + i + " overlaps " + j);
                }
            }
        }
    }

    @Test
    void steppingShowsEachValueOnceItsStageRan(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> model.trace() != null);
        List<Node> values = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            values.add(robot.lookup("#edge-forward-" + i).query());
        }
        long before = values.stream().filter(Node::isVisible).count();
        assertEquals(5, before, "the five inputs are given, the four products and sums not yet");
        robot.interact(() -> model.moveTo(model.forwardCount()));
        assertTrue(values.stream().allMatch(Node::isVisible), "after the forward pass every value is known");
        assertFalse(robot.lookup("#edge-backward-0").query().isVisible(), "no gradient before backward");
    }

    private static boolean overlap(Bounds a, Bounds b) {
        return a.getMinX() < b.getMaxX() - 0.5 && b.getMinX() < a.getMaxX() - 0.5 && a.getMinY() < b.getMaxY() - 0.5
                && b.getMinY() < a.getMaxY() - 0.5;
    }
}
