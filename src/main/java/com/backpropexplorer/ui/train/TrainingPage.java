package com.backpropexplorer.ui.train;

import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.OptimizerKind;
import com.backpropexplorer.ui.Fxml;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.Theme;
import com.backpropexplorer.ui.shared.MnistFolder;
import com.backpropexplorer.ui.shell.Dialogs;
import com.backpropexplorer.ui.shell.Page;
import com.backpropexplorer.ui.shell.StatusLine;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/**
 * The training view: where MNIST is, the hyperparameters, Start / Continue / Pause / Resume /
 * Stop with a progress line, and live pictures of the run. Laid out by train.fxml; this class
 * is its controller. All state lives in the {@link TrainingModel} and the {@link DatasetModel},
 * which outlive the page; the page only shows them, so a language switch rebuilds it without
 * disturbing a run.
 */
public final class TrainingPage implements Page {
    private static final PseudoClass RUNNING = PseudoClass.getPseudoClass("running");

    private final I18n i18n;
    private final TrainingModel model;
    private final DatasetModel dataset;
    private final MnistFolder mnist;
    private final ModelActions actions;
    private final StatusLine status;
    private final Dialogs dialogs;
    private final ObservableValue<Theme> theme;
    private final Subscriptions subscriptions = new Subscriptions();
    private final SettingsForm form;
    private final BorderPane root;
    private final TrainingCharts pictures;
    private TeachingTabs teaching;

    @FXML private Label dataText;
    @FXML private Button downloadButton;
    @FXML private Button chooseButton;
    @FXML private ProgressBar downloadBar;
    @FXML private Label downloadText;
    @FXML private Button cancelButton;
    @FXML private TextField hiddenField;
    @FXML private TextField learningRateField;
    @FXML private TextField batchField;
    @FXML private TextField lengthField;
    @FXML private ComboBox<Boolean> lengthUnit;
    @FXML private TextField initStdField;
    @FXML private ComboBox<Activation> activationChoice;
    @FXML private ComboBox<OptimizerKind> optimizerChoice;
    @FXML private TextField seedField;
    @FXML private Button startButton;
    @FXML private Button continueButton;
    @FXML private Button pauseButton;
    @FXML private Button resumeButton;
    @FXML private Button stopButton;
    @FXML private ProgressBar progress;
    @FXML private Label progressLine;
    @FXML private Label timeLine;
    @FXML private Label notice;
    @FXML private Button openButton;
    @FXML private Button saveButton;
    @FXML private Button csvButton;
    @FXML private GridPane charts;
    @FXML private VBox lossCard;
    @FXML private VBox accuracyCard;
    @FXML private VBox tilesCard;
    @FXML private VBox stripCard;
    @FXML private Label tilesScale;
    @FXML private Label stripSummary;

    /**
     * @param model the run
     * @param dataset where the examples come from
     * @param mnist the MNIST download, shown while it runs
     * @param actions open, save and export
     * @param status the window's status line, which the page fills while it is shown
     * @param dialogs for the folder chooser
     * @param theme light or dark, for the charts
     */
    public TrainingPage(I18n i18n, TrainingModel model, DatasetModel dataset, MnistFolder mnist, ModelActions actions,
                        StatusLine status, Dialogs dialogs, ObservableValue<Theme> theme) {
        this.i18n = i18n;
        this.model = model;
        this.dataset = dataset;
        this.mnist = mnist;
        this.actions = actions;
        this.status = status;
        this.dialogs = dialogs;
        this.theme = theme;
        this.form = new SettingsForm(model.settings(), subscriptions);
        root = Fxml.load(TrainingPage.class, "train.fxml", i18n, this);
        pictures = new TrainingCharts(i18n, model, dataset, lossCard, accuracyCard, tilesCard, stripCard, tilesScale,
                stripSummary);
        bindSettings();
        bindButtons();
        bindDownload();

        subscriptions.listen(model.log().versionProperty(), (obs, o, n) -> pictures.redraw());
        subscriptions.listen(model.weightsProperty(), (obs, o, n) -> pictures.showWeights(n));
        subscriptions.listen(model.predictionsProperty(), (obs, o, n) -> pictures.showPredictions());
        subscriptions.listen(dataset.stripProperty(), (obs, o, n) -> pictures.showDigits());
        subscriptions.listen(model.stateProperty(), (obs, o, n) -> {
            showState();
            pictures.redraw();
            status.show(statusHint());
        });
        subscriptions.listen(model.settings().lengthProperty(), (obs, o, n) -> showContinue());
        subscriptions.listen(model.settings().inEpochsProperty(), (obs, o, n) -> showContinue());
        subscriptions.listen(model.noticeProperty(), (obs, o, n) -> showNotice());
        subscriptions.listen(dataset.folderProperty(), (obs, o, n) -> showData());
        subscriptions.listen(dataset.dataProperty(), (obs, o, n) -> showData());
        subscriptions.listen(model.progress().doneProperty(), (obs, o, n) -> showProgress());
        subscriptions.listen(model.progress().secondsProperty(), (obs, o, n) -> showProgress());
        subscriptions.listen(theme, (obs, o, n) -> pictures.setDark(n.isDark()));
        pictures.showDigits();
        pictures.showWeights(model.weightsProperty().get());
        showState();
        showNotice();
        showData();
        pictures.setDark(theme.getValue().isDark());
    }

