package com.backpropexplorer.ui.pages;

import com.backpropexplorer.explain.Tensor;
import com.backpropexplorer.ui.graph.Flow;
import com.backpropexplorer.ui.graph.TensorViews;
import com.backpropexplorer.ui.lesson.LessonModel;
import com.backpropexplorer.ui.lesson.PassState;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * W1's 50 columns as 28×28 pictures, one per hidden unit: what each unit looks for in the
 * input. With dW1 beside them once backward has produced it. Opened on demand from the W1 card.
 */
final class TilesWindow {
    private static final int SIDE = 28;

    private TilesWindow() {
    }

    static void show(AppContext ctx, LessonModel model) {
        if (model.trace() == null) {
            return;
        }
        Tensor w1 = model.trace().params().get("W1");
        PassState state = new PassState(model.trace(), model.position());
        Optional<Tensor> dW1 = state.parameterGradient(0, "W1");
        VBox content = new VBox(10);
        content.setPadding(new Insets(14));
        content.getStyleClass().add("tiles-window");
        content.getChildren().add(caption(ctx.i18n().text("tiles.w1")));
        content.getChildren().add(tiles(w1, Flow.FORWARD));
        if (dW1.isPresent()) {
            content.getChildren().add(caption(ctx.i18n().text("tiles.dw1")));
            content.getChildren().add(tiles(dW1.get(), Flow.BACKWARD));
        } else {
            Label later = new Label(ctx.i18n().text("tiles.dw1.later"));
            later.getStyleClass().add("text-muted");
            content.getChildren().add(later);
        }
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        Stage stage = new Stage();
        stage.initOwner(ctx.window());
        stage.setTitle(ctx.i18n().text("tiles.title"));
        Scene scene = new Scene(scroll, 760, 640);
        if (ctx.window() != null && ctx.window().getScene() != null) {
            scene.getStylesheets().setAll(ctx.window().getScene().getStylesheets());
            scene.getRoot().getStyleClass().addAll(ctx.window().getScene().getRoot().getStyleClass());
        }
        stage.setScene(scene);
        stage.show();
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
