package com.backpropexplorer.ui.draw;

import com.backpropexplorer.data.DataException;
import com.backpropexplorer.data.ImageFiles;
import com.backpropexplorer.engine.TwoLayerNet;
import com.backpropexplorer.explain.DigitReader;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.Theme;
import com.backpropexplorer.ui.shell.Dialogs;
import com.backpropexplorer.ui.shell.Page;
import com.backpropexplorer.ui.shell.StatusLine;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * "Draw a digit": a canvas with a marker-like brush, an eraser, undo and clear; the 28×28
 * picture the net is given (preprocessed the MNIST way); the ten probabilities as bars and the
 * 50 hidden activations as a strip, updated while the learner draws; and "Explain this digit",
 * which hands the drawing with the learner's label to the explainer's mnist lesson.
 *
 * <p>All state lives in the {@link DrawModel}, which outlives the page; this page only shows it
 * and forwards input, so a language or theme switch loses nothing.
 */
public final class DrawPage implements Page {
    /** Takes the learner's drawing into the explainer: its 784 inputs, the label they chose, the net that read it. */
    @FunctionalInterface
    public interface ExplainDigit {
        void explain(double[] pixels, int label, TwoLayerNet net);
    }

    /** Side of a preview pixel on screen. */
    private static final int PREVIEW_CELL = 6;
    /** Width of a hidden unit in the strip. */
    private static final int HIDDEN_CELL = 8; // 50 of them fit beside the paper at 1024 px

    private final I18n i18n;
    private final DrawModel model;
    private final StatusLine status;
    private final Dialogs dialogs;
    private final Executor background;
    private final ObservableValue<Theme> theme;
    private final ExplainDigit explainDigit;
    private final BorderPane root = new BorderPane();
    private final DrawingSurface surface;
    private final CellStrip preview = new CellStrip("x", 28, 28, PREVIEW_CELL, PREVIEW_CELL, true);
    private final CellStrip hidden = new CellStrip("h", 50, 1, HIDDEN_CELL, 3 * HIDDEN_CELL, false);
    private final ProbabilityBars bars = new ProbabilityBars();
    private final Label verdict = new Label();
    private final Label timing = new Label();
    private final Label netLabel = new Label();
    private final ToggleGroup labelGroup = new ToggleGroup();
    private final ToggleButton[] labelButtons = new ToggleButton[10];
    private final Button explainButton = new Button();
    /** The label the learner picked since the ink last changed; -1 means "follow the prediction". */
    private int pickedLabel = -1;

    private final ChangeListener<DigitReader.Reading> onReading = (obs, o, n) -> showReading(n);
    private final ChangeListener<Number> onTiming = (obs, o, n) -> showTiming();
    private final ChangeListener<DrawModel.NetSource> onNet = (obs, o, n) -> showNet();
    private final ChangeListener<Theme> onTheme = (obs, o, n) -> surfaceTheme(n);
    /** New ink, new digit: the label follows the prediction again until the learner picks one. */
    private final java.util.function.Consumer<Paper.Region> onInk = region -> pickedLabel = -1;

    /**
     * @param status the window's status line, which the page fills while it is shown
     * @param dialogs for the picture chooser
     * @param background where pictures are read
     * @param theme light or dark: the paper follows it
     * @param explainDigit what "Explain this digit" does
     */
    public DrawPage(I18n i18n, DrawModel model, StatusLine status, Dialogs dialogs, Executor background,
                    ObservableValue<Theme> theme, ExplainDigit explainDigit) {
        this.i18n = i18n;
        this.model = model;
        this.status = status;
        this.dialogs = dialogs;
        this.background = background;
        this.theme = theme;
        this.explainDigit = explainDigit;
        this.surface = new DrawingSurface(model, theme.getValue().isDark());
        root.setId("page-draw");
        root.getStyleClass().add("draw-page");
        root.getStylesheets().add(DrawPage.class.getResource("/com/backpropexplorer/ui/draw/draw.css").toExternalForm());
        root.setTop(header());
        HBox body = new HBox(paperColumn(), readingColumn());
        body.getStyleClass().add("draw-body");
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("draw-scroll");
        root.setCenter(scroll);
        enableFileDrop();
    }

