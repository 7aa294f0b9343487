package com.backpropexplorer.ui.explainer;

import com.backpropexplorer.explain.Example;
import com.backpropexplorer.explain.Lessons;
import com.backpropexplorer.explain.Stage;
import com.backpropexplorer.explain.text.Texts;
import com.backpropexplorer.ui.Fxml;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.code.CodeDock;
import com.backpropexplorer.ui.code.CodeVisibility;
import com.backpropexplorer.ui.code.CodePane;
import com.backpropexplorer.ui.graph.GraphView;
import com.backpropexplorer.ui.graph.ZoomPane;
import com.backpropexplorer.ui.inspector.InspectorView;
import com.backpropexplorer.ui.lesson.LessonInputs;
import com.backpropexplorer.ui.lesson.LessonModel;
import com.backpropexplorer.ui.lesson.MnistDigits;
import com.backpropexplorer.ui.lesson.Refusal;
import com.backpropexplorer.ui.numgrad.NumericalGradientPanel;
import com.backpropexplorer.ui.shared.MnistFolder;
import com.backpropexplorer.ui.shared.TrainedNet;
import com.backpropexplorer.ui.shell.Dialogs;
import com.backpropexplorer.ui.shell.Page;
import com.backpropexplorer.ui.shell.StatusLine;
import com.backpropexplorer.ui.weights.WeightsModel;
import com.backpropexplorer.ui.weights.WeightsPanel;
import javafx.animation.AnimationTimer;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A lesson page: the graph (zoomable), the inspector, the timeline, the weights panel and the
 * stepping controls, laid out by explainer.fxml, all observing one {@link LessonModel}. This
 * class is the FXML controller; it only wires views to the model (the play clock is in
 * {@link PlayControls}, the caption under the buttons in {@link StageCaption}).
 */
public final class ExplainerPage implements Page {
    private final I18n i18n;
    private final LessonModel model;
    private final StatusLine status;
    private final Dialogs dialogs;
    private final BorderPane root;
    private final GraphView graph;
    private final ZoomPane zoomPane;
    private final WeightsPanel weightsPanel;
    private final PlayControls play;
    private final CodePane codePane;
    /** Sample rows, provenance and code links on the graph and inspector; held for its listeners. */
    private final Pointing pointing;
    /** The mnist lesson's "MNIST is missing" pane, or null. */
    private MnistMissingPane missingPane;
    /** The ch4 lesson's numerical gradient, or null. */
    private NumericalGradientPanel numericalGradient;

    @FXML private BorderPane page;
    @FXML private javafx.scene.control.SplitPane split;
    @FXML private ToggleButton codeToggle;
    @FXML private BorderPane graphArea;
    @FXML private VBox heading;
    @FXML private Label lessonTitle;
    @FXML private Label lessonSubtitle;
    @FXML private StackPane graphHost;
    @FXML private ProgressIndicator loading;
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
    @FXML private Region playIcon;
    @FXML private Slider speedSlider;
    @FXML private Label speedValue;
    @FXML private Label stageCaption;

    private final ChangeListener<Object> onState = (obs, o, n) -> showState();
    private final ChangeListener<Object> onRefusal = (obs, o, n) -> showRefusal();

    /**
     * @param model the lesson
     * @param weights its weights panel's view-model, or null for a lesson without weights
     * @param status the window's status line, which the page fills while it is shown
     * @param dialogs for the W1 tiles window
     */
    public ExplainerPage(I18n i18n, LessonModel model, WeightsModel weights, StatusLine status, Dialogs dialogs) {
        this.i18n = i18n;
        this.model = model;
        this.status = status;
        this.dialogs = dialogs;
        root = Fxml.load(ExplainerPage.class, "explainer.fxml", i18n, this);
        root.setId("page-" + model.example().id());

        graph = new GraphView(model, i18n);
        graph.setOnOpenTiles(() -> TilesWindow.show(i18n, dialogs, model));
        zoomPane = new ZoomPane(graph);
        graphHost.getChildren().add(0, zoomPane);
        codePane = new CodePane(model, i18n);
        InspectorView inspector = new InspectorView(model, i18n);
        // simpleNet: the book's printed numbers beside ours, above the inspector
        inspectorScroll.setContent(model.example() == Example.SIMPLE
                ? new VBox(BookPanel.collapsible(i18n, Lessons.simple().book().orElseThrow()), inspector) : inspector);
        timelineHost.getChildren().add(new TimelineStrip(model, i18n));
        weightsPanel = weights == null ? null : new WeightsPanel(weights, i18n);
        graphArea.setBottom(weightsPanel);

        root.getStylesheets().add(CodePane.STYLESHEET_URL);
        heading.getChildren().add(new SampleBar(model, i18n));
        pointing = new Pointing(model, i18n, graph, inspector, codePane, graphHost);
        lessonTitle.setText(lessonText("lesson." + model.example().id() + ".title"));
        resetButton.disableProperty().bind(model.canGoBackBinding().not());
        backButton.disableProperty().bind(model.canGoBackBinding().not());
        forwardButton.disableProperty().bind(model.canStepForwardBinding().not());
        backwardButton.disableProperty().bind(model.canAdvanceBinding().not());
        playButton.disableProperty().bind(model.runProperty().isNull());
        play = new PlayControls(i18n, model.playback(), playButton, playIcon, speedSlider, speedValue);

        model.positionProperty().addListener(new WeakChangeListener<>(onState));
        model.statusProperty().addListener(new WeakChangeListener<>(onState));
        model.runProperty().addListener(new WeakChangeListener<>(onState));
        model.refusalProperty().addListener(new WeakChangeListener<>(onRefusal));
        showState();
        showRefusal();
    }

