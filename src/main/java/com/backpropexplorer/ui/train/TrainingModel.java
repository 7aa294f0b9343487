package com.backpropexplorer.ui.train;

import com.backpropexplorer.data.DataException;
import com.backpropexplorer.data.MnistDownloader;
import com.backpropexplorer.data.MnistLocator;
import com.backpropexplorer.data.ModelData;
import com.backpropexplorer.data.ModelFiles;
import com.backpropexplorer.data.NetShape;
import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.Matrices;
import com.backpropexplorer.engine.Trainer;
import com.backpropexplorer.engine.TrainingConfig;
import com.backpropexplorer.engine.TrainingData;
import com.backpropexplorer.engine.TrainingSummary;
import com.backpropexplorer.engine.TwoLayerNet;
import com.backpropexplorer.engine.fast.FastKernels;
import com.backpropexplorer.ui.pages.AppContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.concurrent.Task;
import org.ejml.data.DMatrixRMaj;

/**
 * The training view's view-model, held by the {@link AppContext} so that a language or theme
 * switch (which rebuilds the page) loses nothing, not even a run in progress. Lives on the FX
 * thread; the training itself runs in a {@link TrainingRun} on its own daemon thread, which
 * owns the live net and sends copies back through a {@link SnapshotChannel}.
 *
 * <p>The net this model holds ({@link #net()}) is the FX thread's copy of the latest weights:
 * the one "Continue" trains further, "Save" writes, and that is handed (as another copy) to
 * {@link AppContext#trainedNetProperty()} whenever a run pauses or ends or a model is opened.
 */
public final class TrainingModel {
    /** What the view is doing. */
    public enum State {
        /** Nothing trained yet. */
        IDLE,
        /** Reading the training set. */
        LOADING,
        RUNNING,
        PAUSED,
        /** Stop was pressed; the run ends before its next update. */
        STOPPING,
        COMPLETED,
        STOPPED,
        /** The loss became NaN or infinite; the last finite weights are kept. */
        DIVERGED,
        FAILED;

        /** A run is under way (possibly paused). */
        public boolean active() {
            return this == LOADING || this == RUNNING || this == PAUSED || this == STOPPING;
        }
    }

    /** A sentence for the learner: a bundle key and its arguments (rendered in the current language). */
    public record Notice(String key, List<Object> args, boolean error) {
        static Notice info(String key, Object... args) {
            return new Notice(key, List.of(args), false);
        }

        static Notice error(String key, Object... args) {
            return new Notice(key, List.of(args), true);
        }
    }

    /**
     * The test digits whose predictions are shown: pixels (one image a row), labels, and the
     * same pixels ready to show ({@code side}×{@code side} ARGB, image after image, dark ink on
     * white paper whatever the theme), made on the loading thread.
     */
    public record Strip(DMatrixRMaj images, int[] labels, int[] argb, int side) {
    }

    /** How many test digits the strip shows. */
    public static final int STRIP_SIZE = 20;

    private final AppContext ctx;
    private final Executor background;
    private TrainingSource source;
    /** One training thread: the other core stays free for the FX thread and the renderer. */
    private final FastKernels kernels = FastKernels.onThreads(1);
    private final TrainingSettings settings = new TrainingSettings();
    private final TrainingLog log = new TrainingLog();
    private final ObservableSet<String> invalidFields = FXCollections.observableSet();

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyIntegerWrapper done = new ReadOnlyIntegerWrapper(this, "done");
    private final ReadOnlyIntegerWrapper runDone = new ReadOnlyIntegerWrapper(this, "runDone");
    private final ReadOnlyIntegerWrapper runTotal = new ReadOnlyIntegerWrapper(this, "runTotal");
    private final ReadOnlyDoubleWrapper seconds = new ReadOnlyDoubleWrapper(this, "seconds");
    private final ReadOnlyDoubleWrapper stepsPerSecond = new ReadOnlyDoubleWrapper(this, "stepsPerSecond");
    private final ReadOnlyObjectWrapper<WeightPicture> weights = new ReadOnlyObjectWrapper<>(this, "weights");
    private final ReadOnlyObjectWrapper<int[]> predictions = new ReadOnlyObjectWrapper<>(this, "predictions");
    private final ReadOnlyObjectWrapper<Strip> strip = new ReadOnlyObjectWrapper<>(this, "strip");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final ReadOnlyObjectWrapper<Path> dataFolder = new ReadOnlyObjectWrapper<>(this, "dataFolder");
    private final ReadOnlyObjectWrapper<TrainingSet> data = new ReadOnlyObjectWrapper<>(this, "data");
    private final ReadOnlyBooleanWrapper downloading = new ReadOnlyBooleanWrapper(this, "downloading");
    private final ReadOnlyDoubleWrapper downloadProgress = new ReadOnlyDoubleWrapper(this, "downloadProgress");
    private final ReadOnlyStringWrapper downloadText = new ReadOnlyStringWrapper(this, "downloadText", "");

