package com.backpropexplorer.ui.graph;

import com.backpropexplorer.explain.Tensor;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;
import javafx.scene.layout.HBox;

/**
 * Highlights one sample's row in every batch matrix under a node (x, out, dout, dx, y, t, the
 * mask …; not the parameters or their gradients, which have no sample rows): cells of that row
 * get the pseudo class {@code :sample}, and so does the digit of that row in an MNIST strip.
 */
public final class RowHighlight {
    public static final PseudoClass SAMPLE = PseudoClass.getPseudoClass("sample");

    private RowHighlight() {
    }

    /**
     * @param row the row to highlight, or −1 to clear
     * @param batchSize N: only tensors with N rows are batch matrices
     */
    public static void apply(Node root, int row, int batchSize) {
        if (root.getUserData() instanceof Tensor t && isBatch(t, batchSize)) {
            mark(root, row);
            return;
        }
        if (root instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                apply(child, row, batchSize);
            }
        }
    }

    /** A tensor with one row per sample: not a parameter, its gradient, or a transposed matrix. */
    static boolean isBatch(Tensor t, int batchSize) {
        String name = t.name();
        return t.rows() == batchSize && !t.isScalar() && !name.matches("d?[Wb]\\d*(\\[.*)?") && !name.endsWith("ᵀ");
    }

    private static void mark(Node view, int row) {
        if (view instanceof GridPane grid) {
            for (Node cell : grid.getChildren()) {
                Integer r = GridPane.getRowIndex(cell);
                cell.pseudoClassStateChanged(SAMPLE, row >= 0 && (r == null ? 0 : r) == row);
            }
        } else if (view instanceof StackPane frame && frame.getStyleClass().contains("heatmap")
                && !frame.getChildren().isEmpty() && frame.getChildren().get(0) instanceof ImageView image
                && frame.getUserData() instanceof Tensor t) {
            frame.getChildren().removeIf(n -> n.getStyleClass().contains("sample-overlay"));
            if (row >= 0 && row < t.rows()) {
                double w = image.getImage().getWidth();
                double h = image.getImage().getHeight();
                Rectangle band = new Rectangle(0, row * h / t.rows(), w, Math.max(1, h / t.rows()));
                band.getStyleClass().add("sample-band");
                Pane overlay = new Pane(band);
                overlay.getStyleClass().add("sample-overlay");
                overlay.setMouseTransparent(true);
                overlay.setMaxSize(w, h);
                frame.getChildren().add(overlay);
            }
        } else if (view instanceof HBox strip && strip.getStyleClass().contains("image-strip")) {
            for (int i = 0; i < strip.getChildren().size(); i++) {
                strip.getChildren().get(i).pseudoClassStateChanged(SAMPLE, i == row);
            }
        }
    }
}
