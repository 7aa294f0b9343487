package com.backpropexplorer.ui.train;

import com.backpropexplorer.data.DataException;
import com.backpropexplorer.data.ModelData;
import com.backpropexplorer.data.ModelFiles;
import com.backpropexplorer.data.NetShape;
import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.Matrices;
import com.backpropexplorer.engine.TwoLayerNet;
import com.backpropexplorer.ui.shared.TrainedNet;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import org.ejml.data.DMatrixRMaj;

/**
 * The training view's files: a model opened (our format or NumPy's, recognised by content) or
 * saved (atomically: a temporary file moved into place), and the log exported as CSV. Reading
 * and writing run on the background executor; results come back on the FX thread as futures and
 * as the training view's notice. A refused file leaves the current net as it was.
 */
public final class NetFiles {
    private final Executor background;
    private final TrainingModel model;
    private final DatasetModel dataset;
    private final TrainedNet trained;
    private Path lastFolder;

    /**
     * @param model the run, which takes an opened net and says what happened
     * @param dataset its strip of test digits, predicted by an opened net
     * @param trained the learner's net (saved when the training view has none of its own)
     */
    public NetFiles(Executor background, TrainingModel model, DatasetModel dataset, TrainedNet trained) {
        this.background = background;
        this.model = model;
        this.dataset = dataset;
        this.trained = trained;
    }

    /** The folder of the last model or log opened or saved, for the next file chooser. */
    public Path lastFolder() {
        return lastFolder;
    }

    public void setLastFolder(Path folder) {
        lastFolder = folder;
    }

    /**
     * Opens a model file in the background. On success it becomes the current net, shown in the
     * explainer and used by the digit canvas; on any failure the current net stays and the
     * future fails with the reason (said in the learner's language by {@link Notice}).
     *
     * @return completes on the FX thread
     */
    public CompletableFuture<Void> open(Path file) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        if (model.state().active()) {
            result.completeExceptionally(new Refused(Notice.error("train.notice.busy")));
            return result;
        }
        DigitStrip shown = dataset.strip();
        DMatrixRMaj stripImages = shown == null ? null : shown.images().copy();
        background.execute(() -> {
            try {
                TwoLayerNet loaded = toNet(ModelFiles.load(file), file.getFileName().toString());
                WeightPicture picture = WeightPicture.of(loaded.params().get("W1"));
                int[] guesses = stripImages == null ? null : Matrices.argmaxRows(loaded.predict(stripImages));
                Platform.runLater(() -> {
                    if (model.state().active()) {
                        result.completeExceptionally(new Refused(Notice.error("train.notice.busy")));
                    } else {
                        model.takeOpened(loaded, picture, guesses, file.getFileName());
                        result.complete(null);
                    }
                });
            } catch (RuntimeException e) {
                // a DataException (the file's problem) or, should the reader fail otherwise, its
                // own message: the current net stays either way
                Platform.runLater(() -> {
                    model.tell(Notice.error("train.notice.error", e));
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
     * Saves the current net atomically: NumPy .npz when the name ends in .npz, else our own format.
     *
     * @return completes on the FX thread; fails with the reason
     */
    public CompletableFuture<Void> save(Path file) {
        TwoLayerNet toSave = model.net() != null ? model.net().copy() : trained.copy();
        if (toSave == null) {
            Notice nothing = Notice.error("train.notice.nothingToSave");
            model.tell(nothing);
            return CompletableFuture.failedFuture(new Refused(nothing));
        }
        ModelData data = new ModelData(toSave.params(),
                Map.of(ModelData.ACTIVATION, toSave.activation().name().toLowerCase(Locale.ROOT)));
        return inBackground(() -> ModelFiles.save(file, data), "train.notice.saved", file);
    }

    /** Writes the log as CSV (iteration, epoch, loss, train and test accuracy), atomically. */
    public CompletableFuture<Void> exportCsv(Path file) {
        String csv = model.log().toCsv();
        return inBackground(() -> TrainingLog.writeCsv(csv, file), "train.notice.csvSaved", file);
    }

    private CompletableFuture<Void> inBackground(Runnable work, String doneKey, Path file) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        background.execute(() -> {
            try {
                work.run();
                Platform.runLater(() -> {
                    model.tell(Notice.info(doneKey, file));
                    result.complete(null);
                });
            } catch (RuntimeException e) {
                Platform.runLater(() -> {
                    model.tell(Notice.error("train.notice.error", e));
                    result.completeExceptionally(e);
                });
            }
        });
        return result;
    }
}
