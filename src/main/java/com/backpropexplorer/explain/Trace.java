package com.backpropexplorer.explain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one iteration did, as immutable snapshots: the graph, the input x, the labels t,
 * the parameters, and the ordered stages (forward Affine1 … backward Affine1, then the update)
 * that the app animates and the {@code trace} command prints.
 *
 * <p>Lessons without a batch (the shopping graphs, Sigmoid taken apart) have no x, t or
 * parameters: {@link #x()} and {@link #t()} are null there and {@link #loss()} is the value the
 * forward pass ends with (the price), or NaN when it ends with a vector.
 */
public final class Trace {
    private final Example example;
    private final ComputationGraph graph;
    private final List<GraphNode> nodes;
    private final Tensor x;
    private final Tensor t;
    private final Map<String, Tensor> params;
    private final double loss;
    private final List<Stage> stages;
    private final Update update;

    /**
     * @param update what the last stage (an {@link Direction#UPDATE} one) did, or null when the
     *     trace has no update stage
     */
    public Trace(Example example, ComputationGraph graph, Tensor x, Tensor t, Map<String, Tensor> params, double loss,
                 List<Stage> stages, Update update) {
        this(example, graph, GraphNode.chainOf(graph), x, t, params, loss, stages, update);
    }

    /** @param nodes the graph's chain view, {@link GraphNode#chainOf} of it (made once by a caller that makes many traces) */
    Trace(Example example, ComputationGraph graph, List<GraphNode> nodes, Tensor x, Tensor t, Map<String, Tensor> params,
          double loss, List<Stage> stages, Update update) {
        this.example = example;
        this.graph = graph;
        this.nodes = nodes;
        this.x = x;
        this.t = t;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        this.loss = loss;
        this.stages = List.copyOf(stages);
        this.update = update;
        for (int i = 0; i < this.stages.size(); i++) {
            if (this.stages.get(i).index() != i) {
                throw new IllegalArgumentException("stage " + i + " says it is stage " + this.stages.get(i).index());
            }
        }
        boolean endsWithUpdate = !this.stages.isEmpty() && this.stages.get(this.stages.size() - 1).isUpdate();
        if (endsWithUpdate != (update != null)) {
            throw new IllegalArgumentException("an update stage comes with its Update, and only then");
        }
    }

    public Example example() {
        return example;
    }

    /** The computational graph: nodes and edges, a DAG. */
    public ComputationGraph graph() {
        return graph;
    }

    /** The operation nodes in forward order, each with its side inputs (the chain view). */
    public List<GraphNode> nodes() {
        return nodes;
    }

    /** The input batch, N×inputs, or null for lessons without one. */
    public Tensor x() {
        return x;
    }

    /** The labels as one-hot rows, N×classes, or null for lessons without them. */
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

    /** The parameters the pass used: W (simple) or W1, b1, W2, b2; empty for lessons without. */
    public Map<String, Tensor> params() {
        return params;
    }

    /** The loss L the forward pass produced (the price in the shopping graphs). */
    public double loss() {
        return loss;
    }

    /** N, the rows of x (1 for lessons without a batch). */
    public int batchSize() {
        return x == null ? 1 : x.rows();
    }

    /** Every stage: forward, backward, then the update if there is one. */
    public List<Stage> stages() {
        return stages;
    }

    public Stage stage(int index) {
        return stages.get(index);
    }

    /** How many stages run forward. */
    public int forwardCount() {
        return (int) stages.stream().filter(Stage::isForward).count();
    }

    /** How many stages run backward. */
    public int backwardCount() {
        return (int) stages.stream().filter(Stage::isBackward).count();
    }

    /** What the update stage did, if the trace has one. */
    public Optional<Update> update() {
        return Optional.ofNullable(update);
    }

    /** The parameters after the update (the next iteration's), or the pass's own when there is no update. */
    public Map<String, Tensor> updatedParams() {
        return update == null ? params : update.after();
    }

    /** The same pass without its update stage (forward and backward only). */
    public Trace withoutUpdate() {
        if (update == null) {
            return this;
        }
        return new Trace(example, graph, x, t, params, loss, stages.subList(0, stages.size() - 1), null);
    }

    /** The operation node of the given layer name, chain view. */
    public GraphNode node(String layer) {
        return nodes.stream().filter(n -> n.layer().equals(layer)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no layer " + layer));
    }

    /** The forward stage of a layer, if it has one. */
    public Optional<Stage> forwardStageOf(String layer) {
        return stages.stream().filter(s -> s.isForward() && s.layer().equals(layer)).findFirst();
    }

    /** The backward stage of a layer, if it has one. */
    public Optional<Stage> backwardStageOf(String layer) {
        return stages.stream().filter(s -> s.isBackward() && s.layer().equals(layer)).findFirst();
    }
}
