package com.backpropexplorer.ui.explainer;

import com.backpropexplorer.ui.Fxml;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.shared.MnistFolder;
import com.backpropexplorer.ui.shell.Dialogs;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * Shown over a lesson's graph while it cannot find MNIST: where it was looked for, and the
 * download (with progress and cancel) or a folder of the learner's choice. Controller of
 * mnist-missing.fxml.
 */
public final class MnistMissingPane {
    private final I18n i18n;
    private final MnistFolder mnist;
    private final Dialogs dialogs;
    private final Runnable retry;
    private final VBox root;
    /** Why the last download failed, shown where the progress was. */
    private final StringProperty failure = new SimpleStringProperty("");

    @FXML private Label missingText;
    @FXML private Button downloadButton;
    @FXML private Button chooseButton;
    @FXML private Button cancelDownloadButton;
    @FXML private Label downloadProgress;

    /**
     * @param retry computes the lesson again once MNIST may be there (chosen or downloaded)
     */
    public MnistMissingPane(I18n i18n, MnistFolder mnist, Dialogs dialogs, Runnable retry) {
        this.i18n = i18n;
        this.mnist = mnist;
        this.dialogs = dialogs;
        this.retry = retry;
        root = Fxml.load(MnistMissingPane.class, "mnist-missing.fxml", i18n, this);
        downloadButton.disableProperty().bind(mnist.downloadingProperty());
        chooseButton.disableProperty().bind(mnist.downloadingProperty());
        cancelDownloadButton.visibleProperty().bind(mnist.downloadingProperty());
        downloadProgress.textProperty().bind(Bindings.createStringBinding(() -> {
            MnistFolder.DownloadProgress p = mnist.latestProperty().get();
            return p != null ? p.describe(i18n) : failure.get();
        }, mnist.latestProperty(), failure));
    }

    public VBox view() {
        return root;
    }

    /** Shows or hides the pane, with the sentence saying where MNIST was looked for. */
    public void show(boolean missing, String why) {
        root.setVisible(missing);
        root.setManaged(missing);
        missingText.setText(why);
    }

    @FXML
    private void choose() {
        dialogs.chooseFolder(i18n.text("mnist.choose.title")).ifPresent(dir -> {
            mnist.chosenProperty().set(dir);
            retry.run();
        });
    }

    @FXML
    private void download() {
        failure.set("");
        mnist.download().whenComplete((folder, error) -> {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause()
                    : error;
            if (cause == null) {
                retry.run();
            } else if (!(cause instanceof CancellationException)) {
                failure.set(i18n.text("mnist.download.failed", i18n.describe(cause)));
            }
        });
    }

    @FXML
    private void cancel() {
        mnist.cancelDownload();
    }
}