    /**
     * The mnist lesson's parts: the offer to download MNIST or choose its folder while it is
     * missing, which test digits go through the net and whose net it is, and the weights
     * panel's choice of batch.
     */
    public void addMnistParts(MnistFolder mnist, MnistDigits digits, TrainedNet trained, Dialogs dialogs) {
        addMnistMissing(mnist, dialogs);
        heading.getChildren().add(new DigitChooser(i18n, digits, trained));
        if (weightsPanel != null) {
            weightsPanel.offerBatch(digits.testDigits());
        }
        showState();
    }

    /**
     * The fields of a lesson whose inputs the learner may change (the shopping graphs' prices,
     * Sigmoid's x) and its fold toggle, under the title.
     */
    public void addInputs(LessonInputs inputs) {
        if (inputs.hasAny()) {
            heading.getChildren().add(new InputsPanel(i18n, inputs, model.example().id(), dialogs));
        }
    }

    /** A lesson's text: the window's own where it has one, else the lesson's (a lesson is data). */
    private String lessonText(String key, Object... args) {
        return i18n.has(key) ? i18n.text(key, args) : Texts.text(i18n.locale(), key, args);
    }

    /** The offer to download MNIST or choose its folder while it is missing (lessons on MNIST digits). */
    public void addMnistMissing(MnistFolder mnist, Dialogs dialogs) {
        missingPane = new MnistMissingPane(i18n, mnist, dialogs, model::reload);
        graphHost.getChildren().add(graphHost.getChildren().indexOf(loading) + 1, missingPane.view());
        showState();
    }

    /** Shows the code pane beside the graph, or not, as the app's one switch for every lesson says. */
    public void dockCode(CodeVisibility visibility) {
        new CodeDock(split, codePane, codeToggle, visibility);
    }

    /** The code pane beside the graph. */
    public CodePane codePane() {
        return codePane;
    }

    /** Chapter 4's numerical gradient under the graph (the ch4 lesson), where the weights panel goes. */
    public void addNumericalGradient(NumericalGradientPanel panel) {
        numericalGradient = panel;
        graphArea.setBottom(panel);
    }

    /** Whether single steps animate; off for screenshots, where each picture shows a settled state. */
    public void setAnimated(boolean animated) {
        graph.setAnimated(animated);
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void shown() {
        // start computing on the next pulse: the window's first frame must not wait for the graph
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                model.ensureLoaded();
            }
        }.start();
        // the keys step the lesson from the start, not the first input field
        root.requestFocus();
        showState();
        // a refusal outlives a language switch (the page is built again): the status line says it too
        showRefusal();
    }

    @Override
    public void hidden() {
        model.playback().stop();
        if (numericalGradient != null) {
            numericalGradient.stop();
        }
        play.stop();
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

    /** The weights panel under the graph, or null for a lesson without weights. */
    public WeightsPanel weightsPanel() {
        return weightsPanel;
    }

    /** Right: next stage; Left: back one; Space: play/pause; Home: back to the start. */
    @Override
    public boolean handleKey(KeyEvent event) {
        switch (event.getCode()) {
            case RIGHT -> model.next();
            case LEFT -> model.back();
            case SPACE -> model.playback().toggle();
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
        model.playback().toggle();
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

    // ------------------------------------------------------------ rendering state

    private void showState() {
        LessonModel.Status now = model.status();
        loading.setVisible(now == LessonModel.Status.LOADING || now == LessonModel.Status.IDLE);
        if (missingPane != null) {
            missingPane.show(now == LessonModel.Status.MNIST_MISSING || now == LessonModel.Status.FAILED,
                    model.problemText(i18n.locale()));
        }
        zoomPane.setVisible(model.trace() != null);
        if (model.run() != null) {
            lessonSubtitle.setText(lessonText(model.subtitleKey(), model.run().description()));
        } else {
            lessonSubtitle.setText(lessonText(model.subtitleKey(), "…"));
        }
        stageCaption.setText(StageCaption.of(model, i18n));
        Stage shown = model.trace() == null ? null : model.currentStage();
        if (shown != null) {
            zoomPane.keepInView(graph.lookup("#node-" + shown.layer()));
        }
        status.show(now == LessonModel.Status.READY ? i18n.text("status.hint")
                : now == LessonModel.Status.LOADING ? i18n.text("status.loading") : model.problemText(i18n.locale()));
    }

    private void showRefusal() {
        Refusal refusal = model.refusal();
        boolean show = refusal != null;
        refusalBanner.setVisible(show);
        refusalBanner.setManaged(show);
        if (show) {
            refusalText.setText(i18n.text("refusal.text", String.join(", ", refusal.emptyLayers())));
            refusalEngine.setText(i18n.text("refusal.engine", refusal.firstEmptyLayer(), refusal.emptyCache()));
            status.show(i18n.text("refusal.status"));
        }
    }
}
