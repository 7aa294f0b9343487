package com.backpropexplorer.ui.numgrad;

import com.backpropexplorer.engine.TwoLayerNet;
import com.backpropexplorer.explain.GradientTiming;
import com.backpropexplorer.explain.Lesson;
import com.backpropexplorer.explain.NumericalGradientWalk.Phase;
import com.backpropexplorer.explain.NumericalGradientWalk.Step;
import com.backpropexplorer.explain.code.Line;
import com.backpropexplorer.explain.code.Listing;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.graph.Flow;
import com.backpropexplorer.ui.graph.TensorViews;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Chapter 4's numerical gradient under the graph of the ch4 lesson: the book's loop with the line
 * being run highlighted, what the net's own array holds at that moment (so that
 * {@code lambda W: self.loss(x, t)} visibly needs no W), the two losses, dW filling in element by
 * element (line by line, playing, or fast-forwarded), and the book's loop timed against backprop
 * with a progress bar. Collapsed until opened. State lives in {@link NumericalGradientModel}.
 */
public final class NumericalGradientPanel extends TitledPane {
    /** One line of the loop while playing, at speed 1. */
    private static final Duration LINE = Duration.millis(260);

    private final I18n i18n;
    private final NumericalGradientModel model;
    private final Supplier<Lesson> lesson;
    private final VBox code = new VBox(1);
    private final List<Label> loopLines = new ArrayList<>();
    private final List<Phase> linePhase = new ArrayList<>();
    private final VBox facts = new VBox(4);
    private final StackPane gradientHost = new StackPane();
    private final Label gradientCaption = new Label();
    private final Label timingText = new Label();
    /** The two times as bars of one scale, side by side: the loop's fills the width, backprop's is a sliver. */
    private final javafx.scene.layout.GridPane timingBars = new javafx.scene.layout.GridPane();
    private final Timeline player = new Timeline();
    private final ToggleButton play = new ToggleButton();
    private final ChangeListener<Object> onStep = (obs, o, n) -> showStep();
    private final ChangeListener<Object> onGradient = (obs, o, n) -> showGradient();
    private final ChangeListener<Object> onTiming = (obs, o, n) -> showTiming();

    public NumericalGradientPanel(I18n i18n, NumericalGradientModel model, Supplier<Lesson> lesson) {
        this.i18n = i18n;
        this.model = model;
        this.lesson = lesson;
        setId("numgradPanel");
        getStyleClass().add("numgrad-panel");
        setText(i18n.text("numgrad.title"));
        setExpanded(false);
        setAnimated(false);

        ChoiceBox<String> param = new ChoiceBox<>();
        param.setId("numgrad-param");
        param.getItems().addAll(TwoLayerNet.PARAM_NAMES);
        param.valueProperty().bindBidirectional(model.paramProperty());
        Button line = button("numgrad.line", "numgrad-line", e -> model.stepLine());
        play.setText(i18n.text("numgrad.play"));
        play.setId("numgrad-play");
        play.setOnAction(e -> playing(play.isSelected()));
        Button forward = button("numgrad.fastForward", "numgrad-fast-forward", e -> {
            playing(false);
            model.fastForward();
        });
        Button cancel = button("numgrad.cancel", "numgrad-cancel", e -> model.cancelFastForward());
        cancel.disableProperty().bind(model.busyProperty().not());
        Button restart = button("numgrad.restart", "numgrad-restart", e -> {
            playing(false);
            model.restart();
        });
        ProgressBar progress = new ProgressBar();
        progress.setId("numgrad-progress");
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.busyProperty());
        line.disableProperty().bind(model.readyProperty().not().or(model.busyProperty()));
        forward.disableProperty().bind(model.readyProperty().not().or(model.busyProperty()));
        FlowPane controls = new FlowPane(8, 6, label("numgrad.param"), param, line, play, forward, cancel, restart,
                progress);
        controls.setAlignment(Pos.CENTER_LEFT);

        buildCode();
        facts.setId("numgrad-facts");
        facts.setMinWidth(220);
        facts.setPrefWidth(320);
        facts.setMaxWidth(320);
        gradientCaption.getStyleClass().add("weights-chart-title");
        VBox gradientBox = new VBox(4, gradientCaption, gradientHost);
        // side by side where there is room, the gradient under the rest where there is not
        FlowPane content = new FlowPane(16, 8, code, facts, gradientBox);
        content.setRowValignment(javafx.geometry.VPos.TOP);

