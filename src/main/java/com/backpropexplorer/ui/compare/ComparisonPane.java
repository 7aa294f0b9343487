package com.backpropexplorer.ui.compare;

import com.backpropexplorer.data.AtomicFiles;
import com.backpropexplorer.engine.TrainingConfig;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.PngExport;
import com.backpropexplorer.ui.chart.ChartCanvas;
import com.backpropexplorer.ui.shell.Dialogs;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The comparison: buttons that queue the book's two comparisons or the form's configuration,
 * the queue with each run's colour and state, the overlaid loss and test-accuracy curves, the
 * hidden activations per run and the runs' health; PNG and CSV export. FX thread only.
 */
public final class ComparisonPane extends VBox {
    /** Makes sure the training data is loaded, then runs {@code next} (FX thread); false when there is none to load. */
    @FunctionalInterface
    public interface DataLoader {
        boolean loadThen(Runnable next);
    }

    private final I18n i18n;
    private final ComparisonQueue queue;
    private final Supplier<TrainingConfig> form;
    private final Supplier<Window> owner;
    private final Executor background;
    private final Label notice = new Label();
    private final DataLoader loader;
    private final FlowPane legend = new FlowPane(10, 4);
    private final ComboBox<ComparisonRun> healthRun = new ComboBox<>();
    private final List<ChartCanvas> charts;
    private final CardGrid pictures = new CardGrid(12);
    private final ListChangeListener<ComparisonRun> onRuns = c -> refresh();

    /**
     * @param form the form's configuration, or null (then the form says what is wrong)
     * @param owner the window the file choosers belong to
     * @param background where files are written
     * @param loader loads the training data when a comparison is asked for before it is there
     */
    public ComparisonPane(I18n i18n, ComparisonQueue queue, Supplier<TrainingConfig> form, Supplier<Window> owner,
                          Executor background, DataLoader loader) {
        this.loader = loader;
        this.i18n = i18n;
        this.queue = queue;
        this.form = form;
        this.owner = owner;
        this.background = background;
        setId("comparisonPane");
        setSpacing(8);
        getStyleClass().add("comparison-pane");

        Label intro = new Label(i18n.text("compare.intro", ComparisonQueue.BOOK_ITERATIONS, ComparisonQueue.BOOK_BATCH));
        intro.setWrapText(true);
        intro.getStyleClass().add("text-muted");
        Button optimizers = button("compareOptimizers", "compare.add.optimizers", () -> queue.addOptimizers(base()));
        Button inits = button("compareInits", "compare.add.inits", () -> queue.addInits(base()));
        Button mine = button("compareForm", "compare.add.form", () -> queue.add(base()));
        Button cancel = new Button(i18n.text("compare.cancel"));
        cancel.setId("compareCancel");
        cancel.setOnAction(e -> queue.cancel());
        Button clear = new Button(i18n.text("compare.clear"));
        clear.setId("compareClear");
        clear.setOnAction(e -> queue.clear());
        Button png = new Button(i18n.text("compare.png"));
        png.setId("comparePng");
        png.setOnAction(e -> exportPng());
        Button csv = new Button(i18n.text("compare.csv"));
        csv.setId("compareCsv");
        csv.setOnAction(e -> exportCsv());
        FlowPane buttons = new FlowPane(6, 6, optimizers, inits, mine, cancel, clear, png, csv);
        legend.setId("compareLegend");

        Supplier<List<ComparisonRun>> runs = () -> List.copyOf(queue.runs());
        ChartCanvas loss = new CompareCharts.Curves(runs, false, "compareLoss");
        loss.setTitles(i18n.text("compare.axis.iteration"), i18n.text("compare.axis.loss"));
        ChartCanvas accuracy = new CompareCharts.Curves(runs, true, "compareAccuracy");
        accuracy.setTitles(i18n.text("compare.axis.iteration"), i18n.text("compare.axis.testAccuracy"));
        ChartCanvas histograms = new ActivationHistograms(runs);
        histograms.setTitles(i18n.text("compare.axis.activation"), i18n.text("compare.axis.share"));
        IntSupplier end = () -> queue.runs().stream().mapToInt(r -> r.config().iterations()).max().orElse(0);
        ChartCanvas ratios = new HealthChart(() -> healthLines(healthRun.getValue() == null ? List.of()
                : List.of(healthRun.getValue())), end, false, "compareUpdateRatio");
        ratios.setTitles(i18n.text("compare.axis.iteration"), i18n.text("compare.axis.ratio"));
        ChartCanvas dead = new HealthChart(() -> healthLines(queue.runs()), end, true, "compareDeadUnits");
        dead.setTitles(i18n.text("compare.axis.iteration"), i18n.text("compare.axis.dead"));
        charts = List.of(loss, accuracy, histograms, ratios, dead);

        healthRun.setId("compareHealthRun");
        healthRun.setConverter(com.backpropexplorer.ui.Labels.of(r -> r == null ? "" : r.label()));
        healthRun.valueProperty().addListener((obs, o, n) -> ratios.redraw());

        pictures.setId("comparePictures");
        VBox histogramCard = card("compare.title.histograms", histograms);
        CardGrid.setWide(histogramCard);
        VBox ratioCard = card("compare.title.ratio", ratios);
        ratioCard.getChildren().add(1, healthRun);
        pictures.getChildren().addAll(card("compare.title.loss", loss), card("compare.title.accuracy", accuracy),
                histogramCard, ratioCard, card("compare.title.dead", dead));

        notice.setId("compareNotice");
        notice.setWrapText(true);
        notice.getStyleClass().add("train-notice");
        getChildren().addAll(intro, buttons, notice, legend, pictures);
        queue.runs().addListener(onRuns);
        refresh();
    }

