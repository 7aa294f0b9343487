package com.backpropexplorer.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.data.SharedMnist;
import com.backpropexplorer.explain.Example;
import com.backpropexplorer.explain.Gradcheck;
import com.backpropexplorer.explain.GradcheckResult;
import com.backpropexplorer.explain.LocalNumericalGradient;
import com.backpropexplorer.explain.NumericalGradientWalk.Phase;
import com.backpropexplorer.explain.NumericalGradientWalk.Step;
import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.explain.Lessons;
import com.backpropexplorer.data.MnistDataset;
import com.backpropexplorer.engine.TwoLayerNet;
import com.backpropexplorer.ui.lesson.Ch4Lesson;
import com.backpropexplorer.ui.numgrad.NumericalGradientModel;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Chapter 4's TwoLayerNet in the real window: the Sigmoid net on MNIST, its numerical gradient
 * stepped line by line (the net's own array holds x + h while f runs, then x − h), fast-forwarded
 * to a dW equal to the gradient check's numerical gradient, and the timing cancelled.
 */
@ExtendWith(ApplicationExtension.class)
class Ch4WindowTest {
    private ExplorerFixture app;

    @Start
    void start(Stage stage) {
        app = new ExplorerFixture(stage, Locale.ENGLISH);
    }

    private NumericalGradientModel model() {
        return app.explorer.numericalGradient();
    }

    @Test
    void theNumericalGradientIsAnimatedAndEndsAtTheGradientChecksNumbers(FxRobot robot) throws Exception {
        Optional<Path> mnist = SharedMnist.find();
        Assumptions.assumeTrue(mnist.isPresent(), "MNIST is not in ../shared/mnist");
        robot.interact(() -> app.explorer.mnist().chosenProperty().set(mnist.get()));
        robot.clickOn("#nav-ch4");
        app.awaitReady(Example.CH4);
        assertTrue(robot.lookup("#node-Sigmoid1").tryQuery().isPresent(), "chapter 4's net uses Sigmoid");
        robot.clickOn("#numgradPanel .title");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model().readyProperty().get());
        assertEquals("W2", model().paramProperty().get());
        assertEquals(500, model().sizeProperty().get());

        robot.clickOn("#numgrad-line");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model().phaseProperty().get() == Phase.KEEP);
        Step first = model().stepProperty().get();
        assertEquals(0, first.index());
        assertTrue(robot.lookup("#numgrad-code-keep").query().getStyleClass().contains("current-line"));
        robot.clickOn("#numgrad-line");
        assertEquals(Phase.PLUS, model().phaseProperty().get());
        String held = robot.lookup("#numgrad-held").queryAs(Label.class).getText();
        assertTrue(held.contains(String.format(Locale.ROOT, "%.8f", first.original() + 1e-4)),
                "the net's own W2 holds x + h while f runs: " + held);
        robot.clickOn("#numgrad-line").clickOn("#numgrad-line").clickOn("#numgrad-line");
        assertEquals(Phase.F_MINUS, model().phaseProperty().get());
        assertEquals(0, model().doneProperty().get(), "dW fills in at the central difference, not before");
        robot.clickOn("#numgrad-line");
        assertEquals(Phase.DIFF, model().phaseProperty().get());
        assertEquals(1, model().doneProperty().get());
        assertEquals(first.gradient(), model().gradientProperty().get().at(0), 0);
        assertEquals((first.lossPlus() - first.lossMinus()) / 2e-4, first.gradient(), 1e-10);

        robot.clickOn("#numgrad-fast-forward");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model().busyProperty().get()
                && model().doneProperty().get() == 500);
        WaitForAsyncUtils.waitForFxEvents();
        MnistDataset digits = SharedMnist.get().test().head(Lessons.MNIST_BATCH);
        TwoLayerNet net = Lessons.bookNet(Activation.SIGMOID, Ch4Lesson.SEED);
        GradcheckResult check = Gradcheck.run(net, digits.images(), digits.labels(), Gradcheck.Method.LOCAL, "",
                LocalNumericalGradient.Monitor.NONE);
        double[] expected = new double[500];
        double[] shown = new double[500];
        for (int i = 0; i < 500; i++) {
            expected[i] = check.numerical().get("W2").at(i);
            shown[i] = model().gradientProperty().get().at(i);
        }
        assertArrayEquals(expected, shown, 0, "the animated dW2 is the gradient check's numerical gradient");

        robot.clickOn("#numgrad-time");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model().timingProgressProperty().get() > 0);
        robot.clickOn("#numgrad-time-cancel");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !model().timingProperty().get());
        assertNull(model().timingResultProperty().get(), "cancelled: no result");
        assertFalse(robot.lookup("#numgrad-time-progress").query().isVisible());
    }
}
