package com.backpropexplorer.ui.shared;

import com.backpropexplorer.data.MnistCache;
import com.backpropexplorer.data.MnistDownloader;
import com.backpropexplorer.data.MnistLocator;
import com.backpropexplorer.ui.I18n;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;

/**
 * MNIST as the app has it: the folder the learner chose or downloaded into (else
 * {@code MNIST_DIR}, else the per-user cache folder), the download into that folder with progress
 * and cancel (one at a time, whichever page started it; every page shows it), and the program's
 * one copy of the loaded splits. Lives on the FX thread; the download runs on the background
 * executor.
 */
public final class MnistFolder {
    /** How far the download is: the file now coming, kilobytes so far and in all (-1 when unknown). */
    public record DownloadProgress(String file, long kilobytes, long totalKilobytes) {
        /** "Downloading train-images-idx3-ubyte.gz: 1,024 of 9,681 KB" in the learner's language. */
        public String describe(I18n i18n) {
            return i18n.text("mnist.download.progress", file, kilobytes, totalKilobytes < 0 ? "?" : totalKilobytes);
        }
    }

    private final Executor background;
    private final MnistCache cache = new MnistCache();
    private final ObjectProperty<Path> chosen = new SimpleObjectProperty<>(this, "chosen");
    private final ReadOnlyBooleanWrapper downloading = new ReadOnlyBooleanWrapper(this, "downloading");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyObjectWrapper<DownloadProgress> latest = new ReadOnlyObjectWrapper<>(this, "latest");
    private MnistDownloader downloader;
    private CompletableFuture<Path> running;

    /** @param background where the download runs */
    public MnistFolder(Executor background) {
        this.background = background;
    }

    /** The folder the learner chose or downloaded into; null means "look it up". */
    public ObjectProperty<Path> chosenProperty() {
        return chosen;
    }

    public Path chosen() {
        return chosen.get();
    }

    /** The splits once loaded, shared by the lessons, the gradient check and training (any thread). */
    public MnistCache cache() {
        return cache;
    }

    /** Where MNIST is, or empty when it is not on this computer (cheap: checks that the files exist). */
    public Optional<Path> find() {
        return MnistLocator.system().find(chosen.get());
    }

    /**
     * Where MNIST is.
     *
     * @throws com.backpropexplorer.data.DataException naming every place looked at
     */
    public Path locate() {
        return MnistLocator.system().locate(chosen.get());
    }

    public ReadOnlyBooleanProperty downloadingProperty() {
        return downloading.getReadOnlyProperty();
    }

    /** 0 to 1 over the four files. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The latest progress of the download under way, or null. */
    public ReadOnlyObjectProperty<DownloadProgress> latestProperty() {
        return latest.getReadOnlyProperty();
    }

    /** Where a download puts MNIST: the per-user cache. */
    public Path downloadTarget() {
        return MnistLocator.system().cacheDir();
    }

    /**
     * Downloads MNIST into the per-user cache (or joins the download under way); once done, that
     * folder is the chosen one.
     *
     * @return completes on the FX thread with the folder, or fails with the reason
     *     ({@link java.util.concurrent.CancellationException} when cancelled)
     */
    public CompletableFuture<Path> download() {
        if (running != null) {
            return running;
        }
        Path target = downloadTarget();
        MnistDownloader using = new MnistDownloader();
        List<String> names = MnistDownloader.MNIST_MANIFEST.stream().map(MnistDownloader.FileSpec::name).toList();
        // the latest progress travels as the task's value: Task's update methods are thread-safe
        // and coalesce, so the FX thread sees at most one update a pulse, however fast bytes come
        Task<DownloadProgress> task = new Task<>() {
            @Override
            protected DownloadProgress call() {
                using.download(target, new MnistDownloader.ProgressListener() {
                    @Override
                    public void progress(String file, long soFar, long total) {
                        int index = Math.max(0, names.indexOf(file));
                        double part = total > 0 ? Math.min(1, (double) soFar / total) : 0;
                        updateProgress(index + part, names.size());
                        updateValue(new DownloadProgress(file, soFar / 1024, total > 0 ? total / 1024 : -1));
                    }

                    @Override
                    public void skipped(String file) {
                        updateProgress(names.indexOf(file) + 1, names.size());
                    }
                });
                return null;
            }
        };
        CompletableFuture<Path> result = new CompletableFuture<>();
        downloader = using;
        running = result;
        downloading.set(true);
        progress.bind(task.progressProperty());
        task.valueProperty().addListener((obs, o, n) -> {
            if (n != null) {
                latest.set(n);
            }
        });
        task.setOnSucceeded(e -> {
            ended();
            chosen.set(target);
            result.complete(target);
        });
        task.setOnFailed(e -> {
            ended();
            result.completeExceptionally(task.getException());
        });
        background.execute(task);
        return result;
    }

    /** Stops the download under way (its future fails with a CancellationException). */
    public void cancelDownload() {
        if (downloader != null) {
            downloader.cancel();
        }
    }

    private void ended() {
        progress.unbind();
        downloading.set(false);
        latest.set(null);
        downloader = null;
        running = null;
    }
}
