package com.backpropexplorer.ui.inspector;

import static com.backpropexplorer.ui.inspector.Formulas.muted;
import static com.backpropexplorer.ui.inspector.Formulas.op;

import com.backpropexplorer.explain.Stage;
import com.backpropexplorer.explain.Tensor;
import com.backpropexplorer.explain.Update;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.Numbers;
import com.backpropexplorer.ui.graph.Flow;
import com.backpropexplorer.ui.graph.TensorViews;
import com.backpropexplorer.ui.lesson.LessonModel;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The inspector for the update stage: η (editable), and once the stage ran, every parameter
 * before and after {@code W ← W − η·dW} with its gradient, and on the same batch the loss and
 * each sample's probability of its true class before and after. Ids: {@code lr-field},
 * {@code lr-error}, {@code update-loss-before}, {@code update-loss-after},
 * {@code inspector-upd-<W1>-before}, {@code inspector-upd-d<W1>}, {@code inspector-upd-<W1>-after},
 * {@code inspector-upd-y_t-before} and {@code -after}.
 */
final class UpdateView extends VBox {
    private final LessonModel model;
    private final I18n i18n;

    UpdateView(LessonModel model, I18n i18n, Stage update) {
        this.model = model;
        this.i18n = i18n;
        getStyleClass().add("update-view");
        setSpacing(6);
        Label title = new Label(update.layer());
        title.setId("inspector-title");
        title.getStyleClass().add("inspector-title");
        Label kind = new Label(i18n.text("update.kind"));
        kind.getStyleClass().add("inspector-kind");
        Label about = new Label(i18n.text("update.about"));
        about.getStyleClass().add("inspector-description");
        about.setWrapText(true);
        getChildren().addAll(title, kind, about, learningRate());
        Label formula = new Label("W ← W − η · dW");
        formula.getStyleClass().add("formula");
        getChildren().add(formula);
        Update done = model.trace().update().orElse(null);
        if (done == null || model.position() <= update.index()) {
            getChildren().add(muted(i18n.text("update.notYet"), "inspector-update-pending"));
            return;
        }
        getChildren().add(lossRow(done));
        for (String name : done.before().keySet()) {
            Tensor gradient = update.get("d" + name);
            getChildren().add(section(name + " ← " + name + " − " + Numbers.precise(done.learningRate()) + " · d" + name));
            getChildren().add(row(view(done.before().get(name), Flow.FORWARD, "inspector-upd-" + name + "-before"),
                    op("− " + Numbers.precise(done.learningRate()) + " ·"),
                    view(gradient, Flow.BACKWARD, "inspector-upd-d" + name), op("="),
                    view(done.after().get(name), Flow.FORWARD, "inspector-upd-" + name + "-after")));
        }
        getChildren().add(section(i18n.text("update.trueClass")));
        getChildren().add(row(view(done.trueClassBefore(), Flow.FORWARD, "inspector-upd-y_t-before"), op("→"),
                view(done.trueClassAfter(), Flow.FORWARD, "inspector-upd-y_t-after")));
        getChildren().add(muted(i18n.text("update.next"), null));
    }

    private Node learningRate() {
        Label label = new Label(i18n.text("update.lr"));
        TextField field = new TextField(String.valueOf(model.iterations().learningRate()));
        field.setId("lr-field");
        field.setPrefColumnCount(7);
        Label error = new Label();
        error.setId("lr-error");
        error.getStyleClass().add("danger-text");
        error.setWrapText(true);
        error.setVisible(false);
        error.setManaged(false);
        field.setOnAction(e -> {
            String problem = apply(field.getText());
            error.setText(problem == null ? "" : problem);
            error.setVisible(problem != null);
            error.setManaged(problem != null);
        });
        HBox row = new HBox(8, label, field);
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, row, error);
    }

    /** Sets η from the field; the sentence to show when the text is not a usable η, else null. */
    private String apply(String text) {
        double lr;
        try {
            lr = Double.parseDouble(text.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            return i18n.text("update.lr.bad", text.trim());
        }
        if (!(lr >= 0) || Double.isInfinite(lr)) {
            return i18n.text("update.lr.bad", text.trim());
        }
        model.iterations().setLearningRate(lr);
        return null;
    }

    private Node lossRow(Update done) {
        Label before = new Label(Numbers.precise(done.lossBefore()));
        before.setId("update-loss-before");
        before.setUserData(done.lossBefore());
        Label after = new Label(Numbers.precise(done.lossAfter()));
        after.setId("update-loss-after");
        after.setUserData(done.lossAfter());
        Label text = new Label(i18n.text("update.loss"));
        Label change = new Label(String.format(Locale.ROOT, "(%+.3g)", done.lossChange()));
        change.getStyleClass().add(done.lossChange() < 0 ? "success-text" : "danger-text");
        HBox row = new HBox(6, text, before, op("→"), after, change);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("formula");
        return row;
    }

    private Label section(String text) {
        return Formulas.sectionTitle(text, Flow.NEUTRAL);
    }

    private static Node view(Tensor tensor, Flow flow, String id) {
        Node view = TensorViews.of(tensor, flow, TensorViews.Density.INSPECTOR);
        view.setId(id);
        return view;
    }

    private static FlowPane row(Node... items) {
        FlowPane row = new FlowPane(items);
        row.getStyleClass().add("substitution");
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
