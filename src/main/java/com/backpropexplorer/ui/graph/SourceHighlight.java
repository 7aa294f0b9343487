package com.backpropexplorer.ui.graph;

import com.backpropexplorer.explain.Provenance;
import com.backpropexplorer.explain.Tensor;
import com.backpropexplorer.explain.Trace;
import java.util.Arrays;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.GridPane;

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
            if (view instanceof GridPane grid) {
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
