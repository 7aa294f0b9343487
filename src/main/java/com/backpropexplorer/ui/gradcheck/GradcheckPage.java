package com.backpropexplorer.ui.gradcheck;

import com.backpropexplorer.engine.TwoLayerNet;
import com.backpropexplorer.explain.Example;
import com.backpropexplorer.explain.Gradcheck;
import com.backpropexplorer.explain.GradcheckResult;
import com.backpropexplorer.explain.Tensor;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.Labels;
import com.backpropexplorer.ui.shell.Page;
import java.util.Locale;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The gradient check (§5.7.3) in the app: backprop against central differences for the tiny
 * net or the 784-50-10 mnist net as the lessons hold them, the book's mean |backprop −
 * numerical| per parameter and the relative error of every element of W1 and W2. The check runs
 * in the background with a progress bar and cancel; its state lives in {@link GradcheckModel}.
 */
public final class GradcheckPage implements Page {
    /** Mean differences below this are shown as agreeing (the book gets 1e−10 to 1e−7). */
    public static final double AGREE = 1e-6;

    private final GradcheckModel model;
    private final I18n i18n;
    private final ScrollPane root;
    private final VBox resultBox = new VBox(12);
    private final Label status = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final Button run = new Button();
    private final Button cancel = new Button();
    private final Spinner<Integer> samples = new Spinner<>();
    private final ChangeListener<Object> onChange = (obs, o, n) -> show();

    public GradcheckPage(I18n i18n, GradcheckModel model) {
        this.model = model;
        this.i18n = i18n;

        Label title = new Label(i18n.text("nav.gradcheck"));
        title.getStyleClass().add("title-2");
        Label intro = new Label(i18n.text("gradcheck.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("text-muted");
        intro.setMaxWidth(900);

        ChoiceBox<Example> net = new ChoiceBox<>();
        net.setId("gradcheck-net");
        net.getItems().addAll(Example.TINY, Example.MNIST);
        net.setConverter(Labels.of(e -> i18n.text("gradcheck.net." + e.id())));
        net.valueProperty().bindBidirectional(model.netProperty());
        samples.setId("gradcheck-samples");
        samples.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 1000, model.samplesProperty().get()));
        samples.setEditable(true);
        samples.setPrefWidth(90);
        samples.valueProperty().addListener((obs, o, n) -> {
            if (n != null) {
                model.samplesProperty().set(n);
            }
        });
        samples.disableProperty().bind(model.netProperty().isNotEqualTo(Example.MNIST));
        ChoiceBox<Gradcheck.Method> method = new ChoiceBox<>();
        method.setId("gradcheck-method");
        method.getItems().addAll(Gradcheck.Method.values());
        method.setConverter(Labels.of(m -> i18n.text("gradcheck.method." + m.name().toLowerCase(Locale.ROOT))));
        method.valueProperty().bindBidirectional(model.methodProperty());

        run.setText(i18n.text("gradcheck.run"));
        run.setId("gradcheck-run");
        run.getStyleClass().add("accent");
        run.setOnAction(e -> model.run());
        run.disableProperty().bind(model.runningProperty());
        cancel.setText(i18n.text("gradcheck.cancel"));
        cancel.setId("gradcheck-cancel");
        cancel.setOnAction(e -> model.cancel());
        cancel.disableProperty().bind(model.runningProperty().not());
        progress.setId("gradcheck-progress");
        progress.setPrefWidth(220);
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.runningProperty());
        status.setId("gradcheck-status");
        status.getStyleClass().add("text-muted");

        FlowPane controls = new FlowPane(10, 8, label("gradcheck.net"), net, label("gradcheck.samples"), samples,
                label("gradcheck.method"), method, run, cancel, progress);
        controls.setAlignment(Pos.CENTER_LEFT);

        VBox page = new VBox(12, title, intro, controls, status, resultBox);
        page.getStyleClass().add("gradcheck-page");
        page.setId("page-gradcheck");
        root = new ScrollPane(page);
        root.setFitToWidth(true);
        root.getStyleClass().add("edge-to-edge");

