package com.backpropexplorer.ui.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.ConfusionMatrix;
import com.backpropexplorer.engine.OptimizerKind;
import com.backpropexplorer.engine.TrainingConfig;
import com.backpropexplorer.engine.WeightInit;
import com.backpropexplorer.explain.ActivationHistogram;
import com.backpropexplorer.explain.Example;
import com.backpropexplorer.explain.Tensor;
import com.backpropexplorer.explain.TrainingHealth;
import com.backpropexplorer.ui.chart.ChartCanvas;
import com.backpropexplorer.ui.compare.ComparisonQueue;
import com.backpropexplorer.ui.compare.ComparisonRun;
import com.backpropexplorer.ui.lesson.LessonModel;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Train page's tabs clicked through in the real window, on a small generated set: the
 * confusion matrix of a run, a cell's digits, one opened in the step-through; the comparison of
 * figure 6-15's initial weights and of the form's configuration, with their curves, histograms
 * and health.
 */
@ExtendWith(ApplicationExtension.class)
class TeachingTabsTest {
    private static final TrainingSet GENERATED = TrainFixture.generated(3000, 500, 5);
    private TrainFixture app;

    @Start
    void start(Stage stage) {
        app = new TrainFixture(stage, Locale.ENGLISH, TrainingSource.of(GENERATED));
    }

    @AfterEach
    void stop() {
        app.model().shutdown();
        app.explorer.comparison().shutdown();
    }

