package com.backpropexplorer.ui.inspector;

import com.backpropexplorer.explain.GraphNode;
import com.backpropexplorer.ui.I18n;
import java.util.List;

/**
 * The forward and backward formulas of a layer of the book's nets, in symbols, with the
 * names of the node's own parameters (W1, b1): what the inspector writes above the same
 * formulas with the numbers in. The shopping and Sigmoid nodes have none here; they come with
 * their own sections ({@link ScalarNodeSections}).
 */
final class LayerFormulas {
    private LayerFormulas() {
    }

    static List<String> forward(GraphNode node) {
        String w = weightName(node);
        return switch (node.kind()) {
            case MATMUL -> List.of("out = x · " + w);
            case AFFINE -> List.of("out = x · " + w + " + " + node.sideInputs().get(1));
            case RELU -> List.of("out = max(0, x)", "mask = (x ≤ 0)");
            case SIGMOID -> List.of("out = 1 / (1 + exp(−x))");
            case SOFTMAX_WITH_LOSS -> List.of("y = softmax(x)", "L = −Σ t · log y / N");
            default -> List.of();
        };
    }

    static List<String> backward(GraphNode node, I18n i18n) {
        String w = weightName(node);
        return switch (node.kind()) {
            case MATMUL -> List.of("dx = dout · " + w + "ᵀ", "d" + w + " = xᵀ · dout");
            case AFFINE -> List.of("dx = dout · " + w + "ᵀ", "d" + w + " = xᵀ · dout",
                    "d" + node.sideInputs().get(1) + " = Σ dout  " + i18n.text("inspector.overBatch"));
            case RELU -> List.of(i18n.text("formula.relu.backward"));
            case SIGMOID -> List.of("dx = dout · (1 − out) · out");
            case SOFTMAX_WITH_LOSS -> List.of("dx = (y − t) / N  " + i18n.text("inspector.doutIsOne"));
            default -> List.of();
        };
    }

    private static String weightName(GraphNode node) {
        return node.sideInputs().isEmpty() ? "W" : node.sideInputs().get(0);
    }
}