    // ------------------------------------------------------------ layout

    private Node header() {
        Label title = new Label(i18n.text("nav.draw"));
        title.getStyleClass().add("lesson-title");
        Label subtitle = new Label(i18n.text("draw.subtitle"));
        subtitle.getStyleClass().add("lesson-subtitle");
        subtitle.setWrapText(true);
        netLabel.setId("draw-net");
        netLabel.getStyleClass().add("draw-net");
        netLabel.setWrapText(true);
        VBox heading = new VBox(title, subtitle, netLabel);
        heading.getStyleClass().add("lesson-heading");
        HBox.setHgrow(heading, Priority.ALWAYS);
        HBox box = new HBox(heading);
        box.getStyleClass().add("lesson-header");
        return box;
    }

    private Node paperColumn() {
        ToggleGroup tools = new ToggleGroup();
        ToggleButton pen = new ToggleButton(i18n.text("draw.pen"));
        pen.setId("draw-pen");
        ToggleButton eraser = new ToggleButton(i18n.text("draw.eraser"));
        eraser.setId("draw-eraser");
        pen.setToggleGroup(tools);
        eraser.setToggleGroup(tools);
        pen.getStyleClass().add("left-pill");
        eraser.getStyleClass().add("right-pill");
        pen.setTooltip(new Tooltip(i18n.text("draw.pen.tip")));
        eraser.setTooltip(new Tooltip(i18n.text("draw.eraser.tip")));
        (model.toolProperty().get() == DrawModel.Tool.ERASER ? eraser : pen).setSelected(true);
        tools.selectedToggleProperty().addListener((obs, o, n) -> {
            if (n == null) {
                o.setSelected(true); // one tool is always chosen
            } else {
                model.toolProperty().set(n == eraser ? DrawModel.Tool.ERASER : DrawModel.Tool.PEN);
            }
        });
        HBox toolPills = new HBox(pen, eraser);

        Slider size = new Slider(4, 30, model.radiusProperty().get());
        size.setId("draw-size");
        size.valueProperty().bindBidirectional(model.radiusProperty());
        size.setPrefWidth(110);
        Label sizeLabel = new Label(i18n.text("draw.size"));
        sizeLabel.getStyleClass().add("text-muted");
        sizeLabel.setLabelFor(size);
        size.setTooltip(new Tooltip(i18n.text("draw.size.tip")));

        Button undo = new Button(i18n.text("draw.undo"));
        undo.setId("draw-undo");
        undo.setTooltip(new Tooltip(i18n.text("draw.undo.tip")));
        undo.disableProperty().bind(model.canUndoProperty().not());
        undo.setOnAction(e -> model.undo());
        Button clear = new Button(i18n.text("draw.clear"));
        clear.setId("draw-clear");
        clear.setTooltip(new Tooltip(i18n.text("draw.clear.tip")));
        clear.disableProperty().bind(model.blankProperty());
        clear.setOnAction(e -> model.clear());

        HBox toolbar = new HBox(toolPills, sizeLabel, size);
        toolbar.getStyleClass().add("draw-toolbar");
        HBox edits = new HBox(undo, clear, spacer(), openButton());
        edits.getStyleClass().add("draw-toolbar");

        Label hint = new Label(i18n.text("draw.hint"));
        hint.getStyleClass().add("draw-hint");
        hint.setWrapText(true);
        hint.setMaxWidth(DrawModel.PAPER);
        // the frame carries border and shadow: the surface clips its own content to the paper
        javafx.scene.layout.StackPane frame = new javafx.scene.layout.StackPane(surface);
        frame.getStyleClass().add("draw-canvas");
        frame.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        VBox column = new VBox(toolbar, frame, edits, hint);
        column.getStyleClass().add("draw-paper-column");
        column.setMaxWidth(Region.USE_PREF_SIZE);
        return column;
    }

