package com.backpropexplorer.ui.pages;

import com.backpropexplorer.data.DataException;
import com.backpropexplorer.data.MnistDownloader;
import com.backpropexplorer.data.MnistLocator;
import com.backpropexplorer.explain.Stage;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.graph.GraphView;
import com.backpropexplorer.ui.graph.ZoomPane;
import com.backpropexplorer.ui.inspector.InspectorView;
import com.backpropexplorer.ui.lesson.LessonModel;
import com.backpropexplorer.ui.lesson.Refusal;
import com.backpropexplorer.ui.weights.WeightsPanel;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.concurrent.Task;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.Duration;

/**
 * A lesson page: the graph (zoomable), the inspector, the timeline and the stepping controls,
 * laid out by explainer.fxml, all observing one {@link LessonModel}. This class is the FXML
 * controller; it only wires views to the model and keeps the play clock.
 */
public final class ExplainerPage implements Page {
    /** Pause between two stages while playing, on top of the animation, at speed 1. */
    private static final Duration PLAY_GAP = Duration.millis(350);

    private final AppContext ctx;
    private final I18n i18n;
    private final LessonModel model;
    private final BorderPane root;
    private final GraphView graph;
    private final ZoomPane zoomPane;
    private final WeightsPanel weightsPanel;
    private final PauseTransition playClock = new PauseTransition();
    private MnistDownloader downloader;

    @FXML private BorderPane page;
    @FXML private BorderPane graphArea;
    @FXML private Label lessonTitle;
    @FXML private Label lessonSubtitle;
    @FXML private StackPane graphHost;
    @FXML private ProgressIndicator loading;
    @FXML private VBox missingPane;
    @FXML private Label missingText;
    @FXML private Button downloadButton;
    @FXML private Button chooseButton;
    @FXML private Button cancelDownloadButton;
    @FXML private Label downloadProgress;
    @FXML private VBox refusalBanner;
    @FXML private Label refusalText;
    @FXML private Label refusalEngine;
    @FXML private ScrollPane inspectorScroll;
    @FXML private StackPane timelineHost;
    @FXML private Button resetButton;
    @FXML private Button backButton;
    @FXML private Button forwardButton;
    @FXML private Button backwardButton;
    @FXML private ToggleButton playButton;
    @FXML private javafx.scene.layout.Region playIcon;
    @FXML private Slider speedSlider;
    @FXML private Label speedValue;
    @FXML private Label stageCaption;

    private final ChangeListener<Object> onState = (obs, o, n) -> showState();
    private final ChangeListener<Object> onRefusal = (obs, o, n) -> showRefusal();
    private final ChangeListener<Boolean> onPlaying = (obs, o, n) -> playingChanged(n);

    public ExplainerPage(AppContext ctx, LessonModel model) {
        this.ctx = ctx;
        this.i18n = ctx.i18n();
        this.model = model;
        FXMLLoader loader = new FXMLLoader(ExplainerPage.class.getResource("/com/backpropexplorer/ui/explainer.fxml"),
                i18n.bundle());
        loader.setController(this);
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("explainer.fxml could not be loaded", e);
        }
        root.setId("page-" + model.example().id());

        graph = new GraphView(model, i18n);
        graph.setAnimated(ctx.isAnimated());
        graph.setOnOpenTiles(() -> TilesWindow.show(ctx, model));
        zoomPane = new ZoomPane(graph);
        graphHost.getChildren().add(0, zoomPane);
        inspectorScroll.setContent(new InspectorView(model, i18n));
        timelineHost.getChildren().add(new TimelineStrip(model, i18n));
        weightsPanel = new WeightsPanel(ctx.weights(model), i18n, ctx.themeProperty());
        graphArea.setBottom(weightsPanel);

        lessonTitle.setText(i18n.text("lesson." + model.example().id() + ".title"));
        resetButton.disableProperty().bind(model.canGoBackBinding().not());
        backButton.disableProperty().bind(model.canGoBackBinding().not());
        forwardButton.disableProperty().bind(model.canStepForwardBinding().not());
        backwardButton.disableProperty().bind(model.canAdvanceBinding().not());
        playButton.disableProperty().bind(model.runProperty().isNull());
        speedSlider.valueProperty().bindBidirectional(model.speedProperty());
        speedValue.textProperty().bind(model.speedProperty().asString(Locale.ROOT, "%.2g×"));