        model.resultProperty().addListener(new WeakChangeListener<>(onChange));
        model.runningProperty().addListener(new WeakChangeListener<>(onChange));
        model.failureProperty().addListener(new WeakChangeListener<>(onChange));
        model.cancelledProperty().addListener(new WeakChangeListener<>(onChange));
        show();
    }

    private Label label(String key) {
        Label l = new Label(i18n.text(key));
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    @Override
    public Node view() {
        return root;
    }

    private void show() {
        GradcheckResult result = model.resultProperty().get();
        if (model.runningProperty().get()) {
            status.setText(i18n.text("gradcheck.running"));
        } else if (model.cancelledProperty().get()) {
            status.setText(i18n.text("gradcheck.cancelled"));
        } else if (model.failureProperty().get() != null) {
            status.setText(i18n.text("gradcheck.failed", i18n.describe(model.failureProperty().get())));
        } else if (result != null) {
            status.setText(i18n.text("gradcheck.done", result.description(),
                    i18n.text("gradcheck.method." + result.method().name().toLowerCase(Locale.ROOT)),
                    String.format(Locale.ROOT, "%.1f", result.nanos() / 1e6)));
        } else {
            status.setText(i18n.text("gradcheck.idle"));
        }
        resultBox.getChildren().clear();
        if (result == null) {
            return;
        }
        GridPane table = new GridPane();
        table.setId("gradcheck-table");
        table.getStyleClass().add("gradcheck-table");
        table.addRow(0, header("gradcheck.col.param"), header("gradcheck.col.mean"), header("gradcheck.col.max"));
        int row = 1;
        for (String name : TwoLayerNet.PARAM_NAMES) {
            double mean = result.meanAbsDiff().get(name);
            Label meanLabel = number(String.format(Locale.ROOT, "%.2e", mean), mean, "gradcheck-mean-" + name);
            meanLabel.getStyleClass().add(mean < AGREE ? "ok" : "bad");
            double max = result.maxRelative().get(name);
            Label maxLabel = number(String.format(Locale.ROOT, "%.2e", max), max, "gradcheck-max-" + name);
            Tensor shape = result.backprop().get(name);
            Label nameLabel = new Label(name + "  " + shape.shape());
            nameLabel.getStyleClass().add("gradcheck-number");
            table.addRow(row++, nameLabel, meanLabel, maxLabel);
        }
        Label verdict = new Label(i18n.text(result.meanAbsDiff().values().stream().allMatch(d -> d < AGREE)
                ? "gradcheck.verdict.ok" : "gradcheck.verdict.bad", result.kinks()));
        verdict.setWrapText(true);
        verdict.setId("gradcheck-verdict");
        verdict.setMaxWidth(900);
        resultBox.getChildren().addAll(table, verdict);

        HBox legend = new HBox(6, new Label("1e-10"), ErrorHeatmap.legend(160, 10), new Label("1e-2"),
                new Label(i18n.text("gradcheck.legend")));
        legend.setAlignment(Pos.CENTER_LEFT);
        legend.getStyleClass().add("text-muted");
        resultBox.getChildren().add(legend);
        for (String name : result.relative().keySet()) {
            ErrorHeatmap map = new ErrorHeatmap(result.relative().get(name), result.backprop().get(name),
                    result.numerical().get(name), 800, 160);
            map.setId("gradcheck-heatmap-" + name);
            Label caption = new Label(i18n.text(map.isTransposed() ? "gradcheck.heatmap.transposed"
                    : "gradcheck.heatmap", name, result.relative().get(name).shape()));
            caption.getStyleClass().add("weights-chart-title");
            resultBox.getChildren().add(new VBox(4, caption, map));
        }
    }

    private Label header(String key) {
        Label l = new Label(i18n.text(key));
        l.getStyleClass().add("header");
        return l;
    }

    private static Label number(String text, double value, String id) {
        Label l = new Label(text);
        l.setUserData(value);
        l.setId(id);
        l.getStyleClass().add("gradcheck-number");
        return l;
    }
}
