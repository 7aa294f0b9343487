package com.backpropexplorer.ui;

import com.backpropexplorer.data.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;

/**
 * Writes a node as a PNG: snapshot on the FX thread (at twice the size, so text stays sharp
 * when the picture is zoomed), encoding and writing in the background, to a temporary file
 * moved into place so an interrupted export never leaves half a picture.
 */
public final class PngExport {
    /** Pixels per logical pixel in exported pictures. */
    public static final double EXPORT_SCALE = 2;

    private PngExport() {
    }

    /** Takes the snapshot now (FX thread); writes it on {@code background}; reports on the FX thread. */
    public static void write(Node node, Path target, Executor background, Runnable done, Consumer<Throwable> failed) {
        WritableImage image = snapshot(node, EXPORT_SCALE);
        background.execute(() -> {
            try {
                writeImage(image, target);
                Platform.runLater(done);
            } catch (IOException | RuntimeException e) {
                // the caller says it in the window's language (I18n.describe)
                Platform.runLater(() -> failed.accept(e));
            }
        });
    }

    /**
     * The node as an image, scaled from its own size (whatever zoom it is shown at: the
     * snapshot applies the node's scale, so it is divided out); the background is the node's
     * own (its CSS) or white.
     */
    public static WritableImage snapshot(Node node, double scale) {
        SnapshotParameters parameters = new SnapshotParameters();
        double sx = node.getScaleX() > 0 ? scale / node.getScaleX() : scale;
        double sy = node.getScaleY() > 0 ? scale / node.getScaleY() : scale;
        parameters.setTransform(Transform.scale(sx, sy));
        parameters.setFill(Color.TRANSPARENT);
        return node.snapshot(parameters, null);
    }

    /** Encodes as PNG into a temporary sibling, then moves it onto {@code target}. */
    public static void writeImage(WritableImage image, Path target) throws IOException {
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        AtomicFiles.write(target, out -> {
            if (!ImageIO.write(buffered, "png", out)) {
                throw new IOException("no PNG writer is available");
            }
        });
    }
}