    private final ReadOnlyBooleanWrapper hasNet = new ReadOnlyBooleanWrapper(this, "hasNet");
    private TwoLayerNet net;
    private Path lastFolder;
    private TrainingRun run;
    private SnapshotChannel channel;
    private MnistDownloader downloader;
    private double secondsBefore;

    /** A model training on MNIST from the folder the context knows about. */
    public TrainingModel(AppContext ctx) {
        this(ctx, null);
    }

    /**
     * @param source where the examples come from; null for MNIST (the context's folder, else
     *     MNIST_DIR, else the per-user cache)
     */
    public TrainingModel(AppContext ctx, TrainingSource source) {
        this.ctx = ctx;
        this.background = ctx.background();
        this.source = source != null ? source : TrainingSource.mnist(ctx.mnistFolderProperty()::get, ctx.mnistCache());
        ctx.mnistFolderProperty().addListener((obs, o, n) -> dataSourceChanged());
        refreshDataFolder();
    }

    /** Trains on another set from now on (tests, or a generated set); drops the loaded one. */
    public void setSource(TrainingSource next) {
        source = next;
        dataSourceChanged();
    }

    // ------------------------------------------------------------ read-only state

    public TrainingSettings settings() {
        return settings;
    }

    public TrainingLog log() {
        return log;
    }

