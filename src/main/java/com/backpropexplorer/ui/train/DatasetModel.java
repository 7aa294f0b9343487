package com.backpropexplorer.ui.train;

import com.backpropexplorer.engine.TrainingData;
import com.backpropexplorer.ui.shared.MnistFolder;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;

/**
 * The training view's examples: where they are (MNIST where the app finds it, or in tests a
 * generated set), the set once loaded, and the strip of test digits shown with it. Loading runs
 * on the background executor; everything else on the FX thread.
 */
public final class DatasetModel {
    private final Executor background;
    private final MnistFolder mnist;
    private TrainingSource source;
    /** While this holds (a run uses the set), a new source does not drop the loaded set. */
    private BooleanSupplier inUse = () -> false;
    private final ReadOnlyObjectWrapper<Path> folder = new ReadOnlyObjectWrapper<>(this, "folder");
    private final ReadOnlyObjectWrapper<TrainingSet> data = new ReadOnlyObjectWrapper<>(this, "data");
    private final ReadOnlyObjectWrapper<DigitStrip> strip = new ReadOnlyObjectWrapper<>(this, "strip");

    /**
     * @param background where the set is read
     * @param mnist where MNIST is (its folder, its download, the one loaded copy)
     */
    public DatasetModel(Executor background, MnistFolder mnist) {
        this.background = background;
        this.mnist = mnist;
        this.source = TrainingSource.mnist(mnist::chosen, mnist.cache());
        mnist.chosenProperty().addListener((obs, o, n) -> sourceChanged());
    }

    /** Trains on another set from now on (tests, or a generated set); drops the loaded one. */
    public void setSource(TrainingSource next) {
        source = next;
        sourceChanged();
    }

    void keepWhile(BooleanSupplier busy) {
        inUse = busy;
    }

    /** Where the training set is, or null when it was not found (then the view offers the download). */
    public ReadOnlyObjectProperty<Path> folderProperty() {
        return folder.getReadOnlyProperty();
    }

    /** The loaded training set, or null until the first Start. */
    public ReadOnlyObjectProperty<TrainingSet> dataProperty() {
        return data.getReadOnlyProperty();
    }

    public TrainingSet data() {
        return data.get();
    }

    public ReadOnlyObjectProperty<DigitStrip> stripProperty() {
        return strip.getReadOnlyProperty();
    }

    public DigitStrip strip() {
        return strip.get();
    }

    /** Looks again for the training set (cheap: checks that its files exist). */
    public void refresh() {
        folder.set(source.locate().orElse(null));
    }

    /** Whether there is a set to load (found now, or a generated one). */
    boolean available() {
        return folder.get() != null || source.locate().isPresent();
    }

    /**
     * Reads the set in the background, with its strip of test digits.
     *
     * @param prepare runs on the loading thread with the set (e.g. the kernels' sparse copies)
     * @return completes on the FX thread, the set then in {@link #dataProperty()}
     */
    CompletableFuture<TrainingSet> load(Consumer<TrainingData> prepare) {
        TrainingSource from = source;
        record Loaded(TrainingSet set, DigitStrip strip) {
        }
        Task<Loaded> task = new Task<>() {
            @Override
            protected Loaded call() {
                TrainingSet set = from.load();
                prepare.accept(set.data());
                return new Loaded(set, DigitStrip.of(set.data()));
            }
        };
        CompletableFuture<TrainingSet> result = new CompletableFuture<>();
        task.setOnSucceeded(e -> {
            data.set(task.getValue().set());
            strip.set(task.getValue().strip());
            result.complete(task.getValue().set());
        });
        task.setOnFailed(e -> {
            refresh();
            result.completeExceptionally(task.getException());
        });
        background.execute(task);
        return result;
    }

    /**
     * Uses the set in {@code dir}, the learner's choice.
     *
     * @return null when MNIST is there, else the sentence saying it is not
     */
    Notice useFolder(Path dir) {
        mnist.chosenProperty().set(dir);
        refresh();
        return folder.get() != null ? null : Notice.error("train.notice.folderWithoutMnist", dir);
    }

    /**
     * Downloads MNIST into the per-user cache, with progress (see {@link MnistFolder#download});
     * then uses it. Does nothing while a download is under way.
     *
     * @param tell is told on the FX thread how it went
     */
    void download(Consumer<Notice> tell) {
        if (mnist.downloadingProperty().get()) {
            return;
        }
        mnist.download().whenComplete((downloaded, error) -> {
            Throwable cause = error == null ? null : unwrapped(error);
            if (cause == null) {
                tell.accept(Notice.info("train.notice.downloaded", downloaded));
                refresh();
            } else {
                tell.accept(cause instanceof CancellationException ? Notice.info("train.notice.downloadCancelled")
                        : Notice.error("train.notice.downloadFailed", cause));
            }
        });
    }

    /** The failure inside a future's wrapper. */
    static Throwable unwrapped(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    private void sourceChanged() {
        if (!inUse.getAsBoolean()) {
            data.set(null);
            strip.set(null);
        }
        refresh();
    }
}
