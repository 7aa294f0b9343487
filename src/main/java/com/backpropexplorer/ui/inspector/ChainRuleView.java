package com.backpropexplorer.ui.inspector;

import static com.backpropexplorer.ui.inspector.Formulas.op;
import static com.backpropexplorer.ui.inspector.Formulas.row;

import com.backpropexplorer.explain.ChainRule;
import com.backpropexplorer.explain.Tensor;
import com.backpropexplorer.explain.Trace;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.graph.Flow;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;

/**
 * The chain rule at the inspected node, with the numbers of its backward stage: for every
 * gradient the node sends on, downstream = upstream × local derivative (ReLU: dx = dout ⊙
 * (x &gt; 0); SoftmaxWithLoss: dx = dout · (y − t)/N; Affine: dx = dout · Wᵀ, dW = xᵀ · dout,
 * db = Σ dout). Tensor views carry ids {@code inspector-chain-<dx|dW|db>-upstream},
 * {@code -local} and {@code -result}.
 */
final class ChainRuleView {
    /** Makes a tensor view the inspector keeps up to date (while a weight is dragged). */
    interface Views {
        Node view(Tensor tensor, Flow flow, String id);
    }

    private ChainRuleView() {
    }

    /** The section's nodes for backward stage {@code stage}: a title, a sentence, then one row per gradient. */
    static List<Node> of(Trace trace, int stage, I18n i18n, Views views) {
        List<ChainRule.Link> links = ChainRule.at(trace, stage);
        List<Node> out = new ArrayList<>();
        if (links.isEmpty()) {
            return out;
        }
        Label title = new Label(i18n.text("inspector.chain"));
        title.getStyleClass().addAll("section-title", Flow.BACKWARD.styleClass());
        title.setMaxWidth(Double.MAX_VALUE);
        title.setWrapText(true);
        title.setId("inspector-chain");
        Label sentence = new Label(ChainRule.explanation(trace.stage(stage).kind(), i18n.locale()));
        sentence.getStyleClass().add("inspector-muted");
        sentence.setWrapText(true);
        out.add(title);
        out.add(sentence);
        for (ChainRule.Link link : links) {
            Label formula = new Label(link.formula());
            formula.getStyleClass().add("formula");
            formula.setWrapText(true);
            out.add(formula);
            String id = "inspector-chain-" + link.downstream();
            Node upstream = views.view(link.upstream(), Flow.BACKWARD, id + "-upstream");
            Node local = views.view(link.local(), Flow.NEUTRAL, id + "-local");
            Node result = views.view(link.result(), Flow.BACKWARD, id + "-result");
            out.add(switch (link.product()) {
                case ELEMENTWISE -> row(upstream, op("⊙"), local, op("="), result);
                case UPSTREAM_TIMES_LOCAL -> row(upstream, op("·"), local, op("="), result);
                case LOCAL_TIMES_UPSTREAM -> row(local, op("·"), upstream, op("="), result);
                case SUM_OVER_BATCH -> row(op("Σ"), upstream, op("="), result);
            });
        }
        return out;
    }
}
