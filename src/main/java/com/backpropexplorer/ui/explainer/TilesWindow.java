package com.backpropexplorer.ui.explainer;

import com.backpropexplorer.explain.Tensor;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.graph.Flow;
import com.backpropexplorer.ui.graph.TensorViews;
import com.backpropexplorer.ui.lesson.LessonModel;
import com.backpropexplorer.ui.lesson.PassState;
import com.backpropexplorer.ui.shell.Dialogs;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * W1's 50 columns as 28×28 pictures, one per hidden unit: what each unit looks for in the
 * input. With dW1 beside them once backward has produced it. Opened on demand from the W1 card.
 */
final class TilesWindow {
    private static final int SIDE = 28;

    private TilesWindow() {
    }

    static void show(I18n i18n, Dialogs dialogs, LessonModel model) {
        if (model.trace() == null) {
            return;
        }
        Tensor w1 = model.trace().params().get("W1");
        PassState state = new PassState(model.trace(), model.position());
        Optional<Tensor> dW1 = state.parameterGradient(0, "W1");
        VBox content = new VBox(10);
        content.setPadding(new Insets(14));
        content.getStyleClass().add("tiles-window");
        content.getChildren().add(caption(i18n.text("tiles.w1")));
        content.getChildren().add(tiles(w1, Flow.FORWARD));
        if (dW1.isPresent()) {
            content.getChildren().add(caption(i18n.text("tiles.dw1")));
            content.getChildren().add(tiles(dW1.get(), Flow.BACKWARD));
        } else {
            Label later = new Label(i18n.text("tiles.dw1.later"));
            later.getStyleClass().add("text-muted");
            content.getChildren().add(later);
        }
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        dialogs.window(i18n.text("tiles.title"), scroll, 760, 640).show();
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("title-4");
        return label;
    }

    /** Column j of W (784×50) is the picture of hidden unit j. */
    private static Node tiles(Tensor w, Flow flow) {
        FlowPane pane = new FlowPane(6, 6);
        double[] all = w.toArray();
        for (int unit = 0; unit < w.cols(); unit++) {
            double[] column = new double[SIDE * SIDE];
            for (int i = 0; i < column.length; i++) {
                column[i] = all[i * w.cols() + unit];
            }
            Tensor tile = Tensor.of(w.name() + "[:, " + unit + "]",
                    new org.ejml.data.DMatrixRMaj(1, SIDE * SIDE, true, column));
            Label number = new Label(String.valueOf(unit));
            number.getStyleClass().add("tile-number");
            pane.getChildren().add(new VBox(2, TensorViews.image(tile, 0, flow, 2.2), number));
        }
        return pane;
    }
}
