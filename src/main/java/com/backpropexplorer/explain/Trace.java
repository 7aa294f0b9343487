package com.backpropexplorer.explain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one forward + backward pass did, as immutable snapshots: the graph's nodes, the
 * input x, the labels t, the parameters, and the ordered stages (forward Affine1 … backward
 * Affine1) that the app animates and the {@code trace} command prints.
 */
public final class Trace {
    private final Example example;
    private final List<GraphNode> nodes;
    private final Tensor x;
    private final Tensor t;
    private final Map<String, Tensor> params;
    private final double loss;
    private final List<Stage> stages;

    public Trace(Example example, List<GraphNode> nodes, Tensor x, Tensor t, Map<String, Tensor> params, double loss,
                 List<Stage> stages) {
        this.example = example;
        this.nodes = List.copyOf(nodes);
        this.x = x;
        this.t = t;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        this.loss = loss;
        this.stages = List.copyOf(stages);
    }

    public Example example() {
        return example;
    }

    /** The layer nodes in forward order, SoftmaxWithLoss last. */
    public List<GraphNode> nodes() {
        return nodes;
    }

    /** The input batch, N×inputs. */
    public Tensor x() {
        return x;
    }

    /** The labels as one-hot rows, N×classes. */
    public Tensor t() {
        return t;
    }

    /** The class label of each row of t. */
    public int label(int row) {
        for (int c = 0; c < t.cols(); c++) {
            if (t.get(row, c) == 1.0) {
                return c;
            }
        }
        return -1;
    }

    /** The parameters the pass used: W (simple) or W1, b1, W2, b2. */
    public Map<String, Tensor> params() {
        return params;
    }

    /** The loss L the forward pass produced. */
    public double loss() {
        return loss;
    }

    public int batchSize() {
        return x.rows();
    }

    public List<Stage> stages() {
        return stages;
    }

    public Stage stage(int index) {
        return stages.get(index);
    }

    /** How many stages run forward (the rest run backward). */
    public int forwardCount() {
        return (int) stages.stream().filter(Stage::isForward).count();
    }

    /** The node of the given layer name. */
    public GraphNode node(String layer) {
        return nodes.stream().filter(n -> n.layer().equals(layer)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no layer " + layer));
    }
}
