package com.backpropexplorer.ui.train;

import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.OptimizerKind;
import com.backpropexplorer.ui.Fxml;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.shared.MnistFolder;
import com.backpropexplorer.ui.shell.Dialogs;
import com.backpropexplorer.ui.shell.Page;
import com.backpropexplorer.ui.shell.StatusLine;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The training view: where MNIST is ({@link DataRow}), the hyperparameters ({@link SettingsForm}),
 * Start / Continue / Pause / Resume / Stop with a progress line ({@link RunControls}), the model's
 * files, and live pictures of the run ({@link TrainingCharts}). Laid out by train.fxml; this class
 * is its controller and puts the parts in. All state lives in the {@link TrainingModel} and the {@link DatasetModel},
 * which outlive the page; the page only shows them, so a language switch rebuilds it without
 * disturbing a run.
 */
public final class TrainingPage implements Page {
    private static final PseudoClass RUNNING = PseudoClass.getPseudoClass("running");

    private final I18n i18n;
    private final TrainingModel model;
    private final DatasetModel dataset;
    private final ModelActions actions;
    private final StatusLine status;
    private final Dialogs dialogs;
    private final Subscriptions subscriptions = new Subscriptions();
    private final SettingsForm form;
    private final BorderPane root;
    private final RunControls run;
    private final TrainingCharts pictures;
    private TeachingTabs teaching;

    @FXML private VBox header;
    @FXML private VBox settingsColumn;
    @FXML private Label modelSection;
    @FXML private TextField hiddenField;
    @FXML private TextField learningRateField;
    @FXML private TextField batchField;
    @FXML private TextField lengthField;
    @FXML private ComboBox<Boolean> lengthUnit;
    @FXML private TextField initStdField;
    @FXML private ComboBox<Activation> activationChoice;
    @FXML private ComboBox<OptimizerKind> optimizerChoice;
    @FXML private TextField seedField;
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
     */
    public TrainingPage(I18n i18n, TrainingModel model, DatasetModel dataset, MnistFolder mnist, ModelActions actions,
                        StatusLine status, Dialogs dialogs) {
        this.i18n = i18n;
        this.model = model;
        this.dataset = dataset;
        this.actions = actions;
        this.status = status;
        this.dialogs = dialogs;
        this.form = new SettingsForm(model.settings(), subscriptions);
        root = Fxml.load(TrainingPage.class, "train.fxml", i18n, this);
        header.getChildren().add(new DataRow(i18n, dataset, mnist, dialogs, model::tell, subscriptions).view());
        run = new RunControls(i18n, model, subscriptions);
        settingsColumn.getChildren().add(settingsColumn.getChildren().indexOf(modelSection), run.view());
        pictures = new TrainingCharts(i18n, model, dataset, lossCard, accuracyCard, tilesCard, stripCard, tilesScale,
                stripSummary);
        bindSettings();
        bindModelButtons();

        subscriptions.listen(model.log().versionProperty(), (obs, o, n) -> pictures.redraw());
        subscriptions.listen(model.weightsProperty(), (obs, o, n) -> pictures.showWeights(n));
        subscriptions.listen(model.predictionsProperty(), (obs, o, n) -> pictures.showPredictions());
        subscriptions.listen(dataset.stripProperty(), (obs, o, n) -> pictures.showDigits());
        subscriptions.listen(model.stateProperty(), (obs, o, n) -> {
            root.pseudoClassStateChanged(RUNNING, n == TrainingState.RUNNING);
            pictures.redraw();
            status.show(run.statusHint());
        });
        pictures.showDigits();
        pictures.showWeights(model.weightsProperty().get());
        root.pseudoClassStateChanged(RUNNING, model.state() == TrainingState.RUNNING);
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

    private void bindModelButtons() {
        openButton.disableProperty().bind(Bindings.createBooleanBinding(() -> model.state().active(),
                model.stateProperty()));
        saveButton.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.hasNetProperty().get()
                || model.state() == TrainingState.RUNNING || model.state() == TrainingState.STOPPING,
                model.stateProperty(), model.hasNetProperty()));
        csvButton.disableProperty().bind(Bindings.createBooleanBinding(() -> model.log().size() == 0,
                model.log().versionProperty()));
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void shown() {
        dataset.refresh();
        status.show(run.statusHint());
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

    // ------------------------------------------------------------ actions (FXML)

    @FXML
    private void defaults() {
        form.reset();
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
