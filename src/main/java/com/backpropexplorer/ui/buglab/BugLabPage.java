package com.backpropexplorer.ui.buglab;

import com.backpropexplorer.engine.TwoLayerNet;
import com.backpropexplorer.explain.Gradcheck;
import com.backpropexplorer.explain.GradcheckResult;
import com.backpropexplorer.explain.Tensor;
import com.backpropexplorer.explain.bugs.BugLab;
import com.backpropexplorer.explain.bugs.PlantedBug;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.gradcheck.ErrorHeatmap;
import com.backpropexplorer.ui.shell.Page;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The bug lab: the learner picks a planted bug by its neutral name, runs the gradient check of a
 * net with that bug, sees which parameters disagree and by how much (mean differences and
 * heatmaps of relative errors), guesses the faulty layer, and asks for the reveal: the wrong and
 * the right line side by side, and what the mistake does. State lives in {@link BugLabModel}.
 */
public final class BugLabPage implements Page {
    private final I18n i18n;
    private final BugLabModel model;
    private final ScrollPane root;
    private final Label status = new Label();
    private final VBox results = new VBox(10);
    private final VBox maps = new VBox(10);
    private final VBox guessBox = new VBox(8);
    private final VBox revealBox = new VBox(8);
    private final ToggleGroup layers = new ToggleGroup();
    /** The bug choices, each with its bug (or none) as user data: they follow the model's choice. */
    private final ToggleGroup bugs = new ToggleGroup();
    private final ChangeListener<Object> onChange = (obs, o, n) -> show();

