package com.backpropexplorer.ui.train;

import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.OptimizerKind;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.Theme;
import com.backpropexplorer.ui.chart.ChartCanvas;
import com.backpropexplorer.ui.shared.MnistFolder;
import com.backpropexplorer.ui.shell.Dialogs;
import com.backpropexplorer.ui.shell.Page;
import com.backpropexplorer.ui.shell.StatusLine;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.SetChangeListener;
import javafx.geometry.Dimension2D;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.DirectoryChooser;
import javafx.util.StringConverter;

/**
 * The training view: where MNIST is, the hyperparameters, Start / Continue / Pause / Resume /
 * Stop with a progress line, and live pictures of the run: the loss per update, the accuracy
 * per epoch, W1's columns as 28×28 tiles, and predictions on a strip of test digits. All state
 * lives in the {@link TrainingModel}, which outlives the page; this page only shows it, so a
 * language switch rebuilds it without disturbing a run.
 */
public final class TrainingPage implements Page {
    private static final String STYLESHEET = "/com/backpropexplorer/ui/train/train.css";
    /** The loss and accuracy charts: axis titles and ticks all round, on the cards' own background. */
    static final ChartCanvas.Look CHART_LOOK = new ChartCanvas.Look("chart-canvas",
            new Insets(12, 26, 34, 58), // right: room for half of "10,000"
            new Dimension2D(220, 150), new Dimension2D(420, 230), 60,
            Color.web("#424a53"), Color.web("#c9d1d9"), Color.web("#d8dee4"), Color.web("#30363d"), false);

    private final I18n i18n;
    private final TrainingModel model;
    private final MnistFolder mnist;
    private final ModelActions actions;
    private final StatusLine status;
    private final Dialogs dialogs;
    private final ObservableValue<Theme> theme;
    private final BorderPane root = new BorderPane();
    private final LossChart lossChart;
    private final AccuracyChart accuracyChart;
    private final WeightTilesView tiles = new WeightTilesView();
    private final PredictionStrip strip;
    private final GridPane charts = new GridPane();
    private final Label tilesScale = new Label();
    private final Label stripSummary = new Label();
    private final Label notice = new Label();
    private final Label progressLine = new Label();
    private final Label timeLine = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label dataText = new Label();
    private final List<Runnable> unsubscribe = new ArrayList<>();
    private static final int LOSS_REDRAW_HZ = 10;
    private final javafx.animation.PauseTransition lossRedrawLater =
            new javafx.animation.PauseTransition(javafx.util.Duration.millis(1000.0 / LOSS_REDRAW_HZ));
    private long lastLossRedraw;
    private int accuracyPoints = -1;
    private int accuracyEnd = -1;

