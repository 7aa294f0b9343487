package com.backpropexplorer.ui.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.stage.DirectoryChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Dialogs and small windows owned by the main window, in its look: its stylesheets, and its
 * theme and language style classes ("dark", "ja"), so a dialog opened in the dark theme is dark.
 * Each opens centred over the main window and on its screen, with or without a window manager
 * (without one, JavaFX alone placed a wrapped-text alert a screen's width to the left).
 */
public final class Dialogs {
    private static final double TEXT_WIDTH = 520;

    private final Window owner;

    /** @param owner the main window, or null (then dialogs have no owner and the default look) */
    public Dialogs(Window owner) {
        this.owner = owner;
    }

    /** The main window: the owner of file choosers. */
    public Window owner() {
        return owner;
    }

    /** Asks for a folder in the system's folder chooser, over the main window; empty if cancelled. */
    public Optional<Path> chooseFolder(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        File dir = chooser.showDialog(owner);
        return Optional.ofNullable(dir).map(File::toPath);
    }

    /**
     * An alert with one wrapped sentence as its content, owned by and styled like the main
     * window, not yet shown.
     */
    public Alert alert(Alert.AlertType type, String title, String header, String sentence) {
        Alert alert = new Alert(type, "", ButtonType.OK);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(title);
        alert.setHeaderText(header);
        Label body = new Label(sentence);
        body.setWrapText(true);
        body.setMaxWidth(TEXT_WIDTH);
        body.getStyleClass().add("dialog-text");
        alert.getDialogPane().setContent(body);
        style(alert.getDialogPane());
        alert.setOnShown(e -> placeOverOwner(alert.getDialogPane().getScene().getWindow()));
        return alert;
    }

    /** A window of its own (e.g. W1 as tiles), owned by the main window and in its look, not yet shown. */
    public Stage window(String title, Parent content, double width, double height) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(title);
        Scene scene = new Scene(content, width, height);
        Scene main = owner == null ? null : owner.getScene();
        if (main != null) {
            scene.getStylesheets().setAll(main.getStylesheets());
            content.getStyleClass().addAll(main.getRoot().getStyleClass());
        }
        stage.setScene(scene);
        stage.setOnShown(e -> Platform.runLater(() -> {
            stage.sizeToScene(); // JavaFX 21 under openbox opened it at 200×200 (JDK-8316423)
            placeOverOwner(stage);
        }));
        return stage;
    }

    /**
     * Moves a shown window to the centre of the owner, kept inside the owner's screen (so its
     * title bar can always be reached); without an owner, to the centre of the primary screen.
     */
    public void placeOverOwner(Window window) {
        Rectangle2D screen = screenOf(owner);
        double width = window.getWidth();
        double height = window.getHeight();
        double x;
        double y;
        if (owner != null && owner.isShowing()) {
            x = owner.getX() + (owner.getWidth() - width) / 2;
            y = owner.getY() + (owner.getHeight() - height) / 2;
        } else {
            x = screen.getMinX() + (screen.getWidth() - width) / 2;
            y = screen.getMinY() + (screen.getHeight() - height) / 2;
        }
        window.setX(clamp(x, screen.getMinX(), screen.getMaxX() - width));
        window.setY(clamp(y, screen.getMinY(), screen.getMaxY() - height));
    }

    private static Rectangle2D screenOf(Window window) {
        if (window != null && window.getWidth() > 0) {
            var screens = Screen.getScreensForRectangle(window.getX(), window.getY(), window.getWidth(),
                    window.getHeight());
            if (!screens.isEmpty()) {
                return screens.get(0).getVisualBounds();
            }
        }
        return Screen.getPrimary().getVisualBounds();
    }

    /** Within [min, max], and at min when the window is larger than the screen. */
    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(value, max));
    }

    private void style(DialogPane pane) {
        Scene main = owner == null ? null : owner.getScene();
        if (main != null) {
            pane.getStylesheets().setAll(main.getStylesheets());
        }
    }
}