    private Button openButton() {
        Button open = new Button(i18n.text("draw.open"));
        open.setId("draw-open");
        open.setTooltip(new Tooltip(i18n.text("draw.open.tip")));
        open.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(i18n.text("draw.open.title"));
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter(i18n.text("draw.open.images"), "*.png", "*.jpg", "*.jpeg",
                            "*.PNG", "*.JPG", "*.JPEG"),
                    new FileChooser.ExtensionFilter(i18n.text("draw.open.all"), "*"));
            File file = chooser.showOpenDialog(dialogs.owner());
            if (file != null) {
                openPicture(file.toPath());
            }
        });
        return open;
    }

    private Node readingColumn() {
        preview.setId("draw-preview");
        Label seesNote = note("draw.sees.note");
        seesNote.setMaxWidth(28 * PREVIEW_CELL + 2);
        VBox sees = new VBox(sectionTitle("draw.sees"), preview, seesNote);
        sees.getStyleClass().add("draw-sees");

        verdict.setId("draw-verdict");
        verdict.getStyleClass().add("draw-verdict");
        verdict.setWrapText(true);
        verdict.setMinHeight(Region.USE_PREF_SIZE);
        timing.setId("draw-timing");
        timing.getStyleClass().add("draw-timing");
        VBox probabilities = new VBox(verdict, timing, sectionTitle("draw.probabilities"), bars);
        probabilities.getStyleClass().add("draw-probabilities");
        HBox.setHgrow(probabilities, Priority.ALWAYS);
        HBox seesRow = new HBox(sees, probabilities);
        seesRow.getStyleClass().add("draw-sees-row");

        hidden.setId("draw-hidden");
        VBox hiddenBox = new VBox(sectionTitle("draw.hidden"), hidden, note("draw.hidden.note"));
        hiddenBox.getStyleClass().add("draw-hidden-box");

        HBox labels = new HBox();
        labels.getStyleClass().add("draw-labels");
        for (int k = 0; k < 10; k++) {
            ToggleButton b = new ToggleButton(Integer.toString(k));
            b.setId("draw-label-" + k);
            b.getStyleClass().add("draw-label-button");
            b.setToggleGroup(labelGroup);
            int digit = k;
            b.setOnAction(e -> pick(digit));
            labelButtons[k] = b;
            labels.getChildren().add(b);
        }
        explainButton.setText(i18n.text("draw.explain"));
        explainButton.setId("draw-explain");
        explainButton.getStyleClass().add("accent");
        explainButton.setOnAction(e -> explain());
        explainButton.setMinWidth(Region.USE_PREF_SIZE);
        // the button goes under the labels where the two do not fit side by side
        FlowPane explainRow = new FlowPane(14, 8, labels, explainButton);
        explainRow.getStyleClass().add("draw-explain-row");
        VBox explainBox = new VBox(sectionTitle("draw.explain.title"), note("draw.explain.note"), explainRow);
        explainBox.getStyleClass().add("draw-explain-box");

        VBox column = new VBox(seesRow, hiddenBox, explainBox);
        column.getStyleClass().add("draw-reading-column");
        HBox.setHgrow(column, Priority.ALWAYS);
        return column;
    }

    private Label sectionTitle(String key) {
        Label label = new Label(i18n.text(key));
        label.getStyleClass().add("draw-section-title");
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private Label note(String key) {
        Label label = new Label(i18n.text(key));
        label.getStyleClass().add("draw-note");
        label.setWrapText(true);
        return label;
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    // ------------------------------------------------------------ page life

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void shown() {
        surface.attach();
        model.addInkListener(onInk);
        model.readingProperty().addListener(onReading);
        model.medianMillisProperty().addListener(onTiming);
        model.netSourceProperty().addListener(onNet);
        theme.addListener(onTheme);
        showReading(model.reading());
        showTiming();
        showNet();
        status.show(i18n.text("draw.status"));
    }

    @Override
    public void hidden() {
        surface.detach();
        model.removeInkListener(onInk);
        model.readingProperty().removeListener(onReading);
        model.medianMillisProperty().removeListener(onTiming);
        model.netSourceProperty().removeListener(onNet);
        theme.removeListener(onTheme);
    }

    /** Ctrl+Z undoes, Delete clears. */
    @Override
    public boolean handleKey(KeyEvent event) {
        if (event.getCode() == KeyCode.Z && event.isShortcutDown()) {
            model.undo();
            return true;
        }
        if (event.getCode() == KeyCode.DELETE || event.getCode() == KeyCode.BACK_SPACE) {
            model.clear();
            return true;
        }
        return false;
    }

    @Override
    public Node exportable() {
        return root.getCenter();
    }

    /** The view-model (tests). */
    public DrawModel model() {
        return model;
    }

    ProbabilityBars bars() {
        return bars;
    }

    CellStrip preview() {
        return preview;
    }

    CellStrip hiddenStrip() {
        return hidden;
    }

    // ------------------------------------------------------------ showing

    private void showReading(DigitReader.Reading reading) {
        boolean none = reading == null || reading.empty();
        if (none) {
            bars.show(null, -1);
            preview.show(null);
            hidden.show(null);
            verdict.setText(i18n.text(model.netSourceProperty().get() == DrawModel.NetSource.NONE
                    ? "draw.verdict.nonet" : "draw.verdict.empty"));
            pickedLabel = -1;
        } else {
            bars.show(reading.probabilities(), reading.digit());
            preview.show(reading.pixels());
            hidden.show(reading.hidden());
            verdict.setText(i18n.text("draw.verdict", reading.digit(),
                    String.format(Locale.ROOT, "%.1f", 100 * reading.confidence())));
        }
        verdict.getStyleClass().remove("empty");
        if (none) {
            verdict.getStyleClass().add("empty");
        }
        // t is the learner's to choose: no label is chosen for them (it used to follow the
        // net's guess, so the loss compared the net with itself)
        int label = none ? -1 : pickedLabel;
        labelGroup.selectToggle(label < 0 ? null : labelButtons[label]);
        for (ToggleButton b : labelButtons) {
            b.setDisable(none);
        }
        explainButton.setDisable(label < 0 || model.net() == null);
        explainButton.setText(none ? i18n.text("draw.explain") : label < 0 ? i18n.text("draw.explain.pick")
                : i18n.text("draw.explain.as", label));
    }

    private void pick(int digit) {
        pickedLabel = digit;
        // a second click on the chosen label would unselect it: keep it chosen
        labelGroup.selectToggle(labelButtons[digit]);
        explainButton.setDisable(model.net() == null);
        explainButton.setText(i18n.text("draw.explain.as", digit));
    }

    private void showTiming() {
        double ms = model.medianMillisProperty().get();
        timing.setText(Double.isNaN(ms) ? "" : i18n.text("draw.timing", String.format(Locale.ROOT, "%.2f", ms)));
    }

    private void showNet() {
        DrawModel.NetSource source = model.netSourceProperty().get();
        netLabel.setText(i18n.text(switch (source == null ? DrawModel.NetSource.NONE : source) {
            case SHIPPED -> "draw.net.shipped";
            case TRAINED -> "draw.net.trained";
            case NONE -> "draw.net.none";
        }));
    }

    private void surfaceTheme(Theme theme) {
        surface.setDark(theme.isDark());
    }

    // ------------------------------------------------------------ actions

    /** Sends the drawing, with the chosen label, to the explainer's mnist lesson and goes there. */
    private void explain() {
        DigitReader.Reading reading = model.reading();
        if (reading == null || reading.empty() || model.net() == null || pickedLabel < 0) {
            return;
        }
        int label = pickedLabel;
        status.show(i18n.text("draw.explain.status", label));
        explainDigit.explain(reading.pixels(), label, model.net());
    }

    /** Reads a picture off the FX thread and puts it on the paper. */
    void openPicture(Path file) {
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

    private void enableFileDrop() {
        surface.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        surface.setOnDragDropped((DragEvent e) -> {
            List<File> files = e.getDragboard().getFiles();
            boolean ok = files != null && !files.isEmpty();
            if (ok) {
                openPicture(files.get(0).toPath());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }
}