        model.positionProperty().addListener(new WeakChangeListener<>(onState));
        model.statusProperty().addListener(new WeakChangeListener<>(onState));
        model.runProperty().addListener(new WeakChangeListener<>(onState));
        model.refusalProperty().addListener(new WeakChangeListener<>(onRefusal));
        model.playingProperty().addListener(new WeakChangeListener<>(onPlaying));
        playClock.setOnFinished(e -> {
            model.playTick();
            if (model.isPlaying()) {
                schedulePlayTick();
            }
        });
        if (model.example() == com.backpropexplorer.explain.Example.MNIST) {
            addDigitChooser();
        }
        showState();
        showRefusal();
        playButton.setSelected(model.isPlaying());
    }

    /**
     * The mnist lesson: which test digits go through the net (the trained one, once there is one).
     * Any of the 10,000 can be first; the lesson keeps the whole batch (3, or 100 from the weights
     * panel) inside the test set and its subtitle names the digits actually shown.
     */
    private void addDigitChooser() {
        javafx.scene.control.Spinner<Integer> digit = new javafx.scene.control.Spinner<>(0, 9_999, 0);
        digit.setId("mnistDigitSpinner");
        digit.setEditable(true);
        digit.setPrefWidth(100);
        digit.getValueFactory().valueProperty().bindBidirectional(ctx.mnistFirstDigitProperty());
        digit.setTooltip(new javafx.scene.control.Tooltip(i18n.text("lesson.mnist.digit.tip")));
        Label which = new Label();
        which.getStyleClass().add("lesson-subtitle");
        which.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> i18n.text(
                ctx.trainedNetProperty().get() != null ? "lesson.mnist.net.trained" : "lesson.mnist.net.untrained"),
                ctx.trainedNetProperty()));
        javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(8, new Label(i18n.text("lesson.mnist.digit")), digit,
                which);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        ((javafx.scene.layout.Pane) lessonSubtitle.getParent()).getChildren().add(row);
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void shown() {
        // start computing on the next pulse: the window's first frame must not wait for the graph
        new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                model.ensureLoaded();
            }
        }.start();
        showState();
    }

    @Override
    public void hidden() {
        model.stop();
        playClock.stop();
    }

    @Override
    public Node exportable() {
        return model.trace() == null ? null : graph;
    }

    @Override
    public void resetZoom() {
        zoomPane.reset();
    }

    @Override
    public void zoomBy(double factor) {
        zoomPane.zoomBy(factor);
    }

    /** The graph, for tests and the screenshot command. */
    public GraphView graph() {
        return graph;
    }

    public LessonModel model() {
        return model;
    }

    /** The weights panel under the graph. */
    public WeightsPanel weightsPanel() {
        return weightsPanel;
    }

    /** Right: next stage; Left: back one; Space: play/pause; Home: back to the start. */
    @Override
    public boolean handleKey(KeyEvent event) {
        switch (event.getCode()) {
            case RIGHT -> model.next();
            case LEFT -> model.back();
            case SPACE -> model.togglePlay();
            case HOME -> model.reset();
            default -> {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------ actions (FXML)

    @FXML
    private void reset() {
        model.reset();
    }

    @FXML
    private void back() {
        model.back();
    }

    @FXML
    private void stepForward() {
        model.stepForward();
    }

    @FXML
    private void stepBackward() {
        model.stepBackward();
    }

    @FXML
    private void togglePlay() {
        model.togglePlay();
    }

    @FXML
    private void dismissRefusal() {
        refusalBanner.setVisible(false);
        refusalBanner.setManaged(false);
    }

    @FXML
    private void zoomIn() {
        zoomPane.zoomBy(1.2);
    }

    @FXML
    private void zoomOut() {
        zoomPane.zoomBy(1 / 1.2);
    }

    @FXML
    private void zoomFit() {
        zoomPane.reset();
    }

    @FXML
    private void chooseMnist() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(i18n.text("mnist.choose.title"));
        File dir = chooser.showDialog(ctx.window());
        if (dir != null) {
            ctx.mnistFolderProperty().set(dir.toPath());
            model.reload();
        }
    }

    @FXML
    private void downloadMnist() {
        Path target = MnistLocator.system().cacheDir();
        downloader = new MnistDownloader();
        MnistDownloader running = downloader;
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() {
                running.download(target, (file, soFar, total) -> updateMessage(
                        i18n.text("mnist.download.progress", file, soFar / 1024, total > 0 ? total / 1024 : "?")));
                return null;
            }
        };
        downloadProgress.textProperty().bind(task.messageProperty());
        downloadButton.setDisable(true);
        chooseButton.setDisable(true);
        cancelDownloadButton.setVisible(true);
        task.setOnSucceeded(e -> {
            downloadFinished();
            ctx.mnistFolderProperty().set(target);
            model.reload();
        });
        task.setOnFailed(e -> {
            downloadFinished();
            downloadProgress.setText(i18n.text("mnist.download.failed",
                    DataException.describe(task.getException(), i18n.locale())));
        });
        ctx.background().execute(task);
    }

    @FXML
    private void cancelDownload() {
        if (downloader != null) {
            downloader.cancel();
        }
    }

    private void downloadFinished() {
        downloadProgress.textProperty().unbind();
        downloadButton.setDisable(false);
        chooseButton.setDisable(false);
        cancelDownloadButton.setVisible(false);
    }

    // ------------------------------------------------------------ rendering state

    private void showState() {
        LessonModel.Status status = model.status();
        loading.setVisible(status == LessonModel.Status.LOADING || status == LessonModel.Status.IDLE);
        boolean missing = status == LessonModel.Status.MNIST_MISSING || status == LessonModel.Status.FAILED;
        missingPane.setVisible(missing);
        missingPane.setManaged(missing);
        missingText.setText(model.problemText(i18n.locale()));
        zoomPane.setVisible(model.trace() != null);
        if (model.run() != null) {
            String key = model.subtitleKey();
            if (key.equals("lesson.mnist.subtitle") && ctx.trainedNetProperty().get() != null) {
                key = "lesson.mnist.subtitle.trained";
            }
            lessonSubtitle.setText(i18n.text(key, model.run().description()));
        } else {
            lessonSubtitle.setText(i18n.text(model.subtitleKey(), "…"));
        }
        stageCaption.setText(caption());
        ctx.statusProperty().set(status == LessonModel.Status.READY ? i18n.text("status.hint")
                : status == LessonModel.Status.LOADING ? i18n.text("status.loading") : model.problemText(i18n.locale()));
    }

    private String caption() {
        if (model.trace() == null) {
            return model.status() == LessonModel.Status.LOADING ? i18n.text("status.loading") : "";
        }
        Stage current = model.currentStage();
        if (current == null) {
            return i18n.text("status.start", model.stageCount());
        }
        String direction = i18n.text(current.isForward() ? "timeline.forward" : "timeline.backward");
        String text = i18n.text("status.stage", model.position(), model.stageCount(), direction, current.layer());
        if (model.position() == model.forwardCount()) {
            text += "  ·  " + i18n.text("status.loss", com.backpropexplorer.ui.Numbers.precise(model.trace().loss()));
        }
        return text;
    }

    private void showRefusal() {
        Refusal refusal = model.refusal();
        boolean show = refusal != null;
        refusalBanner.setVisible(show);
        refusalBanner.setManaged(show);
        if (show) {
            refusalText.setText(i18n.text("refusal.text", String.join(", ", refusal.emptyLayers())));
            refusalEngine.setText(i18n.text("refusal.engine", refusal.engineMessage()));
            ctx.statusProperty().set(i18n.text("refusal.status"));
        }
    }

    private void playingChanged(boolean playing) {
        playButton.setSelected(playing);
        playButton.setText(i18n.text(playing ? "step.pause" : "step.play"));
        playIcon.getStyleClass().removeAll("icon-play", "icon-pause");
        playIcon.getStyleClass().add(playing ? "icon-pause" : "icon-play");
        if (playing) {
            // the first stage at once, then one per animation + gap
            model.playTick();
            if (model.isPlaying()) {
                schedulePlayTick();
            }
        } else {
            playClock.stop();
        }
    }

    private void schedulePlayTick() {
        double speed = Math.max(0.1, model.speedProperty().get());
        playClock.setDuration(GraphView.STAGE_DURATION.add(PLAY_GAP).divide(speed));
        playClock.playFromStart();
    }
}