    /** Fields whose text the last Start refused (ids from {@link TrainingSettings}). */
    public ObservableSet<String> invalidFields() {
        return invalidFields;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State state() {
        return state.get();
    }

    /** Updates applied to the current net, over all its runs. */
    public ReadOnlyIntegerProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    /** Updates applied in the current (or last) run. */
    public ReadOnlyIntegerProperty runDoneProperty() {
        return runDone.getReadOnlyProperty();
    }

    /** Updates the current (or last) run makes in all. */
    public ReadOnlyIntegerProperty runTotalProperty() {
        return runTotal.getReadOnlyProperty();
    }

    /** Training time of the current net over all its runs, pauses excluded. */
    public ReadOnlyDoubleProperty secondsProperty() {
        return seconds.getReadOnlyProperty();
    }

    /** Updates a second in the current run (accuracy passes included). */
    public ReadOnlyDoubleProperty stepsPerSecondProperty() {
        return stepsPerSecond.getReadOnlyProperty();
    }

    /** Estimated seconds until the run ends, or NaN when unknown. */
    public double secondsLeft() {
        double rate = stepsPerSecond.get();
        return rate > 0 ? (runTotal.get() - runDone.get()) / rate : Double.NaN;
    }

    /** Epochs done (fractional): updates over iterations per epoch. */
    public double epoch() {
        return (double) done.get() / log.iterationsPerEpoch();
    }

    public ReadOnlyObjectProperty<WeightPicture> weightsProperty() {
        return weights.getReadOnlyProperty();
    }

    /** The class predicted for each digit of the {@link #stripProperty() strip}, or null. */
    public ReadOnlyObjectProperty<int[]> predictionsProperty() {
        return predictions.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Strip> stripProperty() {
        return strip.getReadOnlyProperty();
    }

    /** The last thing worth telling the learner (a divergence, a refused file, a saved one). */
    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Where the training set is, or null when it was not found (then the view offers the download). */
    public ReadOnlyObjectProperty<Path> dataFolderProperty() {
        return dataFolder.getReadOnlyProperty();
    }

    /** The loaded training set, or null until the first Start. */
    public ReadOnlyObjectProperty<TrainingSet> dataProperty() {
        return data.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty downloadingProperty() {
        return downloading.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty downloadProgressProperty() {
        return downloadProgress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty downloadTextProperty() {
        return downloadText.getReadOnlyProperty();
    }

    /** The FX thread's copy of the latest weights (do not change it), or null before any. */
    public TwoLayerNet net() {
        return net;
    }

    /** True once there is a net to continue, save or show (trained, paused, stopped or opened). */
    public ReadOnlyBooleanProperty hasNetProperty() {
        return hasNet.getReadOnlyProperty();
    }

    /** The folder of the last model or log opened or saved, for the next file chooser. */
    public Path lastFolder() {
        return lastFolder;
    }

    public void setLastFolder(Path folder) {
        lastFolder = folder;
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
        if (state.get() == State.RUNNING && run != null) {
            run.pause();
            state.set(State.PAUSED);
        }
    }

    public void resume() {
        if (state.get() == State.PAUSED && run != null) {
            run.resume();
            state.set(State.RUNNING);
        }
    }

    /** Ends the run before its next update, keeping the weights it reached. */
    public void stop() {
        if ((state.get() == State.RUNNING || state.get() == State.PAUSED) && run != null) {
            run.cancel();
            state.set(State.STOPPING);
        }
    }

    /** The app is closing: cancel the run and the download, wait briefly for the run to end. */
    public void shutdown() {
        if (downloader != null) {
            downloader.cancel();
        }
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

    private boolean launch(boolean continuing) {
        if (state.get().active()) {
            return false;
        }
        int trainSize = data.get() != null ? data.get().data().trainSize() : 60_000;
        TrainingSettings.Parsed parsed = settings.parse(trainSize);
        invalidFields.clear();
        if (!parsed.ok()) {
            parsed.problems().forEach(p -> invalidFields.add(p.field()));
            notice.set(Notice.error(parsed.problems().get(0).messageKey()));
            return false;
        }
        if (data.get() == null) {
            if (dataFolder.get() == null && source.locate().isEmpty()) {
                notice.set(Notice.error("train.notice.noData"));
                return false;
            }
            loadData(() -> launch(continuing));
            return true;
        }
        // the batch limit depends on the set's size: check again now that it is known
        parsed = settings.parse(data.get().data().trainSize());
        if (!parsed.ok()) {
            parsed.problems().forEach(p -> invalidFields.add(p.field()));
            notice.set(Notice.error(parsed.problems().get(0).messageKey()));
            return false;
        }
        TrainingConfig config = parsed.config();
        TrainingData sets = data.get().data();
        TwoLayerNet continued = null; // a fresh net is drawn on the training thread
        int offset;
        if (continuing) {
            if (net.inputSize() != sets.inputSize() || net.outputSize() < sets.classCount()) {
                notice.set(Notice.error("train.notice.shapeMismatch", net.inputSize(), net.outputSize()));
                return false;
            }
            continued = net.copy();
            offset = log.size();
            secondsBefore = seconds.get();
            // a fresh sequence of minibatches, still reproducible from the seed
            config = config.withSeed(config.seed() + offset);
            notice.set(Notice.info("train.notice.continuing", net.hiddenSize(),
                    net.activation().name().toLowerCase(Locale.ROOT), TrainingSettings.format(config.learningRate())));
        } else {
            offset = 0;
            log.clear();
            secondsBefore = 0;
            weights.set(null);
            predictions.set(null);
            notice.set(null);
        }
        log.setIterationsPerEpoch(config.iterationsPerEpoch(sets.trainSize()));
        TrainingConfig runConfig = config;
        TwoLayerNet startNet = continued;
        java.util.function.Supplier<Trainer> trainer = () -> new Trainer(
                startNet != null ? startNet : runConfig.newNet(sets.inputSize(), sets.classCount()), runConfig, sets,
                kernels);
        // a drain of an earlier run's channel may still be queued: only the current channel is heard
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
        run = new TrainingRun(trainer, config, offset, sets.trainSize(), strip.get() == null ? new DMatrixRMaj(0, sets.inputSize())
                : strip.get().images().copy(), channel);
        runDone.set(0);
        runTotal.set(config.iterations());
        stepsPerSecond.set(0);
        done.set(offset);
        state.set(State.RUNNING);
        run.start();
        return true;
    }

    private void onEvent(TrainingEvent event) {
        if (event instanceof TrainingEvent.Losses losses) {
            log.appendLosses(losses.firstIteration(), losses.values());
        } else if (event instanceof TrainingEvent.EpochAccuracy point) {
            log.addEpoch(new TrainingLog.EpochPoint(point.iteration(), point.train(), point.test()));
            warnIfStalled(point);
        } else if (event instanceof TrainingEvent.Paused paused) {
            adopt(paused.net());
        } else if (event instanceof TrainingEvent.Finished finished) {
            finished(finished.summary(), finished.net());
        } else if (event instanceof TrainingEvent.Failed failed) {
            run = null;
            state.set(State.FAILED);
            notice.set(Notice.error("train.notice.failed", failed.reason()));
        }
    }

    /**
     * With the book's guarded loss (−log(y + 1e−7)) a too-high learning rate rarely reaches NaN:
     * far more often one big step drives every ReLU to output 0, no gradient flows back to W1
     * any more, and the loss sits at ln 10 ≈ 2.30 with chance accuracy. Say so, once, after a
     * whole epoch at chance.
     */
    private void warnIfStalled(TrainingEvent.EpochAccuracy point) {
        int perEpoch = log.iterationsPerEpoch();
        if (point.iteration() < perEpoch || log.size() < 100) {
            return;
        }
        double chance = 1.0 / Math.max(2, data.get() == null ? 10 : data.get().data().classCount());
        if (point.train() < 1.5 * chance && point.test() < 1.5 * chance) {
            double mean = 0;
            for (int i = log.size() - 100; i < log.size(); i++) {
                mean += log.loss(i) / 100;
            }
            Notice stalled = Notice.error("train.notice.stalled", point.iteration() / perEpoch, point.test(),
                    String.format(Locale.ROOT, "%.3f", mean), settings.learningRateProperty().get());
            if (!stalled.equals(notice.get())) {
                notice.set(stalled);
            }
        }
    }

    private void onProgress(Progress progress) {
        done.set(progress.done());
        runDone.set(progress.runDone());
        runTotal.set(progress.runTotal());
        seconds.set(secondsBefore + progress.seconds());
        stepsPerSecond.set(progress.seconds() > 0 ? progress.runDone() / progress.seconds() : 0);
        if (progress.weights() != null) {
            weights.set(progress.weights());
        }
        if (progress.predictions() != null) {
            predictions.set(progress.predictions());
        }
    }

    private void finished(TrainingSummary summary, TwoLayerNet kept) {
        run = null;
        adopt(kept);
        switch (summary.status()) {
            case COMPLETED -> {
                List<TrainingLog.EpochPoint> points = log.epochs();
                if (log.size() > 0 && (points.isEmpty() || points.get(points.size() - 1).iteration() != log.size() - 1)) {
                    // the run measured once more at its end: the last point of the accuracy chart
                    log.addEpoch(new TrainingLog.EpochPoint(log.size() - 1, summary.trainAccuracy(),
                            summary.testAccuracy()));
                    log.changed();
                }
                state.set(State.COMPLETED);
                notice.set(Notice.info("train.notice.completed", summary.steps(), summary.trainAccuracy(),
                        summary.testAccuracy()));
            }
            case CANCELLED -> {
                state.set(State.STOPPED);
                notice.set(Notice.info("train.notice.stopped", done.get()));
            }
            case DIVERGED -> {
                state.set(State.DIVERGED);
                // the run's own count is 0-based; the learner reads the chart's x axis
                double bad = summary.badLoss();
                String badText = Double.isNaN(bad) ? "NaN" : Double.isInfinite(bad) ? "∞"
                        : String.format(java.util.Locale.ROOT, "%.2f", bad);
                notice.set(Notice.error("train.notice.diverged", log.size(), summary.lastLoss(),
                        TrainingSettings.format(summary.learningRate()), badText));
            }
        }
    }

    /** Makes {@code kept} (owned by this thread from now on) the current net and shows it everywhere. */
    private void adopt(TwoLayerNet kept) {
        net = kept;
        hasNet.set(true);
        ctx.trainedNetProperty().set(kept.copy());
    }

    // ------------------------------------------------------------ data

    private void dataSourceChanged() {
        if (!state.get().active()) {
            data.set(null);
            strip.set(null);
        }
        refreshDataFolder();
    }

    /** Looks again for the training set (cheap: checks that its files exist). */
    public void refreshDataFolder() {
        Optional<Path> found = source.locate();
        dataFolder.set(found.orElse(null));
    }

    private void loadData(Runnable then) {
        state.set(State.LOADING);
        notice.set(Notice.info("train.notice.loading"));
        TrainingSource from = source;
        record Loaded(TrainingSet set, Strip strip) {
        }
        Task<Loaded> task = new Task<>() {
            @Override
            protected Loaded call() {
                TrainingSet set = from.load();
                // the sparse copies the fast kernels train on: made now, while loading, rather
                // than in the first second of training
                kernels.prepare(set.data());
                return new Loaded(set, stripOf(set.data()));
            }
        };
        task.setOnSucceeded(e -> {
            TrainingSet set = task.getValue().set();
            data.set(set);
            strip.set(task.getValue().strip());
            state.set(State.IDLE);
            notice.set(null);
            then.run();
        });
        task.setOnFailed(e -> {
            state.set(State.IDLE);
            notice.set(Notice.error("train.notice.error", message(task.getException())));
            refreshDataFolder();
        });
        background.execute(task);
    }

    private static Strip stripOf(TrainingData sets) {
        int count = Math.min(STRIP_SIZE, sets.testSize());
        int cols = sets.inputSize();
        DMatrixRMaj images = new DMatrixRMaj(count, cols);
        System.arraycopy(sets.testImages().data, 0, images.data, 0, count * cols);
        int[] labels = new int[count];
        System.arraycopy(sets.testLabels(), 0, labels, 0, count);
        int side = (int) Math.round(Math.sqrt(cols));
        int[] argb = new int[count * side * side];
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < side * side; p++) {
                double ink = p < cols ? Math.max(0, Math.min(1, images.data[i * cols + p])) : 0;
                int grey = (int) Math.round(255 * (1 - ink));
                argb[i * side * side + p] = 0xFF000000 | grey << 16 | grey << 8 | grey;
            }
        }
        return new Strip(images, labels, argb, side);
    }

    /** Downloads MNIST into the per-user cache, with progress; then uses it. */
    public void download() {
        if (downloading.get()) {
            return;
        }
        Path target = MnistLocator.system().cacheDir();
        MnistDownloader running = new MnistDownloader();
        downloader = running;
        List<String> names = MnistDownloader.MNIST_MANIFEST.stream().map(MnistDownloader.FileSpec::name).toList();
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() {
                // progress is called on the HTTP client's threads: Task's update methods are
                // thread-safe and coalesce, so the FX thread sees at most one update a pulse
                running.download(target, new MnistDownloader.ProgressListener() {
                    @Override
                    public void progress(String file, long soFar, long total) {
                        int index = Math.max(0, names.indexOf(file));
                        double part = total > 0 ? Math.min(1, (double) soFar / total) : 0;
                        updateProgress(index + part, names.size());
                        updateMessage(file + "|" + soFar / 1024 + "|" + (total > 0 ? total / 1024 : -1));
                    }

                    @Override
                    public void skipped(String file) {
                        updateProgress(names.indexOf(file) + 1, names.size());
                    }
                });
                return null;
            }
        };
        downloading.set(true);
        downloadProgress.bind(task.progressProperty());
        downloadText.bind(task.messageProperty());
        task.setOnSucceeded(e -> {
            downloadEnded();
            notice.set(Notice.info("train.notice.downloaded", target));
            ctx.mnistFolderProperty().set(target);
            refreshDataFolder();
        });
        task.setOnFailed(e -> {
            downloadEnded();
            Throwable error = task.getException();
            notice.set(error instanceof CancellationException ? Notice.info("train.notice.downloadCancelled")
                    : Notice.error("train.notice.downloadFailed", message(error)));
        });
        background.execute(task);
    }

    public void cancelDownload() {
        if (downloader != null) {
            downloader.cancel();
        }
    }

    private void downloadEnded() {
        downloadProgress.unbind();
        downloadText.unbind();
        downloading.set(false);
        downloader = null;
    }

    /** Uses the training set in {@code folder} (chosen by the learner). */
    public void useFolder(Path folder) {
        ctx.mnistFolderProperty().set(folder);
        refreshDataFolder();
        if (dataFolder.get() == null) {
            notice.set(Notice.error("train.notice.folderWithoutMnist", folder));
        } else {
            notice.set(null);
        }
    }

    // ------------------------------------------------------------ files

    /**
     * Opens a model file (either format, recognised by content) in the background. On success
     * it becomes the current net, shown in the explainer and used by the digit canvas; on any
     * failure the current net stays and the future fails with one sentence.
     *
     * @return completes on the FX thread
     */
    public CompletableFuture<Void> openModel(Path file) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        if (state.get().active()) {
            result.completeExceptionally(new IllegalStateException(text("train.notice.busy")));
            return result;
        }
        Strip shown = strip.get();
        DMatrixRMaj stripImages = shown == null ? null : shown.images().copy();
        background.execute(() -> {
            try {
                ModelData model = ModelFiles.load(file);
                TwoLayerNet loaded = toNet(model, file.getFileName().toString());
                WeightPicture picture = WeightPicture.of(loaded.params().get("W1"));
                int[] guesses = stripImages == null ? null : Matrices.argmaxRows(loaded.predict(stripImages));
                Platform.runLater(() -> {
                    if (state.get().active()) {
                        result.completeExceptionally(new IllegalStateException(text("train.notice.busy")));
                        return;
                    }
                    log.clear();
                    secondsBefore = 0;
                    seconds.set(0);
                    done.set(0);
                    runDone.set(0);
                    runTotal.set(0);
                    stepsPerSecond.set(0);
                    weights.set(picture);
                    predictions.set(guesses);
                    adopt(loaded.copy());
                    settings.hiddenProperty().set(Integer.toString(loaded.hiddenSize()));
                    settings.activationProperty().set(loaded.activation());
                    state.set(State.IDLE);
                    notice.set(Notice.info("train.notice.opened", file.getFileName(), loaded.inputSize(),
                            loaded.hiddenSize(), loaded.outputSize()));
                    result.complete(null);
                });
            } catch (RuntimeException e) {
                // a DataException (the file's problem, in the window's language) or, should the
                // reader fail otherwise, its own message: the current net stays either way
                Platform.runLater(() -> {
                    notice.set(Notice.error("train.notice.error", message(e)));
                    result.completeExceptionally(e);
                });
            }
        });
        return result;
    }

    /**
     * The book's TwoLayerNet from a file's arrays: W1, b1, W2, b2 only, 784 inputs, 10 outputs
     * (the data layer's check, {@link NetShape#MNIST}; {@link ModelFiles#load} has made it already).
     */
    static TwoLayerNet toNet(ModelData model, String name) {
        NetShape.MNIST.validate(model.params(), name);
        String activation = model.metadata().getOrDefault(ModelData.ACTIVATION, "relu");
        Activation kind;
        try {
            kind = Activation.parse(activation);
        } catch (IllegalArgumentException e) {
            throw new DataException("model.unknownActivation", name, activation);
        }
        return TwoLayerNet.fromParams(model.params(), kind);
    }

    /**
     * Saves the current net atomically (a temporary file moved into place): NumPy .npz when the
     * name ends in .npz, else our own format.
     *
     * @return completes on the FX thread; fails with one sentence
     */
    public CompletableFuture<Void> saveModel(Path file) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        TwoLayerNet toSave = net != null ? net.copy()
                : ctx.trainedNetProperty().get() != null ? ctx.trainedNetProperty().get().copy() : null;
        if (toSave == null) {
            IllegalStateException nothing = new IllegalStateException(text("train.notice.nothingToSave"));
            notice.set(Notice.error("train.notice.nothingToSave"));
            result.completeExceptionally(nothing);
            return result;
        }
        ModelData model = new ModelData(toSave.params(),
                Map.of(ModelData.ACTIVATION, toSave.activation().name().toLowerCase(Locale.ROOT)));
        return inBackground(() -> ModelFiles.save(file, model), "train.notice.saved", file);
    }

    /** Writes the log as CSV (iteration, epoch, loss, train and test accuracy), atomically. */
    public CompletableFuture<Void> exportCsv(Path file) {
        String csv = log.toCsv();
        return inBackground(() -> TrainingLog.writeCsv(csv, file), "train.notice.csvSaved", file);
    }

    private CompletableFuture<Void> inBackground(Runnable work, String doneKey, Path file) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        background.execute(() -> {
            try {
                work.run();
                Platform.runLater(() -> {
                    notice.set(Notice.info(doneKey, file));
                    result.complete(null);
                });
            } catch (RuntimeException e) {
                Platform.runLater(() -> {
                    notice.set(Notice.error("train.notice.error", message(e)));
                    result.completeExceptionally(e);
                });
            }
        });
        return result;
    }

    /** Shows a sentence in the view's notice line (e.g. an export result). */
    public void tell(Notice next) {
        notice.set(next);
    }

    private String text(String key, Object... args) {
        return ctx.i18n().text(key, args);
    }

    private String message(Throwable e) {
        return DataException.describe(e, ctx.i18n().locale());
    }
}