    /**
     * @param mnist where MNIST is, and its download
     * @param actions open, save and export
     * @param status the window's status line, which the page fills while it is shown
     * @param dialogs for the folder chooser
     * @param theme light or dark, for the charts
     */
    public TrainingPage(I18n i18n, TrainingModel model, MnistFolder mnist, ModelActions actions, StatusLine status,
                        Dialogs dialogs, ObservableValue<Theme> theme) {
        this.i18n = i18n;
        this.model = model;
        this.mnist = mnist;
        this.actions = actions;
        this.status = status;
        this.dialogs = dialogs;
        this.theme = theme;
        this.strip = new PredictionStrip(i18n);
        lossChart = new LossChart(model.log(), this::plannedEnd);
        accuracyChart = new AccuracyChart(model.log(), this::plannedEnd);
        lossChart.setTitles(i18n.text("train.chart.iterations"), i18n.text("train.chart.loss"));
        lossChart.setNames(i18n.text("train.chart.raw"), i18n.text("train.chart.smoothed", LossChart.WINDOW));
        accuracyChart.setTitles(i18n.text("train.chart.epochs"), i18n.text("train.chart.accuracy"));
        accuracyChart.setNames(i18n.text("train.chart.trainAcc"), i18n.text("train.chart.testAcc"));

        root.setId("page-train");
        root.getStyleClass().add("train-page");
        root.getStylesheets().add(TrainingPage.class.getResource(STYLESHEET).toExternalForm());
        root.setTop(header());
        ScrollPane settingsScroll = new ScrollPane(settingsColumn());
        settingsScroll.setFitToWidth(true);
        settingsScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        settingsScroll.setMinWidth(Region.USE_PREF_SIZE);
        settingsScroll.getStyleClass().add("train-settings-scroll");
        root.setLeft(settingsScroll);
        root.setCenter(chartsArea());

        subscribe(model.log().versionProperty(), (obs, o, n) -> redrawCharts());
        subscribe(model.weightsProperty(), (obs, o, n) -> showWeights(n));
        subscribe(model.predictionsProperty(), (obs, o, n) -> showPredictions());
        subscribe(model.stripProperty(), (obs, o, n) -> {
            strip.setDigits(n);
            showPredictions();
        });
        lossRedrawLater.setOnFinished(e -> redrawLoss());
        subscribe(model.stateProperty(), (obs, o, n) -> {
            showState();
            redrawCharts();
        });
        subscribe(model.noticeProperty(), (obs, o, n) -> showNotice());
        subscribe(model.dataFolderProperty(), (obs, o, n) -> showData());
        subscribe(model.dataProperty(), (obs, o, n) -> showData());
        subscribe(model.doneProperty(), (obs, o, n) -> showProgress());
        subscribe(model.secondsProperty(), (obs, o, n) -> showProgress());
        subscribe(theme, (obs, o, n) -> applyTheme());
        strip.setDigits(model.stripProperty().get());
        showWeights(model.weightsProperty().get());
        showPredictions();
        showState();
        showNotice();
        showData();
        showProgress();
        applyTheme();
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void shown() {
        model.refreshDataFolder();
        status.show(i18n.text("train.status.hint"));
    }

    @Override
    public void hidden() {
        // the model outlives this page: let go of it so the old page can be collected
        unsubscribe.forEach(Runnable::run);
        unsubscribe.clear();
        lossRedrawLater.stop();
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
        return lossChart;
    }

    AccuracyChart accuracyChart() {
        return accuracyChart;
    }

    WeightTilesView tiles() {
        return tiles;
    }

    PredictionStrip strip() {
        return strip;
    }

    // ------------------------------------------------------------ building

    private Node header() {
        Label title = new Label(i18n.text("train.title"));
        title.getStyleClass().add("lesson-title");
        Label subtitle = new Label(i18n.text("train.subtitle"));
        subtitle.getStyleClass().add("lesson-subtitle");
        subtitle.setWrapText(true);
        VBox heading = new VBox(2, title, subtitle);
        heading.getStyleClass().add("lesson-heading");

        dataText.setId("trainDataText");
        dataText.setWrapText(true);
        dataText.getStyleClass().add("train-data-text");
        Button download = button("trainDownloadButton", "train.data.download", model::download);
        Button choose = button("trainChooseButton", "train.data.choose", this::chooseFolder);
        Button cancel = button("trainCancelDownloadButton", "train.data.cancel", mnist::cancelDownload);
        ProgressBar downloadBar = new ProgressBar();
        downloadBar.setId("trainDownloadProgress");
        downloadBar.progressProperty().bind(mnist.progressProperty());
        downloadBar.setPrefWidth(160);
        Label downloadText = new Label();
        downloadText.getStyleClass().add("text-muted");
        downloadText.textProperty().bind(Bindings.createStringBinding(() -> downloadText(mnist.latestProperty().get()),
                mnist.latestProperty()));
        download.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.dataFolderProperty().get() == null
                && !mnist.downloadingProperty().get(), model.dataFolderProperty(), mnist.downloadingProperty()));
        download.managedProperty().bind(download.visibleProperty());
        choose.disableProperty().bind(mnist.downloadingProperty());
        for (Node n : List.of(cancel, downloadBar, downloadText)) {
            n.visibleProperty().bind(mnist.downloadingProperty());
            n.managedProperty().bind(mnist.downloadingProperty());
        }
        HBox dataRow = new HBox(8, dataText, download, choose, downloadBar, downloadText, cancel);
        dataRow.setAlignment(Pos.CENTER_LEFT);
        dataRow.getStyleClass().add("train-data-row");
        HBox.setHgrow(dataText, Priority.ALWAYS);
        VBox top = new VBox(6, heading, dataRow);
        top.getStyleClass().add("train-header");
        return top;
    }

    private Node settingsColumn() {
        TrainingSettings s = model.settings();
        GridPane grid = new GridPane();
        grid.getStyleClass().add("train-settings-grid");
        grid.setHgap(8);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().setAll(labels, fields);
        int row = 0;
        grid.addRow(row++, fieldLabel("train.field.hidden"), field("trainHiddenField", TrainingSettings.HIDDEN,
                s.hiddenProperty(), "train.tip.hidden"));
        grid.addRow(row++, fieldLabel("train.field.learningRate"), field("trainLearningRateField",
                TrainingSettings.LEARNING_RATE, s.learningRateProperty(), "train.tip.learningRate"));
        grid.addRow(row++, fieldLabel("train.field.batch"), field("trainBatchField", TrainingSettings.BATCH,
                s.batchProperty(), "train.tip.batch"));
        TextField length = field("trainLengthField", TrainingSettings.LENGTH, s.lengthProperty(), "train.tip.length");
        ComboBox<Boolean> unit = new ComboBox<>();
        unit.setId("trainLengthUnit");
        unit.getItems().setAll(false, true);
        unit.setConverter(converter(b -> i18n.text(b ? "train.unit.epochs" : "train.unit.iterations")));
        unit.setValue(s.inEpochsProperty().get());
        unit.valueProperty().addListener((obs, o, n) -> s.inEpochsProperty().set(Boolean.TRUE.equals(n)));
        subscribe(s.inEpochsProperty(), (obs, o, n) -> unit.setValue(n));
        length.setPrefColumnCount(5);
        length.setMinWidth(64);
        unit.setMinWidth(Region.USE_PREF_SIZE);
        HBox lengthBox = new HBox(6, length, unit);
        HBox.setHgrow(length, Priority.ALWAYS);
        grid.addRow(row++, fieldLabel("train.field.length"), lengthBox);
        grid.addRow(row++, fieldLabel("train.field.initStd"), field("trainInitStdField", TrainingSettings.INIT_STD,
                s.initStdProperty(), "train.tip.initStd"));
        ComboBox<Activation> activation = new ComboBox<>();
        activation.setId("trainActivationChoice");
        activation.getItems().setAll(Activation.values());
        activation.setConverter(converter(a -> i18n.text("train.activation." + a.name().toLowerCase(Locale.ROOT))));
        activation.valueProperty().bindBidirectional(s.activationProperty());
        activation.setMaxWidth(Double.MAX_VALUE);
        grid.addRow(row++, fieldLabel("train.field.activation"), activation);
        ComboBox<OptimizerKind> optimizer = new ComboBox<>();
        optimizer.setId("trainOptimizerChoice");
        optimizer.getItems().setAll(OptimizerKind.values());
        optimizer.setConverter(converter(k -> i18n.text("train.optimizer." + k.id())));
        optimizer.valueProperty().bindBidirectional(s.optimizerProperty());
        optimizer.setMaxWidth(Double.MAX_VALUE);
        grid.addRow(row++, fieldLabel("train.field.optimizer"), optimizer);
        grid.addRow(row++, fieldLabel("train.field.seed"), field("trainSeedField", TrainingSettings.SEED,
                s.seedProperty(), "train.tip.seed"));
        Button defaults = button("trainDefaultsButton", "train.action.defaults", () -> {
            s.reset();
            model.invalidFields().clear();
        });
        defaults.getStyleClass().addAll("flat", "small");
        defaults.setTooltip(new Tooltip(i18n.text("train.tip.defaults")));

        Button start = button("trainStartButton", "train.action.start", model::start);
        start.getStyleClass().add("accent");
        start.setTooltip(new Tooltip(i18n.text("train.tip.start")));
        Button cont = button("trainContinueButton", "train.action.continue", model::continueTraining);
        cont.setTooltip(new Tooltip(i18n.text("train.tip.continue")));
        Button pause = button("trainPauseButton", "train.action.pause", model::pause);
        Button resume = button("trainResumeButton", "train.action.resume", model::resume);
        Button stop = button("trainStopButton", "train.action.stop", model::stop);
        stop.setTooltip(new Tooltip(i18n.text("train.tip.stop")));
        start.disableProperty().bind(Bindings.createBooleanBinding(() -> model.state().active(), model.stateProperty()));
        cont.disableProperty().bind(Bindings.createBooleanBinding(() -> model.state().active()
                || !model.hasNetProperty().get(), model.stateProperty(), model.hasNetProperty()));
        pause.disableProperty().bind(model.stateProperty().isNotEqualTo(TrainingModel.State.RUNNING));
        resume.disableProperty().bind(model.stateProperty().isNotEqualTo(TrainingModel.State.PAUSED));
        stop.disableProperty().bind(Bindings.createBooleanBinding(() -> model.state() != TrainingModel.State.RUNNING
                && model.state() != TrainingModel.State.PAUSED, model.stateProperty()));
        FlowPane runButtons = new FlowPane(6, 6, start, cont, pause, resume, stop);
        runButtons.getStyleClass().add("train-buttons");

        progress.setId("trainProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progressLine.setId("trainProgressText");
        progressLine.setWrapText(true);
        timeLine.setWrapText(true);
        timeLine.setId("trainTimeText");
        timeLine.getStyleClass().add("text-muted");
        notice.setId("trainNotice");
        notice.setWrapText(true);
        notice.getStyleClass().add("train-notice");

        Button open = button("trainOpenButton", "train.action.open", actions::openWithChooser);
        Button save = button("trainSaveButton", "train.action.save", actions::saveWithChooser);
        Button csv = button("trainCsvButton", "train.action.csv", actions::exportCsvWithChooser);
        Button png = button("trainPngButton", "train.action.png", () -> actions.exportPngWithChooser(charts));
        open.disableProperty().bind(Bindings.createBooleanBinding(() -> model.state().active(), model.stateProperty()));
        save.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.hasNetProperty().get()
                || model.state() == TrainingModel.State.RUNNING || model.state() == TrainingModel.State.STOPPING,
                model.stateProperty(), model.hasNetProperty()));
        csv.disableProperty().bind(Bindings.createBooleanBinding(() -> model.log().size() == 0,
                model.log().versionProperty()));
        FlowPane fileButtons = new FlowPane(6, 6, open, save, csv, png);

        VBox column = new VBox(10,
                section("train.section.hyperparameters"), grid, defaults,
                section("train.section.run"), runButtons, progress, progressLine, timeLine, notice,
                section("train.section.model"), fileButtons);
        column.getStyleClass().add("train-settings");
        column.setPadding(new Insets(12, 14, 14, 16));
        column.setPrefWidth(340);
        column.setMinWidth(Region.USE_PREF_SIZE);
        return column;
    }

    private Node chartsArea() {
        charts.getStyleClass().add("train-charts");
        charts.setId("trainCharts");
        charts.setHgap(14);
        charts.setVgap(10);
        charts.setPadding(new Insets(12, 16, 12, 12));
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        half.setFillWidth(true);
        charts.getColumnConstraints().setAll(half, half);
        RowConstraints chartRow = new RowConstraints();
        chartRow.setVgrow(Priority.ALWAYS);
        chartRow.setPercentHeight(48);
        RowConstraints pictureRow = new RowConstraints();
        pictureRow.setVgrow(Priority.SOMETIMES);
        charts.getRowConstraints().setAll(chartRow, pictureRow);

        Label lossTitle = chartTitle("train.chart.lossTitle");
        Label accuracyTitle = chartTitle("train.chart.accuracyTitle");
        lossTitle.fontProperty().addListener((obs, o, n) -> {
            lossChart.setFontFamily(n.getFamily());
            accuracyChart.setFontFamily(n.getFamily());
        });
        VBox loss = new VBox(4, lossTitle, lossChart);
        VBox accuracy = new VBox(4, accuracyTitle, accuracyChart);
        VBox.setVgrow(lossChart, Priority.ALWAYS);
        VBox.setVgrow(accuracyChart, Priority.ALWAYS);
        loss.getStyleClass().add("train-card");
        accuracy.getStyleClass().add("train-card");

        tilesScale.setId("trainTilesScale");
        tilesScale.getStyleClass().add("text-muted");
        tilesScale.setWrapText(true);
        VBox w1 = new VBox(4, chartTitle("train.tiles.title"), tilesScale, tiles);
        w1.getStyleClass().add("train-card");
        stripSummary.setId("trainStripSummary");
        stripSummary.getStyleClass().add("text-muted");
        stripSummary.setWrapText(true);
        VBox predictions = new VBox(4, chartTitle("train.strip.title"), stripSummary, strip);
        predictions.getStyleClass().add("train-card");

        charts.add(loss, 0, 0);
        charts.add(accuracy, 1, 0);
        charts.add(w1, 0, 1);
        charts.add(predictions, 1, 1);
        ScrollPane scroll = new ScrollPane(charts);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("train-charts-scroll");
        return scroll;
    }

    // ------------------------------------------------------------ showing the model

    private int plannedEnd() {
        return model.doneProperty().get() - model.runDoneProperty().get() + model.runTotalProperty().get();
    }

    /**
     * News arrive at most {@value TrainingRun#PROGRESS_HZ} times a second; the loss chart follows
     * at most {@value #LOSS_REDRAW_HZ} times a second (and once more when the run ends), the
     * accuracy chart only when an epoch adds a point or the axis changes.
     */
    private void redrawCharts() {
        long now = System.nanoTime();
        if (now - lastLossRedraw >= 1_000_000_000L / LOSS_REDRAW_HZ || !model.state().active()) {
            lossRedrawLater.stop();
            redrawLoss();
        } else if (lossRedrawLater.getStatus() != javafx.animation.Animation.Status.RUNNING) {
            lossRedrawLater.playFromStart();
        }
        int points = model.log().epochs().size();
        int end = plannedEnd();
        if (points != accuracyPoints || end != accuracyEnd) {
            accuracyPoints = points;
            accuracyEnd = end;
            accuracyChart.redraw();
        }
    }

    private void redrawLoss() {
        lastLossRedraw = System.nanoTime();
        lossChart.redraw();
    }

    private void showWeights(WeightPicture picture) {
        tiles.show(picture);
        if (picture == null) {
            tilesScale.setText(i18n.text("train.tiles.none"));
        } else {
            tilesScale.setText(i18n.text(picture.units() < picture.hiddenSize() ? "train.tiles.scaleSome"
                    : "train.tiles.scale", picture.units(), picture.hiddenSize(), String.format(Locale.ROOT, "%.3g",
                    picture.maxAbs())));
        }
    }

    private void showPredictions() {
        int[] predicted = model.predictionsProperty().get();
        strip.setPredictions(predicted);
        TrainingModel.Strip digits = model.stripProperty().get();
        if (digits == null) {
            stripSummary.setText(i18n.text("train.strip.none"));
        } else if (predicted == null) {
            stripSummary.setText(i18n.text("train.strip.waiting", digits.labels().length));
        } else {
            stripSummary.setText(i18n.text("train.strip.summary", strip.rightCount(), digits.labels().length));
        }
    }

    private void showState() {
        TrainingModel.State state = model.state();
        progress.setProgress(state == TrainingModel.State.LOADING ? ProgressBar.INDETERMINATE_PROGRESS
                : fraction());
        root.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("running"),
                state == TrainingModel.State.RUNNING);
        showProgress();
    }

    private double fraction() {
        int total = model.runTotalProperty().get();
        return total == 0 ? 0 : (double) model.runDoneProperty().get() / total;
    }

    private void showProgress() {
        TrainingModel.State state = model.state();
        if (state != TrainingModel.State.LOADING) {
            progress.setProgress(fraction());
        }
        String stateText = i18n.text("train.state." + state.name().toLowerCase(Locale.ROOT));
        progressLine.setText(i18n.text("train.progress", stateText, model.doneProperty().get(),
                plannedEnd(), String.format(Locale.ROOT, "%.2f", model.epoch())));
        double left = model.secondsLeft();
        boolean live = state == TrainingModel.State.RUNNING;
        timeLine.setText(i18n.text("train.time", clock(model.secondsProperty().get()),
                live && Double.isFinite(left) ? clock(left) : "–",
                String.format(Locale.ROOT, "%.0f", model.stepsPerSecondProperty().get())));
    }

    private void showNotice() {
        TrainingModel.Notice n = model.noticeProperty().get();
        notice.getStyleClass().removeAll("error", "info");
        if (n == null) {
            notice.setText("");
            return;
        }
        notice.setText(i18n.text(n.key(), n.args().toArray()));
        notice.getStyleClass().add(n.error() ? "error" : "info");
    }

    private void showData() {
        Path folder = model.dataFolderProperty().get();
        TrainingSet set = model.dataProperty().get();
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

    private void applyTheme() {
        boolean dark = theme.getValue().isDark();
        lossChart.setDark(dark);
        accuracyChart.setDark(dark);
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(i18n.text("mnist.choose.title"));
        File dir = chooser.showDialog(dialogs.owner());
        if (dir != null) {
            model.useFolder(dir.toPath());
        }
    }

    private String downloadText(MnistFolder.DownloadProgress p) {
        return p == null ? "" : p.describe(i18n);
    }

    // ------------------------------------------------------------ small builders

    private <T> void subscribe(ObservableValue<T> value, ChangeListener<? super T> listener) {
        value.addListener(listener);
        unsubscribe.add(() -> value.removeListener(listener));
    }

    private TextField field(String id, String name, StringProperty text, String tipKey) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(text);
        field.setPrefColumnCount(6);
        field.setTooltip(new Tooltip(i18n.text(tipKey)));
        Runnable mark = () -> {
            boolean bad = model.invalidFields().contains(name) || !TrainingSettings.looksValid(name, field.getText());
            field.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), bad);
        };
        field.textProperty().addListener((obs, o, n) -> {
            model.invalidFields().remove(name);
            mark.run();
        });
        SetChangeListener<String> onInvalid = change -> mark.run();
        model.invalidFields().addListener(onInvalid);
        unsubscribe.add(() -> model.invalidFields().removeListener(onInvalid));
        mark.run();
        return field;
    }

    private Label fieldLabel(String key) {
        Label label = new Label(i18n.text(key));
        label.getStyleClass().add("train-field-label");
        return label;
    }

    private Label section(String key) {
        Label label = new Label(i18n.text(key));
        label.getStyleClass().add("train-section");
        return label;
    }

    private Label chartTitle(String key) {
        Label label = new Label(i18n.text(key));
        label.getStyleClass().add("train-chart-title");
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private Button button(String id, String key, Runnable action) {
        Button button = new Button(i18n.text(key));
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> toText) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : toText.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }

    private static String clock(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "–";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
