package com.backpropexplorer.ui.shell;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Dialogs and small windows owned by the main window, in its look: its stylesheets, and its
 * theme and language style classes ("dark", "ja"), so a dialog opened in the dark theme is dark.
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
        return stage;
    }

    private void style(DialogPane pane) {
        Scene main = owner == null ? null : owner.getScene();
        if (main != null) {
            pane.getStylesheets().setAll(main.getStylesheets());
        }
    }
}
