package com.backpropexplorer.ui.graph;

import com.backpropexplorer.explain.Tensor;
import com.backpropexplorer.ui.I18n;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** What an operation cached in forward: shown under the node, "empty" until its forward ran. */
final class CacheCard {
    final VBox box = new VBox();
    private final Label empty = new Label();
    private final VBox values = new VBox();

    /**
     * @param layer the operation's name
     * @param forwardStage the stage that runs it forward (whose cache the card shows)
     * @param cached what that stage cached, in the pass the graph is built from
     */
    CacheCard(String layer, int forwardStage, List<Tensor> cached, I18n i18n, Binder binder) {
        box.getStyleClass().add("cache-card");
        box.setId("cache-" + layer);
        box.setManaged(false);
        Label title = new Label(i18n.text("graph.cache"));
        title.getStyleClass().add("card-title");
        empty.setText(i18n.text("graph.cache.empty"));
        empty.getStyleClass().add("cache-empty-text");
        values.getStyleClass().add("cache-values");
        for (Tensor t : cached) {
            Label name = new Label(t.name());
            name.getStyleClass().add("value-name");
            Flow flow = t.name().equals("mask") || t.name().equals("t") ? Flow.NEUTRAL : Flow.FORWARD;
            Node view = TensorViews.of(t, flow, TensorViews.Density.GRAPH);
            String cacheName = t.name();
            binder.bind(view, trace -> trace.stage(forwardStage).cached().stream()
                    .filter(c -> c.name().equals(cacheName)).findFirst().orElseThrow());
            HBox row = new HBox(name, view);
            row.getStyleClass().add("cache-row");
            row.setAlignment(Pos.CENTER_LEFT);
            values.getChildren().add(row);
        }
        StackPane content = new StackPane(values, empty);
        content.setAlignment(Pos.TOP_LEFT);
        box.getChildren().addAll(title, content);
    }

    /** Full once forward ran: the values; before: "empty". */
    void setFilled(boolean filled) {
        values.setVisible(filled);
        empty.setVisible(!filled);
        box.pseudoClassStateChanged(GraphStates.EMPTY, !filled);
    }

    boolean isFilled() {
        return values.isVisible();
    }

    /** The values, which fade in when they appear. */
    Node values() {
        return values;
    }
}
