package com.backpropexplorer.ui.train;

import com.backpropexplorer.engine.TrainingConfig;
import com.backpropexplorer.engine.TrainingData;
import com.backpropexplorer.engine.TrainingSummary;
import com.backpropexplorer.engine.TwoLayerNet;
import com.backpropexplorer.engine.fast.FastKernels;
import com.backpropexplorer.ui.shared.TrainedNet;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The training view's run: Start, Continue, Pause, Resume, Stop, and what the run reports. It
 * outlives the page, so that a language or theme switch (which rebuilds the page) loses
 * nothing, not even a run in progress. Lives on the FX thread; the training itself runs in a
 * {@link TrainingRun} on its own daemon thread, which owns the live net and sends copies back
 * through a {@link SnapshotChannel}. The examples come from the {@link DatasetModel}; how far
 * the net has come is in its {@link RunProgress}, the plan Continue goes on to in a
 * {@link RunPlan}, and what an ending says in {@link RunEnding}.
 *
 * <p>The net held here ({@link #net()}) is the FX thread's copy of the latest weights: the one
 * "Continue" trains further, "Save" writes, and that is handed (as another copy) to the
 * {@link TrainedNet} whenever a run pauses or ends or a model is opened.
 */
public final class TrainingModel {
    private final DatasetModel dataset;
    private final TrainedNet trained;
    /**
     * On two cores one training thread, so that the other core stays free for the FX thread and
     * the renderer; with more cores the step takes a second thread too.
     */
    private final FastKernels kernels = FastKernels.onThreads(Runtime.getRuntime().availableProcessors() > 2 ? 2 : 1);
    private final TrainingSettings settings = new TrainingSettings();
    private final TrainingLog log = new TrainingLog();

    private final ReadOnlyObjectWrapper<TrainingState> state =
            new ReadOnlyObjectWrapper<>(this, "state", TrainingState.IDLE);
    private final RunProgress progress = new RunProgress();
    private final RunPlan plan = new RunPlan();
    private final ReadOnlyObjectWrapper<WeightPicture> weights = new ReadOnlyObjectWrapper<>(this, "weights");
    private final ReadOnlyObjectWrapper<EpochConfusion> confusion = new ReadOnlyObjectWrapper<>(this, "confusion");
    private final ReadOnlyObjectWrapper<int[]> predictions = new ReadOnlyObjectWrapper<>(this, "predictions");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final ReadOnlyBooleanWrapper hasNet = new ReadOnlyBooleanWrapper(this, "hasNet");
    private TwoLayerNet net;
    private TrainingRun run;
    private SnapshotChannel channel;
    private TrainingSummary lastSummary;

    /**
     * @param dataset where the examples come from
     * @param trained where the trained (or opened) net goes for the other pages
     */
    public TrainingModel(DatasetModel dataset, TrainedNet trained) {
        this.dataset = dataset;
        this.trained = trained;
        dataset.keepWhile(() -> state.get().active());
    }

    // ------------------------------------------------------------ read-only state

    public TrainingSettings settings() {
        return settings;
    }

    public TrainingLog log() {
        return log;
    }

    public ReadOnlyObjectProperty<TrainingState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public TrainingState state() {
        return state.get();
    }

    /** How far the net has come: its updates, its training time, the present speed. */
    public RunProgress progress() {
        return progress;
    }

    /** Epochs done (fractional): updates over iterations per epoch. */
    public double epoch() {
        return progress.epochs(log.iterationsPerEpoch());
    }

    /** The update the present run will end at (the charts' x axes reach that far). */
    public int plannedEnd() {
        return progress.plannedEnd();
    }

    /**
     * How many updates Continue would make now: the rest of a plan a Stop cut short, else what
     * "Train for" says (-1 when that field does not parse).
     */
    public int continueLength() {
        if (goesOnToPlan()) {
            return plan.remaining(log.size());
        }
        TrainingSet set = dataset.data();
        TrainingSettings.Parsed parsed = settings.parse(set != null ? set.data().trainSize() : 60_000);
        return parsed.ok() ? parsed.config().iterations() : -1;
    }

    /**
     * Whether Continue goes on to the plan a Stop (or divergence) cut short: it does unless
     * "Train for" was changed since; otherwise, and after a finished run, it trains for "Train
     * for" more.
     */
    private boolean goesOnToPlan() {
        return plan.goesOn(log.size(), settings.lengthText());
    }

    public ReadOnlyObjectProperty<WeightPicture> weightsProperty() {
        return weights.getReadOnlyProperty();
    }

    /** The fast kernels the page trains with; they keep the sparse copies of the loaded set, so others can share them. */
    public FastKernels kernels() {
        return kernels;
    }

    /** The test set's confusion matrix of the last epoch, with the weights that made it, or null. */
    public ReadOnlyObjectProperty<EpochConfusion> confusionProperty() {
        return confusion.getReadOnlyProperty();
    }

    /** The class predicted for each digit of the dataset's strip, or null. */
    public ReadOnlyObjectProperty<int[]> predictionsProperty() {
        return predictions.getReadOnlyProperty();
    }

    /** The last thing worth telling the learner (a divergence, a refused file, a saved one). */
    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The FX thread's copy of the latest weights (do not change it), or null before any. */
    public TwoLayerNet net() {
        return net;
    }

    /** True once there is a net to continue, save or show (trained, paused, stopped or opened). */
    public ReadOnlyBooleanProperty hasNetProperty() {
        return hasNet.getReadOnlyProperty();
    }

    /** The thread of the run under way, or null (tests check that it ends). */
    Thread runThread() {
        return run == null ? null : run.thread();
    }

    // ------------------------------------------------------------ commands

    /** Trains a new net with the settings (after loading the training set if needed). */
    public boolean start() {
        return launch(false);
    }

    /**
     * Trains the current net further (after a divergence, with a lower learning rate; after a
     * stop; after opening a model). Its hidden size and activation are the net's own; the
     * optimizer starts with fresh state.
     */
    public boolean continueTraining() {
        if (net == null) {
            notice.set(Notice.error("train.notice.nothingToContinue"));
            return false;
        }
        return launch(true);
    }

    public void pause() {
        if (state.get() == TrainingState.RUNNING && run != null) {
            run.pause();
            state.set(TrainingState.PAUSED);
        }
    }

    public void resume() {
        if (state.get() == TrainingState.PAUSED && run != null) {
            run.resume();
            state.set(TrainingState.RUNNING);
        }
    }

    /** Ends the run before its next update, keeping the weights it reached. */
    public void stop() {
        if ((state.get() == TrainingState.RUNNING || state.get() == TrainingState.PAUSED) && run != null) {
            run.cancel();
            state.set(TrainingState.STOPPING);
        }
    }

    /** The app is closing: cancel the run, wait briefly for it to end. */
    public void shutdown() {
        TrainingRun running = run;
        if (running != null) {
            running.cancel();
            try {
                running.thread().join(TimeUnit.SECONDS.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Shows a sentence in the view's notice line (e.g. an export result), or none (null). */
    public void tell(Notice next) {
        notice.set(next);
    }

    /** A net opened from a file becomes the current one, with a fresh log and its own size and activation. */
    void takeOpened(TwoLayerNet loaded, WeightPicture picture, int[] guesses, Path name) {
        log.clear();
        progress.clear();
        plan.clear();
        weights.set(picture);
        predictions.set(guesses);
        adopt(loaded.copy());
        settings.hiddenProperty().set(Integer.toString(loaded.hiddenSize()));
        settings.activationProperty().set(loaded.activation());
        state.set(TrainingState.IDLE);
        notice.set(Notice.info("train.notice.opened", name, loaded.inputSize(), loaded.hiddenSize(),
                loaded.outputSize()));
    }

    // ------------------------------------------------------------ the run

    private TrainingSettings.Parsed checkedSettings(int trainSize) {
        TrainingSettings.Parsed parsed = settings.check(trainSize);
        if (!parsed.ok()) {
            notice.set(Notice.error(parsed.problems().get(0).messageKey()));
        }
        return parsed;
    }

    private boolean launch(boolean continuing) {
        if (state.get().active()) {
            return false;
        }
        TrainingSet set = dataset.data();
        if (!checkedSettings(set != null ? set.data().trainSize() : 60_000).ok()) {
            return false;
        }
        if (set == null) {
            if (!dataset.available()) {
                notice.set(Notice.error("train.notice.noData"));
                return false;
            }
            state.set(TrainingState.LOADING);
            notice.set(Notice.info("train.notice.loading"));
            // the sparse copies the fast kernels train on, and their loops compiled by the JIT: done
            // while loading, rather than in the first second of training
            dataset.load(kernels::prepareAndWarmUp).whenComplete((loaded, error) -> {
                state.set(TrainingState.IDLE);
                notice.set(error == null ? null : Notice.error("train.notice.error", DatasetModel.unwrapped(error)));
                if (error == null) {
                    launch(continuing);
                }
            });
            return true;
        }
        // the batch limit depends on the set's size: check again now that it is known
        TrainingSettings.Parsed parsed = checkedSettings(set.data().trainSize());
        if (!parsed.ok()) {
            return false;
        }
        TrainingConfig config = parsed.config();
        TrainingData sets = set.data();
        TwoLayerNet continued = null; // a fresh net is drawn on the training thread
        int offset = 0;
        if (continuing) {
            if (net.inputSize() != sets.inputSize() || net.outputSize() < sets.classCount()) {
                notice.set(Notice.error("train.notice.shapeMismatch", net.inputSize(), net.outputSize()));
                return false;
            }
            continued = net.copy();
            offset = log.size();
            if (goesOnToPlan()) {
                config = config.withIterations(plan.remaining(offset));
            }
            // a fresh sequence of minibatches, still reproducible from the seed
            config = config.withSeed(config.seed() + offset);
            notice.set(Notice.info("train.notice.continuing", net.hiddenSize(),
                    net.activation().name().toLowerCase(Locale.ROOT), TrainingSettings.format(config.learningRate())));
        } else {
            log.clear();
            weights.set(null);
            predictions.set(null);
            notice.set(null);
        }
        log.setIterationsPerEpoch(config.iterationsPerEpoch(sets.trainSize()));
        run = TrainingRun.of(continued, config, sets, kernels, offset, dataset.strip(), newChannel());
        plan.plan(offset, config.iterations(), settings.lengthText());
        progress.begin(offset, config.iterations(), continuing);
        state.set(TrainingState.RUNNING);
        run.start();
        return true;
    }

    /** A channel for a new run: a drain of an earlier run's channel may still be queued, and only the current one is heard. */
    private SnapshotChannel newChannel() {
        SnapshotChannel[] own = new SnapshotChannel[1];
        own[0] = new SnapshotChannel(Platform::runLater, e -> {
            if (channel == own[0]) {
                onEvent(e);
            }
        }, p -> {
            if (channel == own[0]) {
                onProgress(p);
            }
        }, () -> {
            if (channel == own[0]) {
                log.changed();
            }
        });
        channel = own[0];
        return channel;
    }

    private void onEvent(TrainingEvent event) {
        if (event instanceof TrainingEvent.Losses losses) {
            log.appendLosses(losses.firstIteration(), losses.values());
        } else if (event instanceof TrainingEvent.EpochAccuracy point) {
            log.addEpoch(new TrainingLog.EpochPoint(point.iteration(), point.train(), point.test()));
            TrainingSet set = dataset.data();
            StallWatch.check(log, point.iteration(), point.train(), point.test(),
                    set == null ? 10 : set.data().classCount(), settings.learningRateProperty().get())
                    .filter(stalled -> !stalled.equals(notice.get())).ifPresent(notice::set);
        } else if (event instanceof TrainingEvent.Confusion epoch) {
            confusion.set(epoch.confusion());
        } else if (event instanceof TrainingEvent.Health health) {
            log.setHealth(health.offset(), health.series());
        } else if (event instanceof TrainingEvent.Paused paused) {
            adopt(paused.net());
        } else if (event instanceof TrainingEvent.Finished finished) {
            finished(finished.summary(), finished.net());
        } else if (event instanceof TrainingEvent.Failed failed) {
            run = null;
            state.set(TrainingState.FAILED);
            notice.set(Notice.error("train.notice.failed", failed.reason()));
        }
    }

    private void onProgress(Progress latest) {
        // after the end only its pictures count: finished() set the counts
        progress.report(latest, run != null);
        if (latest.weights() != null) {
            weights.set(latest.weights());
        }
        if (latest.predictions() != null) {
            predictions.set(latest.predictions());
        }
    }

    /** How the last run ended, with its training and accuracy-pass seconds apart (measuring tools); null before. */
    TrainingSummary lastSummary() {
        return lastSummary;
    }

    private void finished(TrainingSummary summary, TwoLayerNet kept) {
        lastSummary = summary;
        run = null;
        // the run's own count, not the last progress heard (which lags it until the drain's
        // progress comes after this event): the progress line and the notice say one number
        progress.end(summary.steps());
        adopt(kept);
        List<TrainingLog.EpochPoint> points = log.epochs();
        if (summary.status() == TrainingSummary.Status.COMPLETED && log.size() > 0
                && (points.isEmpty() || points.get(points.size() - 1).iteration() != log.size() - 1)) {
            // the run measured once more at its end: the last point of the accuracy chart
            log.addEpoch(new TrainingLog.EpochPoint(log.size() - 1, summary.trainAccuracy(), summary.testAccuracy()));
            log.changed();
        }
        state.set(RunEnding.state(summary.status()));
        notice.set(RunEnding.notice(summary, log.size(), progress.doneProperty().get()));
    }

    /** Makes {@code kept} (owned by this thread from now on) the current net and shows it everywhere. */
    private void adopt(TwoLayerNet kept) {
        net = kept;
        hasNet.set(true);
        trained.set(kept.copy());
    }
}
