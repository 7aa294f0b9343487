package com.backpropexplorer.ui.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.data.DataException;
import com.backpropexplorer.data.ModelData;
import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.OptimizerKind;
import com.backpropexplorer.engine.TrainingConfig;
import com.backpropexplorer.engine.TwoLayerNet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.paint.Color;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The view's pure parts: settings parsing, the snapshot channel, the log, the W1 picture. */
class TrainingPartsTest {

    @Test
    void theDefaultsAreTheBooksRecipe() {
        TrainingSettings.Parsed parsed = new TrainingSettings().parse(60_000);
        assertTrue(parsed.ok());
        TrainingConfig c = parsed.config();
        assertEquals(TrainingConfig.book(TrainingSettings.DEFAULT_SEED), c);
    }

    @Test
    void epochsBecomeIterationsAsTheBookCountsThem() {
        TrainingSettings s = new TrainingSettings();
        s.inEpochsProperty().set(true);
        s.lengthProperty().set("17");
        assertEquals(17 * 600, s.parse(60_000).config().iterations());
        s.batchProperty().set("70000");
        assertFalse(s.parse(60_000).ok(), "a batch larger than the set");
    }

    @Test
    void everyBadFieldIsNamedAndNothingIsChanged() {
        TrainingSettings s = new TrainingSettings();
        s.hiddenProperty().set("fifty");
        s.initStdProperty().set("-0.01");
        s.seedProperty().set("1.5");
        TrainingSettings.Parsed parsed = s.parse(60_000);
        assertNull(parsed.config());
        assertEquals(List.of("hidden", "initStd", "seed"), parsed.problems().stream().map(TrainingSettings.Problem::field)
                .toList());
        assertEquals("fifty", s.hiddenProperty().get());
    }

    @Test
    void theInitFieldTakesXavierHeOrANumber() {
        TrainingSettings s = new TrainingSettings();
        assertEquals("0.01", s.initStdProperty().get());
        s.initStdProperty().set("He");
        assertEquals(com.backpropexplorer.engine.WeightInit.HE, s.parse(60_000).config().weightInit());
        s.initStdProperty().set("xavier");
        assertEquals(com.backpropexplorer.engine.WeightInit.XAVIER, s.parse(60_000).config().weightInit());
        assertTrue(TrainingSettings.looksValid(TrainingSettings.INIT_STD, "he"));
        assertFalse(TrainingSettings.looksValid(TrainingSettings.INIT_STD, "glorot"));
        s.optimizerProperty().set(OptimizerKind.ADAGRAD);
        assertEquals("0.01", s.learningRateProperty().get(), "AdaGrad's rate of common/optimizer.py");
        assertEquals(OptimizerKind.ADAGRAD, s.parse(60_000).config().optimizer());
    }

    @Test
    void choosingAnotherOptimizerBringsItsRateUnlessOneWasTyped() {
        TrainingSettings s = new TrainingSettings();
        s.optimizerProperty().set(OptimizerKind.ADAM);
        assertEquals("0.001", s.learningRateProperty().get());
        s.learningRateProperty().set("0.005");
        s.optimizerProperty().set(OptimizerKind.MOMENTUM);
        assertEquals("0.005", s.learningRateProperty().get());
    }

    @Test
    void theChannelCoalescesProgressAndKeepsEveryEventInOrder() {
        List<Runnable> fxQueue = new ArrayList<>();
        List<TrainingEvent> events = new ArrayList<>();
        List<Progress> shown = new ArrayList<>();
        int[] drains = {0};
        SnapshotChannel channel = new SnapshotChannel(fxQueue::add, events::add, shown::add, () -> drains[0]++);
        WeightPicture picture = WeightPicture.of(new DMatrixRMaj(784, 3));
        channel.progress(new Progress(1, 1, 100, 0.1, picture, new int[] {1}));
        for (int i = 2; i <= 1000; i++) {
            channel.event(new TrainingEvent.Losses(i - 1, new double[] {i}));
            channel.progress(new Progress(i, i, 100, 0.1, null, null));
        }
        assertEquals(1, fxQueue.size(), "one drain waits, however much is published");
        fxQueue.remove(0).run();
        assertEquals(999, events.size());
        assertEquals(1, shown.size());
        assertEquals(1000, shown.get(0).done(), "only the newest progress is drawn");
        assertNotNull(shown.get(0).weights(), "a picture not yet drawn survives newer progress without one");
        assertEquals(1, drains[0]);
        channel.progress(new Progress(1001, 1001, 100, 0.1, null, null));
        assertEquals(1, fxQueue.size(), "after a drain, news schedule the next one");
    }

