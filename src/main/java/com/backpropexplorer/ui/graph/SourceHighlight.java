package com.backpropexplorer.ui.graph;

import com.backpropexplorer.explain.Provenance;
import com.backpropexplorer.explain.Tensor;
import com.backpropexplorer.explain.Trace;
import java.util.Arrays;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;

/**
 * Marks, under a node (the graph, the inspector), where a number comes from and what a name in
 * the code holds: the cells of the source regions get {@code :source}, the hovered number
 * {@code :target}, and whole views of a tensor the code names {@code :linked}. A view is
 * matched by its numbers and shape, not its name, because one array has different names on
 * the two sides of a layer (Affine1's out is Relu1's x).
 */
public final class SourceHighlight {
    public static final PseudoClass SOURCE = PseudoClass.getPseudoClass("source");
    public static final PseudoClass TARGET = PseudoClass.getPseudoClass("target");
    public static final PseudoClass LINKED = PseudoClass.getPseudoClass("linked");

    private SourceHighlight() {
    }

    /** Marks the regions' cells (and clears every other mark of this kind); empty regions clear. */
    public static void sources(Node root, List<Provenance.Region> regions, Trace trace) {
        List<Tensor> tensors = regions.stream().map(r -> r.tensor().in(trace)).toList();
        walk(root, view -> {
            Tensor shown = (Tensor) view.getUserData();
            if (view instanceof StackPane frame && frame.getStyleClass().contains("heatmap")
                    && !frame.getChildren().isEmpty() && frame.getChildren().get(0) instanceof ImageView image) {
                overlay(frame, image, shown, regions, tensors);
            } else if (view instanceof GridPane grid) {
                for (Node cell : grid.getChildren()) {
                    int r = index(GridPane.getRowIndex(cell));
                    int c = index(GridPane.getColumnIndex(cell));
                    boolean in = false;
                    for (int i = 0; i < regions.size() && !in; i++) {
                        in = same(tensors.get(i), shown) && regions.get(i).contains(r, c);
                    }
                    cell.pseudoClassStateChanged(SOURCE, in);
                }
            }
        });
    }

    /** Bands over a heatmap for the regions of its tensor: a row, a column, or a cell. */
    private static void overlay(StackPane frame, ImageView image, Tensor shown, List<Provenance.Region> regions,
                                List<Tensor> tensors) {
        frame.getChildren().removeIf(n -> n.getStyleClass().contains("source-overlay"));
        Pane overlay = new Pane();
        overlay.getStyleClass().add("source-overlay");
        overlay.setMouseTransparent(true);
        double w = image.getImage().getWidth();
        double h = image.getImage().getHeight();
        double cw = w / shown.cols();
        double ch = h / shown.rows();
        for (int i = 0; i < regions.size(); i++) {
            Provenance.Region r = regions.get(i);
            if (!same(tensors.get(i), shown)) {
                continue;
            }
            Rectangle band = new Rectangle(r.col() < 0 ? 0 : r.col() * cw, r.row() < 0 ? 0 : r.row() * ch,
                    r.col() < 0 ? w : Math.max(1, cw), r.row() < 0 ? h : Math.max(1, ch));
            band.getStyleClass().add("source-band");
            overlay.getChildren().add(band);
        }
        if (!overlay.getChildren().isEmpty()) {
            overlay.setMaxSize(w, h);
            frame.getChildren().add(overlay);
        }
    }

    /** Marks whole views of these tensors (a variable hovered in the code); an empty list clears. */
    public static void linked(Node root, List<Tensor> tensors) {
        walk(root, view -> view.pseudoClassStateChanged(LINKED,
                tensors.stream().anyMatch(t -> same(t, (Tensor) view.getUserData()))));
    }

    /** Whether two snapshots hold the same numbers in the same shape. */
    static boolean same(Tensor a, Tensor b) {
        return a == b || a.rows() == b.rows() && a.cols() == b.cols() && Arrays.equals(a.toArray(), b.toArray());
    }

    private static int index(Integer i) {
        return i == null ? 0 : i;
    }

    private interface Visit {
        void view(Node view);
    }

    private static void walk(Node node, Visit visit) {
        if (node == null) {
            return;
        }
        if (node.getUserData() instanceof Tensor) {
            visit.view(node);
            return;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, visit);
            }
        }
    }
}
