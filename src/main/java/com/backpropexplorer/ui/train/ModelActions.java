package com.backpropexplorer.ui.train;

import com.backpropexplorer.data.DataException;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.PngExport;
import com.backpropexplorer.ui.pages.AppContext;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.FileChooser;

/**
 * Open and save a model, export the training log, from the File menu or the training view:
 * the file choosers, and a one-sentence dialog when a file is refused (the current model stays).
 */
public final class ModelActions {
    private ModelActions() {
    }

    /** File → Open model…: a chooser, then {@link #open(AppContext, Path)}. */
    public static void openWithChooser(AppContext ctx) {
        I18n i18n = ctx.i18n();
        FileChooser chooser = chooser(ctx, i18n.text("train.file.openTitle"));
        chooser.getExtensionFilters().setAll(
                new FileChooser.ExtensionFilter(i18n.text("train.file.models"), "*.npz", "*.bpex"),
                new FileChooser.ExtensionFilter(i18n.text("train.file.npz"), "*.npz"),
                new FileChooser.ExtensionFilter(i18n.text("train.file.bpex"), "*.bpex"),
                new FileChooser.ExtensionFilter(i18n.text("train.file.all"), "*"));
        File file = chooser.showOpenDialog(ctx.window());
        if (file != null) {
            open(ctx, file.toPath());
        }
    }

    /** Opens {@code file}; a refused file gets a dialog and leaves the current model as it was. */
    public static CompletableFuture<Void> open(AppContext ctx, Path file) {
        TrainingModel model = ctx.training();
        model.setLastFolder(file.toAbsolutePath().getParent());
        return reportFailure(ctx, model.openModel(file), "train.file.openFailed");
    }

    /** File → Save model…: a chooser (.npz or .bpex), then {@link #save(AppContext, Path)}. */
    public static void saveWithChooser(AppContext ctx) {
        I18n i18n = ctx.i18n();
        if (!ctx.training().hasNetProperty().get() && ctx.trainedNetProperty().get() == null) {
            error(ctx, i18n.text("train.file.saveFailed"), i18n.text("train.notice.nothingToSave"));
            return;
        }
        FileChooser chooser = chooser(ctx, i18n.text("train.file.saveTitle"));
        FileChooser.ExtensionFilter npz = new FileChooser.ExtensionFilter(i18n.text("train.file.npz"), "*.npz");
        FileChooser.ExtensionFilter bpex = new FileChooser.ExtensionFilter(i18n.text("train.file.bpex"), "*.bpex");
        chooser.getExtensionFilters().setAll(npz, bpex);
        chooser.setInitialFileName("two_layer_net.npz");
        File file = chooser.showSaveDialog(ctx.window());
        if (file == null) {
            return;
        }
        Path target = withExtension(file.toPath(), chooser.getSelectedExtensionFilter() == bpex ? ".bpex" : ".npz");
        save(ctx, target);
    }

    /** Saves the current model to {@code file} (atomically); a failure gets a dialog. */
    public static CompletableFuture<Void> save(AppContext ctx, Path file) {
        TrainingModel model = ctx.training();
        model.setLastFolder(file.toAbsolutePath().getParent());
        return reportFailure(ctx, model.saveModel(file), "train.file.saveFailed");
    }

    /** Export the log as CSV, through a chooser. */
    public static void exportCsvWithChooser(AppContext ctx) {
        I18n i18n = ctx.i18n();
        FileChooser chooser = chooser(ctx, i18n.text("train.file.csvTitle"));
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        chooser.setInitialFileName("training_log.csv");
        File file = chooser.showSaveDialog(ctx.window());
        if (file == null) {
            return;
        }
        Path target = withExtension(file.toPath(), ".csv");
        ctx.training().setLastFolder(target.toAbsolutePath().getParent());
        reportFailure(ctx, ctx.training().exportCsv(target), "train.file.csvFailed");
    }

    /** Export {@code charts} as PNG, through a chooser. */
    public static void exportPngWithChooser(AppContext ctx, Node charts) {
        I18n i18n = ctx.i18n();
        FileChooser chooser = chooser(ctx, i18n.text("train.file.pngTitle"));
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("PNG", "*.png"));
        chooser.setInitialFileName("training_charts.png");
        File file = chooser.showSaveDialog(ctx.window());
        if (file == null) {
            return;
        }
        Path target = withExtension(file.toPath(), ".png");
        ctx.training().setLastFolder(target.toAbsolutePath().getParent());
        PngExport.write(charts, target, ctx.background(),
                () -> ctx.training().tell(TrainingModel.Notice.info("train.notice.pngSaved", target)),
                failure -> error(ctx, i18n.text("train.file.pngFailed"), DataException.describe(failure, i18n.locale())));
    }

    private static CompletableFuture<Void> reportFailure(AppContext ctx, CompletableFuture<Void> work, String titleKey) {
        return work.whenComplete((ok, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                error(ctx, ctx.i18n().text(titleKey), DataException.describe(cause, ctx.i18n().locale()));
            }
        });
    }

    /** A dialog with one sentence; not modal-blocking, so a test or a training run is not held up. */
    static void error(AppContext ctx, String header, String sentence) {
        Alert alert = new Alert(Alert.AlertType.ERROR, "", ButtonType.OK);
        if (ctx.window() != null) {
            alert.initOwner(ctx.window());
            if (ctx.window().getScene() != null) {
                alert.getDialogPane().getStylesheets().setAll(ctx.window().getScene().getStylesheets());
            }
        }
        alert.setTitle(ctx.i18n().text("train.file.errorTitle"));
        alert.setHeaderText(header);
        Label body = new Label(sentence);
        body.setWrapText(true);
        body.setMaxWidth(520);
        body.setId("modelErrorText");
        alert.getDialogPane().setContent(body);
        alert.getDialogPane().setId("modelErrorDialog");
        alert.show();
    }

    private static FileChooser chooser(AppContext ctx, String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        Path folder = ctx.training().lastFolder();
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