        Button time = button("numgrad.time", "numgrad-time", e -> model.time());
        time.disableProperty().bind(model.timingProperty());
        Button stopTiming = button("numgrad.cancel", "numgrad-time-cancel", e -> model.cancelTiming());
        stopTiming.disableProperty().bind(model.timingProperty().not());
        ProgressBar timingBar = new ProgressBar();
        timingBar.setId("numgrad-time-progress");
        timingBar.setPrefWidth(200);
        timingBar.progressProperty().bind(model.timingProgressProperty());
        timingBar.visibleProperty().bind(model.timingProperty());
        timingText.setId("numgrad-timing");
        timingText.setWrapText(true);
        FlowPane timingRow = new FlowPane(8, 6, time, stopTiming, timingBar);
        timingRow.setAlignment(Pos.CENTER_LEFT);

        controls.getChildren().add(timingRow);
        timingBars.setId("numgrad-timing-bars");
        VBox body = new VBox(8, controls, content, timingText, timingBars);
        body.getStyleClass().add("numgrad-body");
        // the graph above keeps most of the height: the panel scrolls
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(250);
        scroll.setMaxHeight(280);
        scroll.getStyleClass().add("edge-to-edge");
        setContent(scroll);

        player.getKeyFrames().add(new KeyFrame(LINE, e -> {
            if (model.doneProperty().get() >= model.sizeProperty().get() && model.phaseProperty().get() == Phase.RESTORE) {
                playing(false);
            } else {
                model.stepLine();
            }
        }));
        player.setCycleCount(Timeline.INDEFINITE);
        model.stepProperty().addListener(new WeakChangeListener<>(onStep));
        model.phaseProperty().addListener(new WeakChangeListener<>(onStep));
        model.gradientProperty().addListener(new WeakChangeListener<>(onGradient));
        model.timingResultProperty().addListener(new WeakChangeListener<>(onTiming));
        model.timingProperty().addListener(new WeakChangeListener<>(onTiming));
        model.failureProperty().addListener(new WeakChangeListener<>(onTiming));
        expandedProperty().addListener((obs, o, open) -> {
            if (open && !model.readyProperty().get() && model.stepProperty().get() == null) {
                model.restart();
            }
        });
        showStep();
        showGradient();
        showTiming();
    }

    /** Stops playing (the page is hidden). */
    public void stop() {
        playing(false);
    }

    private void playing(boolean on) {
        play.setSelected(on);
        play.setText(i18n.text(on ? "numgrad.pause" : "numgrad.play"));
        if (on) {
            player.play();
        } else {
            player.stop();
        }
    }

    private Button button(String key, String id, javafx.event.EventHandler<javafx.event.ActionEvent> action) {
        Button b = new Button(i18n.text(key));
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setId(id);
        b.setOnAction(action);
        return b;
    }

    private Label label(String key) {
        Label l = new Label(i18n.text(key));
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** The lambda of TwoLayerNet.numerical_gradient and the book's loop, each line marked with its phase. */
    private void buildCode() {
        code.getStyleClass().add("numgrad-code");
        Lesson now = lesson.get();
        if (now == null) {
            return;
        }
        Listing listing = now.listing();
        for (Line l : listing.lines()) {
            boolean loop = l.file().equals("gradient.py") && l.hasCode() && !l.code().startsWith("import");
            if (!loop && !l.has("numgrad:lambda")) {
                continue;
            }
            Label label = new Label(l.code());
            label.getStyleClass().add("code-line");
            label.setMinWidth(Region.USE_PREF_SIZE);
            Phase phase = null;
            for (Phase p : Phase.values()) {
                if (l.has(p.anchor())) {
                    phase = p;
                }
            }
            if (l.has("numgrad:lambda")) {
                label.setId("numgrad-code-lambda");
                code.getChildren().add(label);
                continue;
            }
            if (phase != null) {
                label.setId("numgrad-code-" + phase.name().toLowerCase(Locale.ROOT));
            }
            loopLines.add(label);
            linePhase.add(phase);
            code.getChildren().add(label);
        }
    }

    private void showStep() {
        if (code.getChildren().isEmpty()) {
            buildCode(); // the lesson had not computed when the panel was made
        }
        Phase phase = model.phaseProperty().get();
        for (int i = 0; i < loopLines.size(); i++) {
            loopLines.get(i).getStyleClass().remove("current-line");
            if (phase != null && phase == linePhase.get(i)) {
                loopLines.get(i).getStyleClass().add("current-line");
            }
        }
        facts.getChildren().clear();
        Step s = model.stepProperty().get();
        String p = model.paramProperty().get();
        if (s == null || phase == null) {
            facts.getChildren().add(text(i18n.text("numgrad.start", p), null));
        } else {
            String at = p + "[" + s.row() + "][" + s.col() + "]";
            facts.getChildren().add(text(i18n.text("numgrad.element", at, s.index() + 1, model.sizeProperty().get()),
                    "numgrad-element"));
            facts.getChildren().add(text("tmp_val = " + num(s.original()), "numgrad-tmp"));
            double held = s.heldDuring(phase);
            String heldText = i18n.text("numgrad.held", "self.params['" + p + "']" + "[" + s.row() + "][" + s.col()
                    + "]", num(held));
            Label holds = text(heldText, "numgrad-held");
            holds.getStyleClass().add(held == s.original() ? "text-muted" : "forward");
            facts.getChildren().add(holds);
            if (phase.ordinal() >= Phase.F_PLUS.ordinal()) {
                facts.getChildren().add(text("fxh1 = f(x + h) = " + loss(s.lossPlus()), "numgrad-fxh1"));
            }
            if (phase.ordinal() >= Phase.F_MINUS.ordinal()) {
                facts.getChildren().add(text("fxh2 = f(x − h) = " + loss(s.lossMinus()), "numgrad-fxh2"));
            }
            if (phase.ordinal() >= Phase.DIFF.ordinal()) {
                Label diff = text("grad[idx] = (fxh1 − fxh2) / 2h = " + num(s.gradient()), "numgrad-diff");
                diff.getStyleClass().add("backward");
                facts.getChildren().add(diff);
            }
        }
        Label why = text(i18n.text("numgrad.why"), "numgrad-why");
        why.getStyleClass().add("text-muted");
        facts.getChildren().add(why);
    }

    private void showGradient() {
        if (code.getChildren().isEmpty()) {
            buildCode();
        }
        gradientHost.getChildren().clear();
        var g = model.gradientProperty().get();
        if (g == null) {
            gradientCaption.setText("");
            return;
        }
        gradientCaption.setText(i18n.text("numgrad.gradient", g.name(), g.shape(), model.doneProperty().get(),
                model.sizeProperty().get()));
        Node view = TensorViews.of(g, Flow.BACKWARD, TensorViews.Density.INSPECTOR);
        view.setId("numgrad-gradient");
        gradientHost.getChildren().add(view);
    }

    private void showTiming() {
        GradientTiming.Result r = model.timingResultProperty().get();
        timingBars.getChildren().clear();
        if (model.timingProperty().get()) {
            timingText.setText(i18n.text("numgrad.timing.running"));
        } else if (model.failureProperty().get() != null) {
            timingText.setText(i18n.describe(model.failureProperty().get()));
        } else if (r == null) {
            timingText.setText(i18n.text("numgrad.timing.idle"));
        } else {
            showBars(r);
            timingText.setText(i18n.text("numgrad.timing.result", ms(r.numericalNanos()), r.forwardPasses(),
                    ms(r.backpropNanos()), String.format(Locale.ROOT, "%,.0f", r.ratio())));
        }
    }

    private void showBars(GradientTiming.Result r) {
        timingBars.setHgap(8);
        timingBars.setVgap(4);
        double full = 360;
        double backprop = Math.max(1, full * r.backpropNanos() / (double) r.numericalNanos());
        timingBars.addRow(0, new Label(i18n.text("numgrad.timing.loop")), bar(full, "numgrad-bar-loop", "forward-bar"),
                new Label(ms(r.numericalNanos())));
        timingBars.addRow(1, new Label(i18n.text("numgrad.timing.backprop")),
                bar(backprop, "numgrad-bar-backprop", "backward-bar"), new Label(ms(r.backpropNanos())));
    }

    private static Region bar(double width, String id, String style) {
        Region bar = new Region();
        bar.setId(id);
        bar.getStyleClass().addAll("timing-bar", style);
        bar.setPrefSize(width, 14);
        bar.setMinSize(width, 14);
        bar.setMaxSize(width, 14);
        javafx.scene.layout.GridPane.setHalignment(bar, javafx.geometry.HPos.LEFT);
        javafx.scene.layout.StackPane holder = new javafx.scene.layout.StackPane(bar);
        holder.setAlignment(Pos.CENTER_LEFT);
        holder.setPrefWidth(360);
        holder.setMinWidth(120);
        return holder;
    }

    private static String ms(long nanos) {
        return nanos >= 1e9 ? String.format(Locale.ROOT, "%.2f s", nanos / 1e9)
                : String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.8f", v);
    }

    private static String loss(double v) {
        return String.format(Locale.ROOT, "%.12f", v);
    }

    private static Label text(String s, String id) {
        Label l = new Label(s);
        l.setWrapText(true);
        if (id != null) {
            l.setId(id);
        }
        return l;
    }
}