    @Test
    void theHeartbeatSaysHowLongTheFxThreadHasLeftItWaiting() {
        List<Runnable> fxQueue = new ArrayList<>();
        SnapshotChannel channel = new SnapshotChannel(fxQueue::add, e -> { }, p -> { }, () -> { });
        long ms = 1_000_000;
        long t = 5_000 * ms;
        assertEquals(0, channel.fxLateness(t), "nothing was waiting: a heartbeat goes out");
        assertEquals(1, fxQueue.size());
        assertEquals(3 * ms, channel.fxLateness(t + 3 * ms));
        assertEquals(30 * ms, channel.fxLateness(t + 30 * ms), "a frozen FX thread gets later and later");
        assertEquals(1, fxQueue.size(), "one heartbeat at a time");
        fxQueue.remove(0).run();
        assertEquals(0, channel.fxLateness(t + 31 * ms), "taken: on time again, and the next one goes out");
        assertEquals(1, fxQueue.size());
        fxQueue.remove(0).run();
        assertEquals(0, channel.fxLateness(t + 32 * ms));
        assertEquals(0, fxQueue.size(), "no more than one every " + SnapshotChannel.HEARTBEAT_MILLIS + " ms");
        assertEquals(0, channel.fxLateness(t + 31 * ms + SnapshotChannel.HEARTBEAT_MILLIS * ms));
        assertEquals(1, fxQueue.size());
    }

