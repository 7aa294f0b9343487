package com.backpropexplorer.ui.inspector;

import static com.backpropexplorer.ui.inspector.Formulas.op;
import static com.backpropexplorer.ui.inspector.Formulas.row;

import com.backpropexplorer.explain.LayerKind;
import com.backpropexplorer.explain.PerSample;
import com.backpropexplorer.explain.Stage;
import com.backpropexplorer.explain.Tensor;
import com.backpropexplorer.explain.Trace;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.graph.Flow;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;

/**
 * One sample's share of the batch gradient, for the inspected backward stage: at Affine (or
 * MatMul) dW = xᵀ·dout as the sum of one term x[r]ᵀ·dout[r] per sample and db = Σ dout as the
 * sum of the rows of dout, the picked sample's term marked; at SoftmaxWithLoss the place where
 * 1/N enters, (y − t)/N. Ids {@code inspector-share-<dW|db>-<r>}, {@code inspector-share-<dW|db>-sum},
 * {@code inspector-onen-ymt}, {@code inspector-onen-dx}.
 */
final class SampleShares {
    private SampleShares() {
    }

    /** The section for backward stage {@code stage} with sample {@code picked}; empty where it has nothing to say. */
    static List<Node> of(Trace trace, int stage, int picked, I18n i18n, ChainRuleView.Views views) {
        Stage s = trace.stage(stage);
        List<Node> out = new ArrayList<>();
        if (picked < 0 || trace.batchSize() < 2) {
            return out;
        }
        if (PerSample.applies(s)) {
            List<PerSample.Share> shares = PerSample.all(trace, stage);
            out.add(title(i18n.text("sample.share.title", picked)));
            out.add(muted(i18n.text("sample.share.about")));
            out.add(sum(shares, "dW", picked, views, s.get("dW")));
            if (s.kind() == LayerKind.AFFINE) {
                out.add(sum(shares, "db", picked, views, s.get("db")));
            }
            out.add(muted(i18n.text("sample.share.oneOverN", trace.batchSize())));
        } else if (s.isBackward() && s.kind() == LayerKind.SOFTMAX_WITH_LOSS) {
            PerSample.OneOverN n = PerSample.oneOverN(trace);
            out.add(title(i18n.text("sample.onen.title")));
            out.add(muted(i18n.text("sample.onen.about", n.batchSize())));
            out.add(row(views.view(n.yMinusT(), Flow.NEUTRAL, "inspector-onen-ymt"), op("/ " + n.batchSize() + " ="),
                    views.view(n.dx(), Flow.BACKWARD, "inspector-onen-dx")));
        }
        return out;
    }

    private static Node sum(List<PerSample.Share> shares, String which, int picked, ChainRuleView.Views views,
                            Tensor batch) {
        List<Node> items = new ArrayList<>();
        for (PerSample.Share share : shares) {
            if (!items.isEmpty()) {
                items.add(op("+"));
            }
            Tensor term = which.equals("db") ? share.db() : share.dW();
            Node view = views.view(term.named(which + "[" + share.row() + "]"), Flow.BACKWARD,
                    "inspector-share-" + which + "-" + share.row());
            if (share.row() == picked) {
                view.getStyleClass().add("picked-share");
            }
            items.add(view);
        }
        items.add(op("="));
        items.add(views.view(batch, Flow.BACKWARD, "inspector-share-" + which + "-sum"));
        return row(items.toArray(Node[]::new));
    }

    private static Label title(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll("section-title", Flow.BACKWARD.styleClass());
        label.setMaxWidth(Double.MAX_VALUE);
        label.setWrapText(true);
        return label;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("inspector-muted");
        label.setWrapText(true);
        return label;
    }
}
