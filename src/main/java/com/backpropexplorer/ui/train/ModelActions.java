package com.backpropexplorer.ui.train;

import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.PngExport;
import com.backpropexplorer.ui.shared.TrainedNet;
import com.backpropexplorer.ui.shell.Dialogs;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.stage.FileChooser;

/**
 * Open and save a model, export the training log and charts, from the File menu or the
 * training view: the file choosers, and a one-sentence dialog when a file is refused (the
 * current model stays).
 */
public final class ModelActions {
    private final I18n i18n;
    private final NetFiles files;
    private final TrainingModel model;
    private final TrainedNet trained;
    private final Dialogs dialogs;
    private final Executor background;

    /**
     * @param files opens, saves and exports
     * @param model the training view's run, which says what happened
     * @param trained the learner's net (saved when the training view has none of its own)
     * @param dialogs the owner of choosers and error dialogs
     * @param background where pictures are encoded and written
     */
    public ModelActions(I18n i18n, NetFiles files, TrainingModel model, TrainedNet trained, Dialogs dialogs,
                        Executor background) {
        this.i18n = i18n;
        this.files = files;
        this.model = model;
        this.trained = trained;
        this.dialogs = dialogs;
        this.background = background;
    }

    /** File → Open model…: a chooser, then {@link #open(Path)}. */
    public void openWithChooser() {
        FileChooser chooser = chooser(i18n.text("train.file.openTitle"));
        chooser.getExtensionFilters().setAll(
                new FileChooser.ExtensionFilter(i18n.text("train.file.models"), "*.npz", "*.bpex"),
                new FileChooser.ExtensionFilter(i18n.text("train.file.npz"), "*.npz"),
                new FileChooser.ExtensionFilter(i18n.text("train.file.bpex"), "*.bpex"),
                new FileChooser.ExtensionFilter(i18n.text("train.file.all"), "*"));
        File file = chooser.showOpenDialog(dialogs.owner());
        if (file != null) {
            open(file.toPath());
        }
    }

    /** Opens {@code file}; a refused file gets a dialog and leaves the current model as it was. */
    public CompletableFuture<Void> open(Path file) {
        files.setLastFolder(file.toAbsolutePath().getParent());
        return reportFailure(files.open(file), "train.file.openFailed");
    }

    /** File → Save model…: a chooser (.npz or .bpex), then {@link #save(Path)}. */
    public void saveWithChooser() {
        if (!model.hasNetProperty().get() && !trained.isPresent()) {
            error(i18n.text("train.file.saveFailed"), i18n.text("train.notice.nothingToSave"));
            return;
        }
        FileChooser chooser = chooser(i18n.text("train.file.saveTitle"));
        FileChooser.ExtensionFilter npz = new FileChooser.ExtensionFilter(i18n.text("train.file.npz"), "*.npz");
        FileChooser.ExtensionFilter bpex = new FileChooser.ExtensionFilter(i18n.text("train.file.bpex"), "*.bpex");
        chooser.getExtensionFilters().setAll(npz, bpex);
        chooser.setInitialFileName("two_layer_net.npz");
        File file = chooser.showSaveDialog(dialogs.owner());
        if (file == null) {
            return;
        }
        save(withExtension(file.toPath(), chooser.getSelectedExtensionFilter() == bpex ? ".bpex" : ".npz"));
    }

    /** Saves the current model to {@code file} (atomically); a failure gets a dialog. */
    public CompletableFuture<Void> save(Path file) {
        files.setLastFolder(file.toAbsolutePath().getParent());
        return reportFailure(files.save(file), "train.file.saveFailed");
    }

    /** Export the log as CSV, through a chooser. */
    public void exportCsvWithChooser() {
        FileChooser chooser = chooser(i18n.text("train.file.csvTitle"));
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        chooser.setInitialFileName("training_log.csv");
        File file = chooser.showSaveDialog(dialogs.owner());
        if (file == null) {
            return;
        }
        Path target = withExtension(file.toPath(), ".csv");
        files.setLastFolder(target.toAbsolutePath().getParent());
        reportFailure(files.exportCsv(target), "train.file.csvFailed");
    }

    /** Export {@code charts} as PNG, through a chooser. */
    public void exportPngWithChooser(Node charts) {
        FileChooser chooser = chooser(i18n.text("train.file.pngTitle"));
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("PNG", "*.png"));
        chooser.setInitialFileName("training_charts.png");
        File file = chooser.showSaveDialog(dialogs.owner());
        if (file == null) {
            return;
        }
        Path target = withExtension(file.toPath(), ".png");
        files.setLastFolder(target.toAbsolutePath().getParent());
        PngExport.write(charts, target, background,
                () -> model.tell(Notice.info("train.notice.pngSaved", target)),
                failure -> error(i18n.text("train.file.pngFailed"), i18n.describe(failure)));
    }

    private CompletableFuture<Void> reportFailure(CompletableFuture<Void> work, String titleKey) {
        return work.whenComplete((ok, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                error(i18n.text(titleKey), cause instanceof Refused refused ? refused.notice().text(i18n)
                        : i18n.describe(cause));
            }
        });
    }

    /** A dialog with one sentence; not modal-blocking, so a test or a training run is not held up. */
    private void error(String header, String sentence) {
        Alert alert = dialogs.alert(Alert.AlertType.ERROR, i18n.text("train.file.errorTitle"), header, sentence);
        alert.getDialogPane().getContent().setId("modelErrorText");
        alert.getDialogPane().setId("modelErrorDialog");
        alert.show();
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        Path folder = files.lastFolder();
        if (folder != null && Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        return chooser;
    }

    private static Path withExtension(Path file, String extension) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".npz") || lower.endsWith(".bpex") || lower.endsWith(extension)) {
            return file;
        }
        return file.resolveSibling(name + extension);
    }
}
