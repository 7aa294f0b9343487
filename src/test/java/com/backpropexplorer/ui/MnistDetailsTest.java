package com.backpropexplorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.data.SharedMnist;
import com.backpropexplorer.explain.Example;
import com.backpropexplorer.explain.WeightProbe.Element;
import com.backpropexplorer.ui.weights.WeightsModel;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The MNIST lesson's small print: a flat loss curve explained, with a weight that matters on
 * offer; the hint naming what can be clicked there; the tooltip over "out 3×10" calling its
 * cells "out", not "x". Needs the real MNIST set (skipped without it).
 */
@ExtendWith(ApplicationExtension.class)
class MnistDetailsTest {
    private ExplorerFixture app;

    @Start
    void start(Stage stage) {
        app = new ExplorerFixture(stage, Locale.ENGLISH);
        app.explorer.mnist().chosenProperty().set(SharedMnist.find().orElse(null));
    }

    @BeforeEach
    void mnistLesson(FxRobot robot) throws Exception {
        SharedMnist.dir();
        robot.clickOn("#nav-mnist");
        app.awaitReady(Example.MNIST);
    }

    @Test
    void aFlatCurveSaysWhyAndOffersAWeightThatMatters(FxRobot robot) throws Exception {
        assertEquals(app.explorer.i18n().text("weights.hint.none.mnist"),
                robot.lookup("#weights-panel .text-muted").queryAs(Label.class).getText(), "no \"(W in simpleNet)\"");
        WeightsModel weights = app.explorer.weights(Example.MNIST);
        Element corner = new Element("W1", 0, 0); // pixel 0, the top-left corner: blank in every MNIST digit
        robot.interact(() -> app.lesson(Example.MNIST).selectElement(corner));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> weights.snapshot() != null
                && corner.equals(weights.snapshot().element()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.0, weights.snapshot().backprop(), 0.0);
        Label why = robot.lookup("#weights-flat-text").queryAs(Label.class);
        assertTrue(why.isVisible(), "the flat curve is explained");
        assertTrue(why.getText().contains("input 0 is 0 in every sample"), why.getText());
        Button better = robot.lookup("#weights-flat-try").queryAs(Button.class);
        assertTrue(better.isVisible());
        robot.clickOn(better);
        Element offered = app.lesson(Example.MNIST).selectedElement();
        assertNotEquals(corner, offered);
        assertEquals("W1", offered.param());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> weights.snapshot() != null
                && offered.equals(weights.snapshot().element()));
        WaitForAsyncUtils.waitForFxEvents();
        assertNotEquals(0.0, weights.snapshot().backprop(), "the weight offered moves the loss");
        assertTrue(!robot.lookup("#weights-flat").query().isVisible(), "and its curve needs no excuse");
    }

    @Test
    void theTooltipOverAffine2sOutputCallsItOut(FxRobot robot) throws Exception {
        robot.clickOn("#zoomFit"); // the whole graph in view
        Node box = robot.lookup("#graph .value-header").queryAll().stream()
                .filter(n -> n instanceof Label l && l.getText().startsWith("out") && l.getText().contains("3×10"))
                .map(Node::getParent).findFirst().orElse(null);
        assertNotNull(box, "the edge after Affine2 is on the graph");
        ImageView heatmap = (ImageView) box.lookup(".heatmap .image-view");
        assertNotNull(heatmap);
        // the events the mouse sends over it: entering installs the tooltip, moving names the cell
        robot.interact(() -> {
            javafx.geometry.Bounds b = heatmap.getLayoutBounds();
            double x = b.getMinX() + b.getWidth() * 0.45;
            double y = b.getMinY() + b.getHeight() * 0.5;
            javafx.geometry.Point2D screen = heatmap.localToScreen(x, y);
            javafx.geometry.Point2D scene = heatmap.localToScene(x, y); // the event's own x, y are the scene's
            for (javafx.event.EventType<javafx.scene.input.MouseEvent> type : java.util.List.of(
                    javafx.scene.input.MouseEvent.MOUSE_ENTERED, javafx.scene.input.MouseEvent.MOUSE_MOVED)) {
                javafx.event.Event.fireEvent(heatmap, new javafx.scene.input.MouseEvent(type, scene.getX(), scene.getY(), screen.getX(),
                        screen.getY(), javafx.scene.input.MouseButton.NONE, 0, false, false, false, false, false,
                        false, false, false, false, false, null));
            }
        });
        Tooltip tip = (Tooltip) heatmap.getProperties().get(Tooltip.class);
        assertNotNull(tip, "hovering installs the tooltip");
        String text = tip.getText();
        assertTrue(text.startsWith("out[1, 4] = "), "the cells are out's, not x's: " + text);
    }
}