    private void bindSettings() {
        TrainingSettings s = model.settings();
        form.field(hiddenField, TrainingSettings.HIDDEN, s.hiddenProperty());
        form.field(learningRateField, TrainingSettings.LEARNING_RATE, s.learningRateProperty());
        form.field(batchField, TrainingSettings.BATCH, s.batchProperty());
        form.field(lengthField, TrainingSettings.LENGTH, s.lengthProperty());
        form.field(initStdField, TrainingSettings.INIT_STD, s.initStdProperty());
        form.field(seedField, TrainingSettings.SEED, s.seedProperty());
        form.lengthUnit(lengthUnit, i18n);
        form.activation(activationChoice, i18n);
        form.optimizer(optimizerChoice, i18n);
    }

    private void bindButtons() {
        startButton.disableProperty().bind(Bindings.createBooleanBinding(() -> model.state().active(),
                model.stateProperty()));
        continueButton.disableProperty().bind(Bindings.createBooleanBinding(() -> model.state().active()
                || !model.hasNetProperty().get(), model.stateProperty(), model.hasNetProperty()));
        pauseButton.disableProperty().bind(model.stateProperty().isNotEqualTo(TrainingState.RUNNING));
        resumeButton.disableProperty().bind(model.stateProperty().isNotEqualTo(TrainingState.PAUSED));
        stopButton.disableProperty().bind(Bindings.createBooleanBinding(() -> model.state() != TrainingState.RUNNING
                && model.state() != TrainingState.PAUSED, model.stateProperty()));
        openButton.disableProperty().bind(Bindings.createBooleanBinding(() -> model.state().active(),
                model.stateProperty()));
        saveButton.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.hasNetProperty().get()
                || model.state() == TrainingState.RUNNING || model.state() == TrainingState.STOPPING,
                model.stateProperty(), model.hasNetProperty()));
        csvButton.disableProperty().bind(Bindings.createBooleanBinding(() -> model.log().size() == 0,
                model.log().versionProperty()));
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

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void shown() {
        dataset.refresh();
        status.show(statusHint());
    }

    @Override
    public void hidden() {
        // the models outlive this page: let go of them so the old page can be collected
        subscriptions.cancelAll();
        pictures.stop();
    }

    /**
     * Puts this run's pictures in the first of three tabs; the others show which test digits
     * the run gets wrong and the comparison of configurations ({@link TeachingTabs}).
     *
     * @param queue the comparison, which outlives the page
     * @param explain opens a test digit in the MNIST lesson's step-through
     * @param background where exported files are written
     */
    public void addTeachingTabs(com.backpropexplorer.ui.compare.ComparisonQueue queue,
                                com.backpropexplorer.ui.compare.ConfusionPane.ExplainDigit explain,
                                java.util.concurrent.Executor background) {
        teaching = new TeachingTabs(i18n, model, dataset, root.getCenter(), queue, explain, background,
                dialogs::owner, subscriptions);
        root.setCenter(teaching.view());
        subscriptions.listen(theme, (obs, o, n) -> teaching.setDark(n.isDark()));
        teaching.setDark(theme.getValue().isDark());
    }

    TeachingTabs teaching() {
        return teaching;
    }

    /** What File → Export PNG writes: the charts, the tiles and the strip. */
    @Override
    public Node exportable() {
        return charts;
    }

    public TrainingModel model() {
        return model;
    }

    LossChart lossChart() {
        return pictures.lossChart();
    }

    AccuracyChart accuracyChart() {
        return pictures.accuracyChart();
    }

    WeightTilesView tiles() {
        return pictures.tiles();
    }

    PredictionStrip strip() {
        return pictures.strip();
    }

    // ------------------------------------------------------------ showing the model

    private void showState() {
        progress.setProgress(model.state() == TrainingState.LOADING ? ProgressBar.INDETERMINATE_PROGRESS
                : model.progress().fraction());
        root.pseudoClassStateChanged(RUNNING, model.state() == TrainingState.RUNNING);
        showProgress();
    }

    /** The status line's sentence for the run's state: "press Start" only when Start is what to do. */
    private String statusHint() {
        return switch (model.state()) {
            case LOADING, RUNNING, STOPPING -> i18n.text("train.status.running");
            case PAUSED -> i18n.text("train.status.paused");
            default -> i18n.text("train.status.hint");
        };
    }

    /** Continue says how far it goes: the rest of a plan a Stop cut short, or "Train for" more. */
    private void showContinue() {
        int more = model.continueLength();
        continueButton.setText(more > 0 && model.hasNetProperty().get()
                ? i18n.text("train.action.continueFor", more) : i18n.text("train.action.continue"));
    }

    private void showProgress() {
        TrainingState state = model.state();
        if (state != TrainingState.LOADING) {
            progress.setProgress(model.progress().fraction());
        }
        String stateText = i18n.text("train.state." + state.name().toLowerCase(Locale.ROOT));
        progressLine.setText(model.plannedEnd() == 0 && model.progress().doneProperty().get() == 0
                ? i18n.text("train.progress.none", stateText)
                : i18n.text("train.progress", stateText, model.progress().doneProperty().get(),
                model.plannedEnd(), String.format(Locale.ROOT, "%.2f", model.epoch())));
        showContinue();
        double left = model.progress().secondsLeft();
        boolean live = state == TrainingState.RUNNING;
        timeLine.setText(i18n.text("train.time", clock(model.progress().secondsProperty().get()),
                live && Double.isFinite(left) ? clock(left) : "–",
                String.format(Locale.ROOT, "%.0f", model.progress().stepsPerSecondProperty().get())));
    }

    private void showNotice() {
        Notice n = model.noticeProperty().get();
        notice.getStyleClass().removeAll("error", "info");
        if (n == null) {
            notice.setText("");
            return;
        }
        notice.setText(n.text(i18n));
        notice.getStyleClass().add(n.error() ? "error" : "info");
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

    private static String clock(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "–";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    // ------------------------------------------------------------ actions (FXML)

    @FXML
    private void download() {
        dataset.download(model::tell);
    }

    @FXML
    private void cancelDownload() {
        mnist.cancelDownload();
    }

    @FXML
    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(i18n.text("mnist.choose.title"));
        File dir = chooser.showDialog(dialogs.owner());
        if (dir != null) {
            model.tell(dataset.useFolder(dir.toPath()));
        }
    }

    @FXML
    private void defaults() {
        form.reset();
    }

    @FXML
    private void start() {
        model.start();
    }

    @FXML
    private void continueTraining() {
        model.continueTraining();
    }

    @FXML
    private void pause() {
        model.pause();
    }

    @FXML
    private void resume() {
        model.resume();
    }

    @FXML
    private void stop() {
        model.stop();
    }

    @FXML
    private void open() {
        actions.openWithChooser();
    }

    @FXML
    private void save() {
        actions.saveWithChooser();
    }

    @FXML
    private void exportCsv() {
        actions.exportCsvWithChooser();
    }

    @FXML
    private void exportPng() {
        actions.exportPngWithChooser(charts);
    }
}