    /**
     * With the FX thread not taking anything, the trainer naps at every update, until the wait
     * says the FX thread is blocked rather than short of a core; then it trains on at full
     * speed. Stop ends it either way.
     */
    @Test
    void aRunStepsAsideWhileTheWindowIsLate() throws Exception {
        java.util.Random random = new java.util.Random(3);
        DMatrixRMaj x = new DMatrixRMaj(200, 784); // pictures of 28×28, as the W1 tiles expect
        int[] t = new int[200];
        for (int i = 0; i < 200; i++) {
            t[i] = i % 3;
            for (int k = 0; k < 784; k += 7) {
                x.set(i, k, random.nextDouble() * (k % 3 == t[i] ? 1 : 0.2));
            }
        }
        com.backpropexplorer.engine.TrainingData data = new com.backpropexplorer.engine.TrainingData(x, t, x, t);
        TrainingConfig config = TrainingConfig.book(1).withIterations(100_000).withBatchSize(20);
        // the run has one window to show it steps aside (between 10 and 250 ms after its first
        // heartbeat): the kernel compiled first, so that no update then takes a good part of it
        new com.backpropexplorer.engine.Trainer(config.newNet(784, 3), config.withIterations(2_000), data,
                com.backpropexplorer.engine.fast.FastKernels.onThreads(1)).run(
                com.backpropexplorer.engine.TrainingListener.NONE);
        SnapshotChannel frozen = new SnapshotChannel(task -> { }, e -> { }, p -> { }, () -> { });
        TrainingRun run = new TrainingRun(() -> new com.backpropexplorer.engine.Trainer(config.newNet(784, 3), config, data,
                com.backpropexplorer.engine.fast.FastKernels.onThreads(1)), config, 0, 200, new DMatrixRMaj(0, 784), frozen);
        run.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        // at least 20 of the 240 ms between "late" (10 ms) and "blocked" (250 ms): on a loaded
        // machine the trainer itself waits for a core much of that time, so not all of it
        while (run.stepAsideNanos() < 20_000_000L && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(TrainingRun.BLOCKED_MILLIS + 200);
        long stepped = run.stepAsideNanos();
        Thread.sleep(300);
        assertTrue(run.thread().isAlive(), "the run is still going");
        assertTrue(stepped >= 20_000_000L, "stepped aside for " + stepped / 1e6 + " ms");
        assertTrue(stepped <= (TrainingRun.BLOCKED_MILLIS + TrainingRun.MAX_NAP_MILLIS) * 1_000_000L,
                "stepped aside for " + stepped / 1e6 + " ms");
        assertEquals(stepped, run.stepAsideNanos(), "a blocked window no longer slows training");
        run.cancel();
        run.thread().join(2_000);
        assertFalse(run.thread().isAlive(), "Stop ends a run that is stepping aside");
    }

    @Test
    void theWeightPictureUsesOneScaleForAllTilesAndTheColoursItIsGiven() {
        DMatrixRMaj w1 = new DMatrixRMaj(784, 12);
        for (int i = 0; i < w1.data.length; i++) {
            w1.data[i] = 0.01 * ((i * 7919) % 13 - 6) / 6.0; // |w| up to 0.01 everywhere
        }
        w1.set(0, 0, 0.5);
        w1.set(1, 0, -0.25);
        w1.set(0, 11, 0.25);
        w1.set(5, 3, 1e6); // one outlier does not wash out the rest
        WeightPicture p = WeightPicture.of(w1);
        assertEquals(10 * 28 + 9 * 2, p.width());
        assertEquals(2 * 28 + 2, p.height());
        assertEquals(0.01, p.maxAbs(), 1e-12, "the 99th percentile of |w|");
        int[] argb = p.argb(Color.web("#1f6feb"), Color.web("#6e7781"));
        int strongest = argb[0];
        int negative = argb[1];
        int other = argb[(28 + 2) * p.width() + 30]; // unit 11: second row, second tile, pixel 0
        assertEquals(255, strongest >>> 24, "|w| at or above the scale is fully opaque");
        assertEquals(0x1f6feb, strongest & 0xffffff, "positive: the forward colour");
        assertEquals(0x6e7781, negative & 0xffffff, "negative: grey");
        assertEquals(negative >>> 24, other >>> 24, "one scale for every tile");
        int faint = argb[2]; // |w| = 0.01 * k / 6 < 0.01
        assertTrue((faint >>> 24) < 255);
        assertEquals(0, argb[28], "between tiles: nothing");
    }

    @Test
    void aModelFileMustHoldTheBooksMnistNet() {
        TwoLayerNet book = new TwoLayerNet(784, 50, 10, 0.01);
        assertEquals(50, NetFiles.toNet(new ModelData(book.params(), Map.of()), "m.npz").hiddenSize());
        assertEquals(Activation.SIGMOID, NetFiles.toNet(new ModelData(book.params(),
                Map.of(ModelData.ACTIVATION, "sigmoid")), "m.bpex").activation());
        DataException small = assertThrows(DataException.class, () -> NetFiles.toNet(
                new ModelData(new TwoLayerNet(4, 3, 2, 0.01).params(), Map.of()), "tiny.npz"));
        assertTrue(small.getMessage().startsWith("tiny.npz holds a 4-3-2 net"), small.getMessage());
        Map<String, DMatrixRMaj> three = new java.util.LinkedHashMap<>(book.params());
        three.put("W3", new DMatrixRMaj(10, 10));
        three.put("b3", new DMatrixRMaj(1, 10));
        assertTrue(assertThrows(DataException.class, () -> NetFiles.toNet(new ModelData(three, Map.of()), "deep.npz"))
                .getMessage().contains("3 layers"));
    }

    /** A data error in a notice is said in the language of the moment, so a language switch says it again. */
    @Test
    void aNoticeSaysItsDataErrorInTheWindowsLanguage() {
        DataException error = new DataException("model.notTwoLayer", "deep.npz", 3);
        Notice notice = Notice.error("train.notice.error", error);
        String english = notice.text(new com.backpropexplorer.ui.I18n(java.util.Locale.ENGLISH));
        String japanese = notice.text(new com.backpropexplorer.ui.I18n(java.util.Locale.JAPANESE));
        assertEquals(error.message(java.util.Locale.ENGLISH), english);
        assertEquals(error.message(java.util.Locale.JAPANESE), japanese);
        assertTrue(english.startsWith("deep.npz holds a net of 3 layers"), english);
        assertFalse(japanese.equals(english), japanese);
    }

    @Test
    void theCsvHasOneRowPerUpdate() {
        TrainingLog log = new TrainingLog();
        log.setIterationsPerEpoch(2);
        log.appendLosses(0, new double[] {2.3, 2.0, 1.5});
        log.addEpoch(new TrainingLog.EpochPoint(0, 0.1, 0.2));
        log.addEpoch(new TrainingLog.EpochPoint(2, 0.5, 0.4));
        log.appendLosses(7, new double[] {9}); // a stray chunk of a replaced run is ignored
        assertEquals("iteration,epoch,loss,train_acc,test_acc\n0,0.0000,2.3,0.1,0.2\n1,0.5000,2.0,,\n"
                + "2,1.0000,1.5,0.5,0.4\n", log.toCsv());
        assertArrayEquals(new double[] {2.3, 2.0, 1.5}, log.losses());
    }
}