    @Test
    void theConfusionMatrixOfTheRunOpensItsDigitsInTheStepThrough(FxRobot robot) throws Exception {
        robot.interact(() -> {
            TrainingSettings s = app.model().settings();
            s.lengthProperty().set("120");
            s.batchProperty().set("50");
            s.learningRateProperty().set("0.05");
        });
        robot.clickOn("#trainStartButton");
        TrainFixture.await(60, () -> app.model().state() == TrainingState.COMPLETED);
        robot.clickOn("#trainTabConfusion");
        WaitForAsyncUtils.waitForFxEvents();

        EpochConfusion last = app.model().confusionProperty().get();
        assertNotNull(last);
        ConfusionMatrix m = last.matrix();
        assertEquals(500, m.total());
        double testAccuracy = app.model().log().epochs().get(app.model().log().epochs().size() - 1).test();
        assertEquals(testAccuracy * 500, m.correct(), 1e-9, "the matrix of the last accuracy pass");
        int shown = 0;
        for (int t = 0; t < 10; t++) {
            for (int p = 0; p < 10; p++) {
                Button cell = robot.lookup("#confusion-" + t + "-" + p).queryButton();
                assertEquals(Integer.toString(m.count(t, p)), cell.getText());
                // app.css's colour for right answers on the diagonal, for mistakes elsewhere
                String rgb = t == p ? "rgba(68, 147, 248, " : "rgba(218, 54, 51, ";
                assertTrue(cell.getStyle().contains(rgb), t + "," + p + ": " + cell.getStyle());
                shown += Integer.parseInt(cell.getText());
            }
        }
        assertEquals(500, shown);

        // the busiest mistake (or, with none, the busiest right answer)
        int[] cell = busiestCell(m);
        robot.clickOn("#confusion-" + cell[0] + "-" + cell[1]);
        WaitForAsyncUtils.waitForFxEvents();
        int[] samples = m.samples(cell[0], cell[1]);
        FlowPane digits = robot.lookup("#confusionDigits").queryAs(FlowPane.class);
        assertEquals(Math.min(samples.length, 120), digits.getChildren().size());
        assertTrue(robot.lookup("#confusionCellTitle").queryAs(Label.class).getText()
                .contains(samples.length + " test digits that are " + cell[0]));

        robot.clickOn("#confusion-digit-" + samples[0]);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("mnist", app.window.currentPageId());
        LessonModel lesson = app.explorer.lesson(Example.MNIST);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> lesson.status() == LessonModel.Status.READY);
        Tensor x = lesson.trace().x();
        double[] expected = Arrays.copyOfRange(GENERATED.data().testImages().data, samples[0] * 784,
                (samples[0] + 1) * 784);
        assertArrayEquals(expected, x.row(0), 0, "the lesson steps through that test digit");
        assertEquals(cell[0], argmax(lesson.trace().t().row(0)), "with its true label as t");
    }

    @Test
    void figure615sInitsAndTheFormsConfigurationAreComparedWithCurvesHistogramsAndHealth(FxRobot robot)
            throws Exception {
        robot.clickOn("#trainTabCompare");
        robot.clickOn("#compareInits");
        ComparisonQueue queue = app.explorer.comparison();
        // the click loads the training data first (on a background thread), then queues the three
        TrainFixture.await(60, () -> queue.runs().size() == 3);
        assertEquals(List.of("std=0.01", "Xavier", "He"), queue.runs().stream().map(ComparisonRun::label).toList());
        TrainFixture.await(180, () -> queue.runs().stream().allMatch(r -> r.status() == ComparisonRun.Status.DONE));

        List<ComparisonRun> runs = List.copyOf(queue.runs());
        for (ComparisonRun r : runs) {
            assertEquals(ComparisonQueue.BOOK_ITERATIONS, r.losses().length, r.label());
            assertEquals(ComparisonQueue.BOOK_BATCH, r.config().batchSize());
            assertEquals(OptimizerKind.SGD, r.config().optimizer());
            assertNotNull(r.end());
            assertTrue(r.health().size() > 50, "health every 20 updates");
            assertTrue(robot.lookup("#compare-run-" + r.id()).queryAs(Label.class).getText().contains("done"));
        }
        // §6.2: with std 0.01 the hidden activations crowd near 0 (half of them are ReLU's zeros
        // whatever the init); He's spread out
        ActivationHistogram small = runs.get(0).start();
        ActivationHistogram he = runs.get(2).start();
        assertTrue(small.share(0) > 0.6, "std 0.01: " + small.share(0) + " in the first bin");
        assertTrue(he.share(0) < small.share(0) - 0.1, "He: " + he.share(0) + " in the first bin, std 0.01: "
                + small.share(0));
        // the update size is measured for every parameter once the biases have moved
        double[][] ratios = runs.get(2).health().log10Ratio();
        for (double[] perParam : ratios) {
            double last = perParam[perParam.length - 1];
            assertTrue(last < 0 && last > -8, "log10 ratio " + last);
        }

        robot.interact(() -> app.model().settings().optimizerProperty().set(OptimizerKind.ADAGRAD));
        robot.clickOn("#compareForm");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, queue.runs().size());
        assertTrue(queue.runs().get(3).label().startsWith("AdaGrad lr 0.01"), queue.runs().get(3).label());
        assertEquals(10_000, queue.runs().get(3).config().iterations(), "the form's configuration as it is");
        robot.clickOn("#compareCancel");
        TrainFixture.await(30, () -> queue.runs().get(3).status() == ComparisonRun.Status.CANCELLED);
        robot.clickOn("#compareClear");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, queue.runs().size());
    }

    @Test
    void theRunsHealthIsMeasuredEveryOnePercentOverAllItsRunsAndShownInItsTab(FxRobot robot) throws Exception {
        robot.interact(() -> {
            TrainingSettings s = app.model().settings();
            s.lengthProperty().set("391"); // updates 0..390: the last one measured is the last one made
            s.batchProperty().set("50");
            s.learningRateProperty().set("0.05");
        });
        robot.clickOn("#trainStartButton");
        TrainFixture.await(60, () -> app.model().state() == TrainingState.COMPLETED);

        TrainingHealth.Series h = app.model().log().health();
        assertEquals(10, TrainingRun.healthEvery(391), "1 % of 391 updates, but at least 10 apart");
        int[] expected = java.util.stream.IntStream.rangeClosed(1, 39).map(k -> 10 * k).toArray();
        assertArrayEquals(expected, h.iterations(), "every 10 updates, each against the weights one update before");
        for (double[] perParameter : h.log10Ratio()) {
            for (double v : perParameter) {
                assertTrue(v > -8 && v < 0, "log10 ‖ΔW‖/‖W‖ = " + v);
            }
        }
        DMatrixRMaj probe = new DMatrixRMaj(TrainingRun.HEALTH_PROBE, 784);
        System.arraycopy(GENERATED.data().testImages().data, 0, probe.data, 0, probe.data.length);
        assertEquals(TrainingHealth.deadShare(app.model().net(), probe), h.deadShare()[h.size() - 1], 0,
                "the dead units of the last update, on the first 100 test digits, counted directly");

        // Continue: the second run's measurements follow the first's, counted on from update 391
        robot.interact(() -> app.model().settings().lengthProperty().set("200"));
        robot.clickOn("#trainContinueButton");
        TrainFixture.await(60, () -> app.model().state() == TrainingState.COMPLETED);
        TrainingHealth.Series both = app.model().log().health();
        assertEquals(39 + 19, both.size());
        assertArrayEquals(expected, java.util.Arrays.copyOf(both.iterations(), 39), "the first run's stay");
        assertEquals(391 + 10, both.iterations()[39]);
        assertEquals(391 + 190, both.iterations()[both.size() - 1]);

        robot.clickOn("#trainTabHealth");
        WaitForAsyncUtils.waitForFxEvents();
        RunHealthPane pane = robot.lookup("#runHealthPane").queryAs(RunHealthPane.class);
        assertArrayEquals(both.iterations(), pane.shown().iterations(), "the tab shows all of it");
        for (String chart : List.of("#runUpdateRatio", "#runDeadUnits")) {
            ChartCanvas canvas = robot.lookup(chart).queryAs(ChartCanvas.class);
            assertTrue(canvas.redraws() > 0 && canvas.getWidth() > 200, chart + " is drawn");
        }

        // a new run starts the health over
        robot.interact(() -> app.model().settings().lengthProperty().set("100"));
        robot.clickOn("#trainStartButton");
        TrainFixture.await(60, () -> app.model().state() == TrainingState.COMPLETED);
        assertArrayEquals(java.util.stream.IntStream.rangeClosed(1, 9).map(k -> 10 * k).toArray(),
                app.model().log().health().iterations());
        TrainFixture.await(10, () -> pane.shown().size() == 9);
    }

    /**
     * The presets' values are those of the book's scripts for the two figures (its repository,
     * ch06/optimizer_compare_mnist.py and weight_init_compare.py, with the defaults of
     * common/optimizer.py and common/multi_layer_net.py): batches of 128, 2,000 iterations;
     * figure 6-9 SGD, Momentum and AdaGrad at 0.01, Adam at 0.001, He's init, ReLU; figure 6-15
     * std 0.01, Xavier and He with ReLU and SGD at 0.01. The hidden size and seed are the form's.
     */
    @Test
    void theBooksPresetsQueueItsScriptsConfigurationsAndTheFormsIsAddedAsItIs(FxRobot robot) throws Exception {
        robot.interact(() -> {
            TrainingSettings s = app.model().settings();
            s.hiddenProperty().set("30");
            s.seedProperty().set("7");
            s.initStdProperty().set("0.05");
            s.activationProperty().set(Activation.SIGMOID);
            s.optimizerProperty().set(OptimizerKind.MOMENTUM);
            s.learningRateProperty().set("0.2");
            s.batchProperty().set("64");
            s.lengthProperty().set("500");
        });
        robot.clickOn("#trainTabCompare");
        ComparisonQueue queue = app.explorer.comparison();

        robot.clickOn("#compareOptimizers");
        TrainFixture.await(60, () -> queue.runs().size() == 4); // after the data has loaded
        robot.clickOn("#compareCancel");
        assertEquals(List.of("SGD lr 0.01", "Momentum lr 0.01", "AdaGrad lr 0.01", "Adam lr 0.001"), labels(queue));
        assertEquals(List.of(book(OptimizerKind.SGD, 0.01, WeightInit.HE), book(OptimizerKind.MOMENTUM, 0.01,
                WeightInit.HE), book(OptimizerKind.ADAGRAD, 0.01, WeightInit.HE), book(OptimizerKind.ADAM, 0.001,
                WeightInit.HE)), configs(queue));
        robot.clickOn("#compareClear");

        robot.clickOn("#compareInits");
        TrainFixture.await(60, () -> queue.runs().size() == 3);
        robot.clickOn("#compareCancel");
        assertEquals(List.of("std=0.01", "Xavier", "He"), labels(queue));
        assertEquals(List.of(book(OptimizerKind.SGD, 0.01, WeightInit.fixed(0.01)), book(OptimizerKind.SGD, 0.01,
                WeightInit.XAVIER), book(OptimizerKind.SGD, 0.01, WeightInit.HE)), configs(queue));
        robot.clickOn("#compareClear");

        robot.clickOn("#compareForm");
        TrainFixture.await(60, () -> queue.runs().size() == 1);
        robot.clickOn("#compareCancel");
        assertEquals(List.of(new TrainingConfig(30, 64, 0.2, WeightInit.fixed(0.05), 500, Activation.SIGMOID, 7,
                OptimizerKind.MOMENTUM)), configs(queue), "the form's configuration as it is");
        assertEquals("Momentum lr 0.2, sigmoid, init 0.05, h 30, batch 64", queue.runs().get(0).label());
        robot.clickOn("#compareClear");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, queue.runs().size());
    }

    private static TrainingConfig book(OptimizerKind optimizer, double rate, WeightInit init) {
        return new TrainingConfig(30, 128, rate, init, 2000, Activation.RELU, 7, optimizer);
    }

    private static List<String> labels(ComparisonQueue queue) {
        return queue.runs().stream().map(ComparisonRun::label).toList();
    }

    private static List<TrainingConfig> configs(ComparisonQueue queue) {
        return queue.runs().stream().map(ComparisonRun::config).toList();
    }

    private static int[] busiestCell(ConfusionMatrix m) {
        int[] best = {0, 0};
        int bestCount = -1;
        boolean anyMistake = m.correct() < m.total();
        for (int t = 0; t < 10; t++) {
            for (int p = 0; p < 10; p++) {
                if ((t != p) == anyMistake && m.count(t, p) > bestCount) {
                    bestCount = m.count(t, p);
                    best = new int[] {t, p};
                }
            }
        }
        return best;
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            best = values[i] > values[best] ? i : best;
        }
        return best;
    }
}
