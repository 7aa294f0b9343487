package com.backpropexplorer.ui.draw;

import com.backpropexplorer.data.DataException;
import com.backpropexplorer.data.ImageFiles;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.shell.Dialogs;
import com.backpropexplorer.ui.shell.StatusLine;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.concurrent.Task;
import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.stage.FileChooser;

/**
 * Puts a picture of a digit (PNG or JPEG, chosen or dropped on the paper) on the paper: read off
 * the FX thread, turned into ink the MNIST way, and said in the status line, a file that is not
 * a picture with one sentence.
 */
final class PictureOpener {
    private final I18n i18n;
    private final DrawModel model;
    private final StatusLine status;
    private final Dialogs dialogs;
    private final Executor background;

    /**
     * @param dialogs the owner of the chooser
     * @param background where pictures are read
     */
    PictureOpener(I18n i18n, DrawModel model, StatusLine status, Dialogs dialogs, Executor background) {
        this.i18n = i18n;
        this.model = model;
        this.status = status;
        this.dialogs = dialogs;
        this.background = background;
    }

    /** A chooser of pictures, then {@link #open}. */
    void choose() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.text("draw.open.title"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(i18n.text("draw.open.images"), "*.png", "*.jpg", "*.jpeg",
                        "*.PNG", "*.JPG", "*.JPEG"),
                new FileChooser.ExtensionFilter(i18n.text("draw.open.all"), "*"));
        File file = chooser.showOpenDialog(dialogs.owner());
        if (file != null) {
            open(file.toPath());
        }
    }

    /** Reads a picture off the FX thread and puts it on the paper. */
    void open(Path file) {
        String name = file.getFileName().toString();
        Task<double[]> task = new Task<>() {
            @Override
            protected double[] call() {
                return DrawModel.pictureInk(ImageFiles.read(file));
            }
        };
        task.setOnSucceeded(e -> {
            model.showPicture(task.getValue());
            status.show(i18n.text("draw.open.done", name));
        });
        task.setOnFailed(e -> status.show(task.getException() instanceof DataException
                ? i18n.text("draw.open.failed", name) : i18n.text("draw.open.error", name,
                        i18n.describe(task.getException()))));
        status.show(i18n.text("draw.open.reading", name));
        background.execute(task);
    }

    /** Files dropped on {@code target} are opened (the first of them). */
    void acceptDrops(Node target) {
        target.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        target.setOnDragDropped((DragEvent e) -> {
            List<File> files = e.getDragboard().getFiles();
            boolean ok = files != null && !files.isEmpty();
            if (ok) {
                open(files.get(0).toPath());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }
}
