package com.backpropexplorer.ui.inspector;

import static com.backpropexplorer.ui.inspector.Formulas.op;
import static com.backpropexplorer.ui.inspector.Formulas.row;

import com.backpropexplorer.explain.GraphNode;
import com.backpropexplorer.explain.LayerKind;
import com.backpropexplorer.explain.Stage;
import com.backpropexplorer.explain.Tensor;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.graph.Flow;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * A layer's formulas with the pass's numbers in them, one row per formula of
 * {@link LayerFormulas}: x · W1 + b1 = out with the matrices themselves. Tensor views carry ids
 * {@code inspector-fwd-<name>} and {@code inspector-bwd-<name>}. Keeps the transposes it made
 * for one build to the next, so that dragging a weight does not transpose x again and again.
 */
final class Substitutions {
    private final I18n i18n;
    private final ChainRuleView.Views views;
    /** Transposed snapshots by their source (identity), of this build and of the one before. */
    private Map<Tensor, Tensor> transposes = new IdentityHashMap<>();
    private Map<Tensor, Tensor> previousTransposes = new IdentityHashMap<>();

    Substitutions(I18n i18n, ChainRuleView.Views views) {
        this.i18n = i18n;
        this.views = views;
    }

    /** A new build of the inspector: transposes not used in it are let go after it. */
    void newBuild() {
        previousTransposes = transposes;
        transposes = new IdentityHashMap<>();
    }

    List<Node> forward(GraphNode node, Stage forward, int batchSize) {
        Tensor x = forward.get("x");
        Tensor out = forward.output();
        List<Node> rows = new ArrayList<>();
        switch (node.kind()) {
            case MATMUL -> rows.add(row(fwd(x), op("·"), fwd(forward.get(node.sideInputs().get(0))), op("="), fwd(out)));
            case AFFINE -> rows.add(row(fwd(x), op("·"), fwd(forward.get(node.sideInputs().get(0))), op("+"),
                    fwd(forward.get(node.sideInputs().get(1))), op("="), fwd(out)));
            case RELU -> {
                rows.add(row(op("max(0,"), fwd(x), op(")"), op("="), fwd(out)));
                rows.add(row(op("mask ="), views.view(forward.get("mask"), Flow.NEUTRAL, null)));
            }
            case SIGMOID -> rows.add(row(op("σ("), fwd(x), op(")"), op("="), fwd(out)));
            case SOFTMAX_WITH_LOSS -> {
                Tensor y = forward.get("y");
                rows.add(row(op("softmax("), fwd(x), op(")"), op("="), views.view(y, Flow.FORWARD, "inspector-fwd-y")));
                rows.add(row(op("L = −Σ"), views.view(forward.get("t"), Flow.NEUTRAL, "inspector-fwd-t"),
                        op("· log y / " + batchSize + "  ="), fwd(out)));
            }
            default -> throw new IllegalStateException();
        }
        return rows;
    }

    List<Node> backward(GraphNode node, Stage forward, Stage backward, int batchSize) {
        Tensor dout = backward.get("dout");
        Tensor dx = backward.output();
        List<Node> rows = new ArrayList<>();
        switch (node.kind()) {
            case MATMUL, AFFINE -> {
                Tensor w = forward.get(node.sideInputs().get(0));
                rows.add(row(bwd(dout), op("·"), views.view(transpose(w), Flow.FORWARD, null), op("="), bwd(dx)));
                rows.add(row(views.view(transpose(forward.get("x")), Flow.FORWARD, null), op("·"),
                        views.view(dout, Flow.BACKWARD, null), op("="), bwd(backward.get("dW"))));
                if (node.kind() == LayerKind.AFFINE) {
                    rows.add(row(op("Σ"), views.view(dout, Flow.BACKWARD, null), op("="), bwd(backward.get("db"))));
                }
            }
            case RELU -> rows.add(row(bwd(dout), op(i18n.text("formula.relu.where")),
                    views.view(forward.get("mask"), Flow.NEUTRAL, null), op("="), bwd(dx)));
            case SIGMOID -> {
                Tensor out = forward.get("out");
                rows.add(row(bwd(dout), op("· (1 −"), views.view(out, Flow.FORWARD, null), op(") ·"),
                        views.view(out, Flow.FORWARD, null), op("="), bwd(dx)));
            }
            case SOFTMAX_WITH_LOSS -> rows.add(row(bwd(dout), op("→ ("),
                    views.view(forward.get("y"), Flow.FORWARD, null), op("−"),
                    views.view(forward.get("t"), Flow.NEUTRAL, null), op(") / " + batchSize + " ="), bwd(dx)));
            default -> throw new IllegalStateException();
        }
        return rows;
    }

    private Node fwd(Tensor t) {
        return views.view(t, Flow.FORWARD, "inspector-fwd-" + t.name());
    }

    private Node bwd(Tensor t) {
        return views.view(t, Flow.BACKWARD, "inspector-bwd-" + t.name());
    }

    /** tᵀ; the same snapshot as last time while t is (x does not change while a weight is dragged). */
    private Tensor transpose(Tensor t) {
        Tensor done = previousTransposes.get(t);
        if (done == null) {
            done = Tensor.of(t.name() + "ᵀ", CommonOps_DDRM.transpose(t.toMatrix(), null));
        }
        transposes.put(t, done);
        return done;
    }
}
