package com.backpropexplorer.ui.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.data.DataException;
import com.backpropexplorer.data.ModelData;
import com.backpropexplorer.data.ModelFiles;
import com.backpropexplorer.engine.Matrices;
import com.backpropexplorer.engine.TwoLayerNet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The training view driven through its buttons, on a small generated set so it always runs
 * (the real-MNIST run is {@link TrainingMnistTest}).
 */
@ExtendWith(ApplicationExtension.class)
class TrainingViewTest {
    private static final TrainingSet GENERATED = TrainFixture.generated(3000, 500, 5);
    private TrainFixture app;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        app = new TrainFixture(stage, Locale.ENGLISH, TrainingSource.of(GENERATED));
    }

    @AfterEach
    void stopTraining() {
        app.model().shutdown();
    }

    private void settings(FxRobot robot, String iterations, String batch, String rate) {
        robot.interact(() -> {
            TrainingSettings s = app.model().settings();
            s.lengthProperty().set(iterations);
            s.batchProperty().set(batch);
            s.learningRateProperty().set(rate);
        });
    }

    private void trainBriefly(FxRobot robot, int iterations) throws Exception {
        settings(robot, Integer.toString(iterations), "50", "0.1");
        robot.clickOn("#trainStartButton");
        TrainFixture.await(60, () -> app.model().state() == TrainingState.COMPLETED);
    }

    @Test
    void aShortRunStartedFromTheViewFillsTheChartsTheTilesAndTheProgress(FxRobot robot) throws Exception {
        TrainingPage page = app.page();
        int tilesBefore = page.tiles().updates();
        trainBriefly(robot, 300);

        TrainingModel model = app.model();
        assertEquals(300, model.log().size(), "every loss is logged");
        assertEquals(300, model.progress().doneProperty().get());
        // iteration 0 and 60 (3000 / 50 per epoch), ... as the book measures
        assertEquals(List.of(0, 60, 120, 180, 240, 299),
                model.log().epochs().stream().map(TrainingLog.EpochPoint::iteration).toList());
        double firstLoss = model.log().loss(0);
        double lastLosses = 0;
        for (int i = 250; i < 300; i++) {
            lastLosses += model.log().loss(i) / 50;
        }
        assertTrue(lastLosses < firstLoss / 2, "the loss falls: " + firstLoss + " -> " + lastLosses);
        assertTrue(model.log().epochs().get(4).test() > 0.8, "it learns: " + model.log().epochs());

        assertEquals(1.0, robot.lookup("#trainProgress").queryAs(ProgressBar.class).getProgress(), 1e-9);
        String progress = robot.lookup("#trainProgressText").queryAs(Label.class).getText();
        assertTrue(progress.contains("300 of 300"), progress);
        assertTrue(robot.lookup("#trainNotice").queryAs(Label.class).getText().startsWith("Done"));
        // the charts redrew, but once per batch of news, not once per update
        int redraws = page.lossChart().redraws();
        assertTrue(redraws > 0 && redraws < 300, "loss chart redraws: " + redraws);
        assertTrue(page.accuracyChart().redraws() > 0);
        assertTrue(page.tiles().updates() > tilesBefore, "W1 drawn");
        // 50 hidden units as 28×28 tiles, 10 a row with 2 px between them: 5 rows
        javafx.scene.image.WritableImage tiles = page.tiles().image();
        assertNotNull(tiles, "W1 is drawn as tiles");
        assertEquals(10 * 28 + 9 * 2, (int) tiles.getWidth());
        assertEquals(5 * 28 + 4 * 2, (int) tiles.getHeight());
        java.util.Set<Integer> shades = new java.util.HashSet<>();
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                shades.add(tiles.getPixelReader().getArgb(x, y));
            }
        }
        assertTrue(shades.size() > 10, "the first tile shows the trained weights, not a flat colour: " + shades.size());
        assertTrue(page.strip().rightCount() >= 15, "most test digits right: " + page.strip().rightCount());

        // the explainer and the digit canvas get a copy of the trained net
        TwoLayerNet shown = app.explorer.trainedNet().get();
        assertNotNull(shown);
        assertNotSame(model.net(), shown);
        assertArrayEquals(model.net().params().get("W1").data, shown.params().get("W1").data);
    }

    @Test
    void pauseHoldsTheRunResumeGoesOnAndStopKeepsTheWeights(FxRobot robot) throws Exception {
        settings(robot, "1000000", "50", "0.1");
        robot.clickOn("#trainStartButton");
        TrainFixture.await(30, () -> app.model().progress().doneProperty().get() > 20);

        robot.clickOn("#trainPauseButton");
        TrainFixture.await(10, () -> app.explorer.trainedNet().get() != null);
        assertEquals(TrainingState.PAUSED, app.model().state());
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        int pausedAt = app.model().progress().doneProperty().get();
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(pausedAt, app.model().progress().doneProperty().get(), "no update while paused");
        assertEquals(pausedAt, app.model().log().size());
        assertTrue(robot.lookup("#trainResumeButton").queryButton().isDisabled() == false);
        assertTrue(robot.lookup("#trainPauseButton").queryButton().isDisabled());

        robot.clickOn("#trainResumeButton");
        TrainFixture.await(30, () -> app.model().progress().doneProperty().get() > pausedAt + 20);
        assertEquals(TrainingState.RUNNING, app.model().state());

        Thread thread = app.model().runThread();
        assertTrue(thread.isDaemon(), "the trainer never keeps the app alive");
        robot.clickOn("#trainStopButton");
        TrainFixture.await(10, () -> app.model().state() == TrainingState.STOPPED);
        thread.join(TimeUnit.SECONDS.toMillis(5));
        assertFalse(thread.isAlive());
        assertTrue(robot.lookup("#trainNotice").queryAs(Label.class).getText().startsWith("Stopped after"));
        assertEquals(app.model().log().size(), app.model().progress().doneProperty().get());
        assertFalse(robot.lookup("#trainContinueButton").queryButton().isDisabled(), "a stopped net can go on");

        // Continue trains the same net on, counting on from where it stopped
        int stoppedAt = app.model().log().size();
        settings(robot, "40", "50", "0.05");
        robot.clickOn("#trainContinueButton");
        TrainFixture.await(30, () -> app.model().state() == TrainingState.COMPLETED);
        assertEquals(stoppedAt + 40, app.model().log().size());
    }

    @Test
    void theCountersAgreeAndContinueGoesOnToThePlanAStopCutShort(FxRobot robot) throws Exception {
        String before = robot.lookup("#trainProgressText").queryAs(Label.class).getText();
        assertEquals("Ready: no net trained yet", before, "no \"iteration 0 of 0\" before a run");
        settings(robot, "100000", "50", "0.1");
        robot.clickOn("#trainStartButton");
        TrainFixture.await(30, () -> app.model().progress().doneProperty().get() > 20);
        assertEquals(app.explorer.i18n().text("train.status.running"), app.explorer.status().text(),
                "no \"press Start\" while training");
        robot.clickOn("#trainPauseButton");
        TrainFixture.await(10, () -> app.model().state() == TrainingState.PAUSED);
        assertEquals(app.explorer.i18n().text("train.status.paused"), app.explorer.status().text());
        robot.clickOn("#trainStopButton");
        TrainFixture.await(10, () -> app.model().state() == TrainingState.STOPPED);
        Thread.sleep(200); // a late progress must not change the count after the end
        WaitForAsyncUtils.waitForFxEvents();
        int stopped = app.model().progress().doneProperty().get();
        assertEquals(stopped, app.model().log().size());
        assertEquals(String.format(Locale.ENGLISH, "Stopped: iteration %,d of 100,000 · epoch %.2f", stopped,
                app.model().epoch()), robot.lookup("#trainProgressText").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#trainNotice").queryAs(Label.class).getText()
                .startsWith(String.format(Locale.ENGLISH, "Stopped after %,d updates", stopped)), "one number");
        assertEquals(String.format(Locale.ENGLISH, "Continue (+%,d)", 100_000 - stopped),
                robot.lookup("#trainContinueButton").queryButton().getText(), "Continue says how far it goes");

        robot.clickOn("#trainContinueButton");
        TrainFixture.await(30, () -> app.model().progress().doneProperty().get() > stopped + 20);
        assertEquals(100_000, app.model().plannedEnd(), "on to the plan, not 100,000 more");
        robot.clickOn("#trainStopButton");
        TrainFixture.await(10, () -> app.model().state() == TrainingState.STOPPED);
        settings(robot, "30", "50", "0.1");
        assertEquals("Continue (+30)", robot.lookup("#trainContinueButton").queryButton().getText(),
                "\"Train for\" changed: that many more");
    }

    @Test
    void badNumbersAreRefusedWithASentenceAndKeptAsTyped(FxRobot robot) throws Exception {
        TextField rate = robot.lookup("#trainLearningRateField").queryAs(TextField.class);
        robot.interact(() -> rate.setText("0,1"));
        robot.interact(() -> app.model().settings().hiddenProperty().set("-3"));
        robot.clickOn("#trainStartButton");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(TrainingState.IDLE, app.model().state(), "nothing started");
        String notice = robot.lookup("#trainNotice").queryAs(Label.class).getText();
        assertTrue(notice.startsWith("Hidden size: enter a whole number"), notice);
        assertEquals("0,1", rate.getText(), "the typed text is not lost");
        assertTrue(rate.getPseudoClassStates().contains(PseudoClass.getPseudoClass("danger")));
        assertTrue(app.model().settings().invalidFields().containsAll(List.of("hidden", "learningRate")));

        robot.interact(() -> rate.setText("0.1"));
        assertFalse(rate.getPseudoClassStates().contains(PseudoClass.getPseudoClass("danger")));
        for (String bad : List.of("NaN", "Infinity", "-1", "0", "")) {
            robot.interact(() -> rate.setText(bad));
            assertFalse(app.model().settings().parse(3000).ok(), bad + " is not a learning rate");
        }
    }

    @Test
    void aDivergingRunStopsByItselfSaysWhyKeepsFiniteWeightsAndCanContinue(FxRobot robot) throws Exception {
        // the book's loss is guarded (≤ 16.2 a sample): only an absurd rate overflows to NaN
        settings(robot, "2000", "50", "1e120");
        robot.clickOn("#trainStartButton");
        TrainFixture.await(30, () -> app.model().state() == TrainingState.DIVERGED);

        String notice = robot.lookup("#trainNotice").queryAs(Label.class).getText();
        assertTrue(notice.startsWith("Training diverged: at iteration"), notice);
        assertTrue(notice.contains("Lower the learning rate (now 1.0E120)"), notice);
        assertTrue(robot.lookup("#trainNotice").query().getStyleClass().contains("error"));
        TwoLayerNet kept = app.model().net();
        for (DMatrixRMaj p : kept.params().values()) {
            assertTrue(Matrices.allFinite(p), "the kept weights are finite");
        }
        int logged = app.model().log().size();
        assertTrue(logged < 2000);
        for (double loss : app.model().log().losses()) {
            assertTrue(Double.isFinite(loss));
        }
        assertNotNull(app.explorer.trainedNet().get());

        // lower the rate and continue the same net
        settings(robot, "100", "50", "0.1");
        robot.clickOn("#trainContinueButton");
        TrainFixture.await(30, () -> app.model().state() == TrainingState.COMPLETED);
        assertEquals(logged + 100, app.model().log().size());
    }

    @Test
    void aCorruptModelFileIsRefusedWithOneSentenceAndTheCurrentModelIsKept(FxRobot robot) throws Exception {
        trainBriefly(robot, 30);
        TwoLayerNet before = app.explorer.trainedNet().get();
        TwoLayerNet netBefore = app.model().net();
        Path corrupt = dir.resolve("broken.npz");
        Files.write(corrupt, "PK\u0003\u0004 this is not a zip".getBytes(StandardCharsets.ISO_8859_1));

        robot.interact(() -> app.actions().open(corrupt));
        TrainFixture.await(10, () -> robot.lookup("#modelErrorDialog").tryQuery().isPresent());
        String sentence = robot.lookup("#modelErrorText").queryAs(Label.class).getText();
        assertTrue(sentence.contains("broken.npz"), sentence);
        assertFalse(sentence.contains("Exception"), "no stack trace talk: " + sentence);
        assertTrue(sentence.trim().endsWith("."), sentence);
        assertSame(before, app.explorer.trainedNet().get(), "the current model is kept");
        assertSame(netBefore, app.model().net());
        robot.interact(() -> robot.lookup("#modelErrorDialog").query().getScene().getWindow().hide());

        // a well-formed file of the wrong shape is refused too
        Path wrong = dir.resolve("wrong.npz");
        ModelFiles.save(wrong, new ModelData(new TwoLayerNet(10, 5, 3, 0.01).params(), java.util.Map.of()));
        robot.interact(() -> app.actions().open(wrong));
        TrainFixture.await(10, () -> robot.lookup("#modelErrorDialog").tryQuery().isPresent());
        assertTrue(robot.lookup("#modelErrorText").queryAs(Label.class).getText().contains("784 inputs and 10 outputs"));
        assertSame(before, app.explorer.trainedNet().get());
        robot.interact(() -> robot.lookup("#modelErrorDialog").query().getScene().getWindow().hide());
    }

    @Test
    void aDataErrorIsShownInTheWindowsLanguage(FxRobot robot) throws Exception {
        robot.interact(() -> app.window.setLocale(Locale.JAPANESE));
        // a nine-class net: refused by the data layer, said in Japanese in the dialog
        java.util.Map<String, DMatrixRMaj> nine = new java.util.LinkedHashMap<>();
        nine.put("W1", new DMatrixRMaj(784, 4));
        nine.put("b1", new DMatrixRMaj(1, 4));
        nine.put("W2", new DMatrixRMaj(4, 9));
        nine.put("b2", new DMatrixRMaj(1, 9));
        Path file = dir.resolve("nine.bpex");
        ModelFiles.save(file, new ModelData(nine, java.util.Map.of()));
        robot.interact(() -> app.actions().open(file));
        TrainFixture.await(10, () -> robot.lookup("#modelErrorDialog").tryQuery().isPresent());
        assertEquals("nine.bpex は 784-4-9 のネットワークですが、数字を読むには入力層 784・出力層 10 (784-H-10) が必要です。"
                + "MNIST で学習したモデルを選んでください。", robot.lookup("#modelErrorText").queryAs(Label.class).getText());
        robot.interact(() -> robot.lookup("#modelErrorDialog").query().getScene().getWindow().hide());
    }

    @Test
    void savingIsAtomicAndWhatIsSavedOpensAgainEqual(FxRobot robot) throws Exception {
        trainBriefly(robot, 60);
        TwoLayerNet trained = app.model().net();
        for (String name : List.of("model.npz", "model.bpex")) {
            Path file = dir.resolve(name);
            Files.writeString(file, "an older file");
            app.actions().save(file).get(10, TimeUnit.SECONDS);
            try (Stream<Path> files = Files.list(dir)) {
                assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary left");
            }
            ModelData loaded = ModelFiles.load(file);
            assertEquals(ModelFiles.formatFor(file), ModelFiles.Format.valueOf(name.endsWith(".npz") ? "NPZ" : "BPEX"));
            for (String param : TwoLayerNet.PARAM_NAMES) {
                assertArrayEquals(trained.params().get(param).data, loaded.param(param).data, param);
            }
        }
        // a save that cannot complete leaves what was there
        Path folderInTheWay = dir.resolve("taken.npz");
        Files.createDirectory(folderInTheWay);
        Files.writeString(folderInTheWay.resolve("keep.txt"), "keep");
        // refused with the data package's sentence: not a success, and not a wait that ran out
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> app.explorer.netFiles().save(folderInTheWay).get(10, TimeUnit.SECONDS), "saving over a folder fails");
        assertInstanceOf(DataException.class, refused.getCause(), String.valueOf(refused.getCause()));
        assertEquals("keep", Files.readString(folderInTheWay.resolve("keep.txt")));

        // open it back: it becomes the current net
        robot.interact(() -> app.actions().open(dir.resolve("model.bpex")));
        TrainFixture.await(10, () -> app.model().noticeProperty().get() != null
                && app.model().noticeProperty().get().key().equals("train.notice.opened"));
        assertArrayEquals(trained.params().get("W2").data, app.explorer.trainedNet().get().params().get("W2").data);
        assertEquals(0, app.model().log().size(), "a fresh log for the opened net");
        assertNotNull(app.page().tiles().image(), "its W1 is drawn");
    }

    @Test
    void theLogIsExportedAsCsvWithLossesAndEpochAccuracies(FxRobot robot) throws Exception {
        trainBriefly(robot, 120);
        Path csv = dir.resolve("log.csv");
        app.explorer.netFiles().exportCsv(csv).get(10, TimeUnit.SECONDS);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("iteration,epoch,loss,train_acc,test_acc", lines.get(0));
        assertEquals(121, lines.size());
        String[] first = lines.get(1).split(",", -1);
        assertEquals("0", first[0]);
        assertEquals(app.model().log().loss(0), Double.parseDouble(first[2]));
        assertEquals(app.model().log().epochs().get(0).test(), Double.parseDouble(first[4]));
        assertEquals("", lines.get(2).split(",", -1)[3], "accuracies only where measured");
        assertFalse(lines.get(61).split(",", -1)[3].isEmpty(), "iteration 60 is an epoch boundary");
    }

    @Test
    void closingTheAppEndsTheTrainerThreadPromptly(FxRobot robot) throws Exception {
        // the MNIST lesson opened first: the end of the run hands its net to that lesson, whose
        // reload then meets a shut-down executor (once a stack trace: issue 16)
        List<Throwable> uncaught = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler[] before = new Thread.UncaughtExceptionHandler[1];
        robot.interact(() -> {
            before[0] = Thread.currentThread().getUncaughtExceptionHandler();
            Thread.currentThread().setUncaughtExceptionHandler((t, e) -> uncaught.add(e));
            app.window.showPage("mnist");
            app.window.showPage("train");
        });
        settings(robot, "1000000", "50", "0.1");
        robot.clickOn("#trainStartButton");
        TrainFixture.await(30, () -> app.model().progress().doneProperty().get() > 5);
        Thread thread = app.model().runThread();
        assertTrue(thread.isAlive());
        long start = System.nanoTime();
        robot.interact(app.explorer::shutdown); // what the stage's onHidden runs
        thread.join(TimeUnit.SECONDS.toMillis(5));
        assertFalse(thread.isAlive(), "the trainer thread ended");
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler(before[0]));
        assertEquals(List.of(), uncaught, "no stack trace on closing");
    }

    @Test
    void aLanguageSwitchRebuildsTheViewWithoutDisturbingTheRun(FxRobot robot) throws Exception {
        settings(robot, "1000000", "50", "0.1");
        robot.clickOn("#trainStartButton");
        TrainFixture.await(30, () -> app.model().progress().doneProperty().get() > 5);
        TrainingPage before = app.page();
        robot.interact(() -> app.window.setLocale(Locale.JAPANESE));
        TrainingPage after = app.page();
        assertNotSame(before, after);
        int seen = app.model().progress().doneProperty().get();
        TrainFixture.await(30, () -> app.model().progress().doneProperty().get() > seen + 20);
        assertTrue(robot.lookup("#trainProgressText").queryAs(Label.class).getText().startsWith("学習中"));
        assertEquals("開始", robot.lookup("#trainStartButton").queryButton().getText());
        assertTrue(after.lossChart().redraws() > 0);
        robot.clickOn("#trainStopButton");
        TrainFixture.await(10, () -> app.model().state() == TrainingState.STOPPED);
    }
}