    /** Stops listening to the queue (the page is hidden or rebuilt). */
    public void detach() {
        queue.runs().removeListener(onRuns);
    }

    /** The pictures, for File → Export PNG. */
    public Node pictures() {
        return pictures;
    }

    /** A sentence under the buttons; an error is marked as one. */
    private void tell(String text, boolean error) {
        notice.setText(text);
        notice.getStyleClass().removeAll("error", "info");
        notice.getStyleClass().add(error ? "error" : "info");
    }

    /** The sentence under the buttons (for tests). */
    String notice() {
        return notice.getText();
    }

    private TrainingConfig base() {
        return form.get();
    }

    private Button button(String id, String key, Supplier<Boolean> action) {
        Button b = new Button(i18n.text(key));
        b.setId(id);
        b.setTooltip(new Tooltip(i18n.text(key + ".tip")));
        b.setOnAction(e -> {
            tell("", false);
            if (form.get() == null) {
                tell(i18n.text("compare.formInvalid"), true);
            } else if (!loader.loadThen(() -> {
                if (!action.get()) {
                    tell(i18n.text("compare.noData"), true);
                }
            })) {
                tell(i18n.text("compare.noData"), true);
            }
        });
        return b;
    }

    private VBox card(String titleKey, ChartCanvas chart) {
        return ChartCard.of(i18n.text(titleKey), chart);
    }

    private void refresh() {
        legend.getChildren().clear();
        for (ComparisonRun r : queue.runs()) {
            Rectangle swatch = new Rectangle(12, 12);
            swatch.setStyle("-fx-fill: " + CompareCharts.series(r.id()) + ";");
            String state = i18n.text("compare.status." + r.status().name().toLowerCase(Locale.ROOT));
            double acc = r.lastTestAccuracy();
            Label label = new Label(r.label() + " — " + state
                    + (Double.isFinite(acc) ? String.format(Locale.ROOT, " %.4f", acc) : ""));
            label.setId("compare-run-" + r.id());
            label.setGraphic(swatch);
            if (r.why() != null) {
                label.setTooltip(new Tooltip(r.why().text(i18n)));
            }
            legend.getChildren().add(new HBox(label));
        }
        ComparisonRun chosen = healthRun.getValue();
        healthRun.getItems().setAll(queue.runs());
        if (!queue.runs().isEmpty()) {
            ComparisonRun again = chosen == null ? null
                    : queue.runs().stream().filter(r -> r.id() == chosen.id()).findFirst().orElse(null);
            healthRun.setValue(again != null ? again : queue.runs().get(0));
        }
        charts.forEach(ChartCanvas::redraw);
        charts.forEach(ChartCanvas::requestLayout); // the histograms take another row when there are more runs
    }

    /** The health of {@code runs} that have measured some, each in its colour. */
    private static List<HealthChart.Line> healthLines(List<ComparisonRun> runs) {
        return runs.stream().filter(r -> r.health() != null)
                .map(r -> new HealthChart.Line(r.label(), CompareCharts.series(r.id()), r.health())).toList();
    }


    private void exportPng() {
        File file = chooser("compare.png.title", "PNG", "*.png", "comparison.png").showSaveDialog(owner.get());
        if (file != null) {
            exportPng(file.toPath());
        }
    }

    private void exportCsv() {
        File file = chooser("compare.csv.title", "CSV", "*.csv", "comparison.csv").showSaveDialog(owner.get());
        if (file != null) {
            exportCsv(file.toPath());
        }
    }

    /** The pictures as a PNG at {@code target} (written in the background); a failure gets a dialog. */
    void exportPng(Path target) {
        PngExport.write(pictures, target, background, () -> tell(i18n.text("compare.saved", target), false),
                failure -> failed("compare.png.failed", failure));
    }

    /** The runs as CSV at {@code target} (written in the background); a failure gets a dialog. */
    void exportCsv(Path target) {
        String text = ComparisonCsv.of(List.copyOf(queue.runs()));
        background.execute(() -> {
            try {
                AtomicFiles.write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
                Platform.runLater(() -> tell(i18n.text("compare.saved", target), false));
            } catch (RuntimeException e) {
                Platform.runLater(() -> failed("compare.csv.failed", e));
            }
        });
    }

    /**
     * A file was not written: one sentence in a dialog (the old file, if any, is as it was, and
     * the runs stay), not modal-blocking, so the comparison goes on.
     */
    private void failed(String headerKey, Throwable failure) {
        String sentence = i18n.describe(failure);
        tell(sentence, true);
        Alert alert = new Dialogs(owner.get()).alert(Alert.AlertType.ERROR, i18n.text("train.file.errorTitle"),
                i18n.text(headerKey), sentence);
        alert.getDialogPane().setId("compareErrorDialog");
        alert.getDialogPane().getContent().setId("compareErrorText");
        alert.show();
    }

    private FileChooser chooser(String titleKey, String kind, String pattern, String name) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.text(titleKey));
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter(kind, pattern));
        chooser.setInitialFileName(name);
        return chooser;
    }
}
