package com.backpropexplorer.ui.graph;

import com.backpropexplorer.explain.Tensor;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A value on an edge: its name and shape over its numbers, above the edge (forward) or below it (backward). */
final class ValueBox {
    private ValueBox() {
    }

    /** The box; its second child is the tensor view. */
    static VBox of(String name, Tensor value, Flow flow) {
        Label header = new Label(value.isScalar() ? name : name + "  " + value.shape());
        header.getStyleClass().addAll("value-header", flow.styleClass());
        VBox box = new VBox(header, TensorViews.of(value, flow, TensorViews.Density.GRAPH));
        box.getStyleClass().addAll("value-box", flow.styleClass());
        box.setAlignment(Pos.CENTER);
        box.setManaged(false);
        return box;
    }

    /** The tensor view inside a box {@link #of} made. */
    static Node view(VBox box) {
        return box.getChildren().get(1);
    }
}
