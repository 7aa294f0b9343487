package com.backpropexplorer.ui.train;

import com.backpropexplorer.ui.Fxml;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.shared.MnistFolder;
import com.backpropexplorer.ui.shell.Dialogs;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;

/**
 * The training view's data row: where the training set is (found, loaded or missing), the
 * MNIST download while it runs, and a folder of the learner's choice. Controller of
 * train-data.fxml; the state is the {@link DatasetModel}'s and the {@link MnistFolder}'s.
 */
final class DataRow {
    private final I18n i18n;
    private final DatasetModel dataset;
    private final MnistFolder mnist;
    private final Dialogs dialogs;
    private final Consumer<Notice> tell;
    private final HBox root;

    @FXML private Label dataText;
    @FXML private Button downloadButton;
    @FXML private Button chooseButton;
    @FXML private ProgressBar downloadBar;
    @FXML private Label downloadText;
    @FXML private Button cancelButton;

    /**
     * @param tell where the download's and the folder's outcome is said (the view's notice line)
     * @param subscriptions holds the listeners on the models, which outlive the row
     */
    DataRow(I18n i18n, DatasetModel dataset, MnistFolder mnist, Dialogs dialogs, Consumer<Notice> tell,
            Subscriptions subscriptions) {
        this.i18n = i18n;
        this.dataset = dataset;
        this.mnist = mnist;
        this.dialogs = dialogs;
        this.tell = tell;
        root = Fxml.load(DataRow.class, "train-data.fxml", i18n, this);
        bindDownload();
        subscriptions.listen(dataset.folderProperty(), (obs, o, n) -> showData());
        subscriptions.listen(dataset.dataProperty(), (obs, o, n) -> showData());
        showData();
    }

    Node view() {
        return root;
    }

    private void bindDownload() {
        downloadBar.progressProperty().bind(mnist.progressProperty());
        downloadText.textProperty().bind(Bindings.createStringBinding(() -> mnist.latestProperty().get() == null
                ? "" : mnist.latestProperty().get().describe(i18n), mnist.latestProperty()));
        downloadButton.visibleProperty().bind(Bindings.createBooleanBinding(() -> dataset.folderProperty().get() == null
                && !mnist.downloadingProperty().get(), dataset.folderProperty(), mnist.downloadingProperty()));
        downloadButton.managedProperty().bind(downloadButton.visibleProperty());
        chooseButton.disableProperty().bind(mnist.downloadingProperty());
        for (Node n : List.of(cancelButton, downloadBar, downloadText)) {
            n.visibleProperty().bind(mnist.downloadingProperty());
            n.managedProperty().bind(mnist.downloadingProperty());
        }
    }

    private void showData() {
        Path folder = dataset.folderProperty().get();
        TrainingSet set = dataset.data();
        dataText.getStyleClass().removeAll("found", "missing");
        if (set != null) {
            dataText.setText(i18n.text("train.data.loaded", set.name(), set.data().trainSize(), set.data().testSize(),
                    set.folder() == null ? "" : set.folder()));
            dataText.getStyleClass().add("found");
        } else if (folder != null) {
            dataText.setText(i18n.text("train.data.found", folder));
            dataText.getStyleClass().add("found");
        } else {
            dataText.setText(i18n.text("train.data.missing"));
            dataText.getStyleClass().add("missing");
        }
    }

    // ------------------------------------------------------------ actions (FXML)

    @FXML
    private void download() {
        dataset.download(tell);
    }

    @FXML
    private void cancelDownload() {
        mnist.cancelDownload();
    }

    @FXML
    private void chooseFolder() {
        dialogs.chooseFolder(i18n.text("mnist.choose.title")).ifPresent(dir -> tell.accept(dataset.useFolder(dir)));
    }
}