    public BugLabPage(I18n i18n, BugLabModel model) {
        this.i18n = i18n;
        this.model = model;
        Label title = new Label(i18n.text("buglab.title"));
        title.getStyleClass().add("title-2");
        Label intro = new Label(i18n.text("buglab.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("text-muted");
        intro.setMaxWidth(900);

        FlowPane bugRow = new FlowPane(8, 8);
        bugRow.setAlignment(Pos.CENTER_LEFT);
        bugRow.getChildren().add(new Label(i18n.text("buglab.bug")));
        for (PlantedBug bug : PlantedBug.values()) {
            bugRow.getChildren().add(bugButton(bugs, Optional.of(bug), bug.label(i18n.locale()), bug.id()));
        }
        bugRow.getChildren().add(bugButton(bugs, Optional.empty(), i18n.text("buglab.control"), "none"));

        Button run = new Button(i18n.text("buglab.run"));
        run.setId("buglab-run");
        run.getStyleClass().add("accent");
        run.setOnAction(e -> model.run());
        run.disableProperty().bind(model.runningProperty());
        Button cancel = new Button(i18n.text("buglab.cancel"));
        cancel.setId("buglab-cancel");
        cancel.setOnAction(e -> model.cancel());
        cancel.disableProperty().bind(model.runningProperty().not());
        ProgressBar progress = new ProgressBar();
        progress.setId("buglab-progress");
        progress.setPrefWidth(220);
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.runningProperty());
        HBox runRow = new HBox(10, run, cancel, progress);
        runRow.setAlignment(Pos.CENTER_LEFT);
        status.setId("buglab-status");
        status.setWrapText(true);
        status.setMaxWidth(900);

        buildGuess();
        revealBox.setId("buglab-reveal-box");
        guessBox.setId("buglab-guess-box");
        VBox page = new VBox(12, title, intro, bugRow, runRow, status, results, guessBox, revealBox, maps);
        page.getStyleClass().addAll("gradcheck-page", "buglab-page");
        page.setId("page-buglab");
        root = new ScrollPane(page);
        root.setFitToWidth(true);
        root.getStyleClass().add("edge-to-edge");

        model.bugProperty().addListener(new WeakChangeListener<>(onChange));
        model.resultProperty().addListener(new WeakChangeListener<>(onChange));
        model.runningProperty().addListener(new WeakChangeListener<>(onChange));
        model.failureProperty().addListener(new WeakChangeListener<>(onChange));
        model.guessProperty().addListener(new WeakChangeListener<>(onChange));
        model.revealedProperty().addListener(new WeakChangeListener<>(onChange));
        show();
    }

    private ToggleButton bugButton(ToggleGroup group, Optional<PlantedBug> bug, String text, String id) {
        ToggleButton button = new ToggleButton(text);
        button.setId("buglab-bug-" + id);
        button.setToggleGroup(group);
        button.setUserData(bug);
        button.setSelected(model.bugProperty().get().equals(bug));
        button.setOnAction(e -> {
            button.setSelected(true); // one is always chosen
            model.bugProperty().set(bug);
        });
        return button;
    }

    private void buildGuess() {
        Label question = new Label(i18n.text("buglab.guess"));
        question.getStyleClass().add("section-title");
        FlowPane choices = new FlowPane(8, 8);
        choices.setAlignment(Pos.CENTER_LEFT);
        for (String layer : BugLabModel.LAYERS) {
            ToggleButton button = new ToggleButton(layer + ".backward");
            button.setId("buglab-guess-" + layer);
            button.setToggleGroup(layers);
            button.setOnAction(e -> model.guess(layer));
            choices.getChildren().add(button);
        }
        Button reveal = new Button(i18n.text("buglab.reveal"));
        reveal.setId("buglab-reveal");
        reveal.setOnAction(e -> model.reveal());
        choices.getChildren().add(reveal);
        guessBox.getChildren().addAll(question, choices);
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void hidden() {
        // a running check may go on: its result waits in the model for the page's return
    }

    private void show() {
        GradcheckResult result = model.resultProperty().get();
        Optional<PlantedBug> bug = model.bugProperty().get();
        bugs.getToggles().forEach(t -> t.setSelected(bug.equals(t.getUserData())));
        if (model.runningProperty().get()) {
            status.setText(i18n.text("buglab.running"));
        } else if (model.failureProperty().get() != null) {
            status.setText(i18n.text("buglab.failed", i18n.describe(model.failureProperty().get())));
        } else if (result == null) {
            status.setText(i18n.text("buglab.idle"));
        } else {
            Map.Entry<String, Double> worst = result.meanAbsDiff().entrySet().stream()
                    .max(Map.Entry.comparingByValue()).orElseThrow();
            status.setText(BugLab.caught(result)
                    ? i18n.text("buglab.caught", worst.getKey(), sci(worst.getValue()))
                    : i18n.text("buglab.agree", sci(worst.getValue())));
        }
        status.getStyleClass().removeAll("danger-text", "success-text");
        if (result != null) {
            status.getStyleClass().add(BugLab.caught(result) ? "danger-text" : "success-text");
        }
        showResult(result);
        boolean canGuess = result != null && bug.isPresent();
        guessBox.setVisible(canGuess);
        guessBox.setManaged(canGuess);
        if (model.guessProperty().get() == null) {
            layers.selectToggle(null);
        }
        showReveal(bug);
    }

    private void showResult(GradcheckResult result) {
        results.getChildren().clear();
        maps.getChildren().clear();
        if (result == null) {
            return;
        }
        GridPane table = new GridPane();
        table.setId("buglab-table");
        table.getStyleClass().add("gradcheck-table");
        table.addRow(0, header("gradcheck.col.param"), header("gradcheck.col.mean"), header("buglab.col.verdict"));
        int row = 1;
        for (String name : TwoLayerNet.PARAM_NAMES) {
            double mean = result.meanAbsDiff().get(name);
            boolean bad = mean > BugLab.CAUGHT;
            Label value = new Label(sci(mean));
            value.setId("buglab-mean-" + name);
            value.setUserData(mean);
            value.getStyleClass().addAll("gradcheck-number", bad ? "bad" : "ok");
            Label verdict = new Label(i18n.text(bad ? "buglab.param.bad" : "buglab.param.ok"));
            verdict.getStyleClass().add(bad ? "bad" : "ok");
            Label param = new Label(name + "  " + result.backprop().get(name).shape());
            param.getStyleClass().add("gradcheck-number");
            table.addRow(row++, param, value, verdict);
        }
        results.getChildren().add(table);
        HBox legend = new HBox(6, new Label("1e-10"), ErrorHeatmap.legend(160, 10), new Label("1e-2"),
                new Label(i18n.text("gradcheck.legend")));
        legend.setAlignment(Pos.CENTER_LEFT);
        legend.getStyleClass().add("text-muted");
        maps.getChildren().add(legend);
        for (String name : TwoLayerNet.PARAM_NAMES) {
            Tensor relative = relative(result, name);
            ErrorHeatmap map = new ErrorHeatmap(relative, result.backprop().get(name), result.numerical().get(name),
                    760, name.startsWith("b") ? 16 : 100);
            map.setId("buglab-heatmap-" + name);
            Label caption = new Label(i18n.text(map.isTransposed() ? "gradcheck.heatmap.transposed"
                    : "gradcheck.heatmap", name, relative.shape()));
            caption.getStyleClass().add("weights-chart-title");
            maps.getChildren().add(new VBox(4, caption, map));
        }
    }

    /** The relative error of every element of a parameter's gradient (the check keeps W1's and W2's). */
    private static Tensor relative(GradcheckResult result, String name) {
        Tensor kept = result.relative().get(name);
        if (kept != null) {
            return kept;
        }
        Tensor a = result.backprop().get(name);
        Tensor b = result.numerical().get(name);
        double[] rel = new double[a.size()];
        for (int i = 0; i < rel.length; i++) {
            rel[i] = Gradcheck.relativeError(a.at(i), b.at(i));
        }
        return Tensor.of(name, new org.ejml.data.DMatrixRMaj(a.rows(), a.cols(), true, rel));
    }

    private void showReveal(Optional<PlantedBug> bug) {
        revealBox.getChildren().clear();
        boolean show = model.revealedProperty().get() && bug.isPresent();
        revealBox.setVisible(show);
        revealBox.setManaged(show);
        if (!show) {
            return;
        }
        PlantedBug planted = bug.get();
        String guess = model.guessProperty().get();
        String where = planted.method();
        Label verdict = new Label(guess == null ? i18n.text("buglab.noguess", where)
                : model.guessedRight() ? i18n.text("buglab.right", where)
                : i18n.text("buglab.wrong", guess + ".backward", where));
        verdict.setId("buglab-verdict");
        verdict.getStyleClass().addAll("section-title", guess != null && !model.guessedRight() ? "danger-text"
                : "success-text");
        verdict.setWrapText(true);
        HBox lines = new HBox(12, code("buglab.wrongLine", planted.wrongLine(), "buglab-wrong-line", "bug-wrong"),
                code("buglab.rightLine", planted.rightLine(), "buglab-right-line", "bug-right"));
        Label why = new Label(planted.reveal(i18n.locale()));
        why.setId("buglab-why");
        why.setWrapText(true);
        why.setMaxWidth(900);
        revealBox.getChildren().addAll(verdict, lines, why);
    }

    private VBox code(String titleKey, String line, String id, String style) {
        Label title = new Label(i18n.text(titleKey));
        title.getStyleClass().add("header");
        Label code = new Label(line);
        code.setId(id);
        code.getStyleClass().addAll("code-line", style);
        code.setWrapText(true);
        code.setMaxWidth(Double.MAX_VALUE);
        VBox box = new VBox(4, title, code);
        box.getStyleClass().addAll("bug-line", style);
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setMaxWidth(440);
        return box;
    }

    private Label header(String key) {
        Label l = new Label(i18n.text(key));
        l.getStyleClass().add("header");
        return l;
    }

    private static String sci(double v) {
        return String.format(Locale.ROOT, "%.2e", v);
    }
}
