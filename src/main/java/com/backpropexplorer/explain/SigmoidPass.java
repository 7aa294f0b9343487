package com.backpropexplorer.explain;

import com.backpropexplorer.engine.EmptyCacheException;
import com.backpropexplorer.engine.Sigmoid;
import com.backpropexplorer.explain.ComputationGraph.Edge;
import com.backpropexplorer.explain.ComputationGraph.Node;
import com.backpropexplorer.explain.ComputationGraph.Role;
import com.backpropexplorer.explain.code.Listing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * Sigmoid as the book takes it apart in §5.5.2: y = 1/(1 + exp(−x)) as four nodes, ×(−1), exp,
 * +1 and /, stepped forward and backward; the backward collapses to dout·y(1 − y). Folded, it
 * is the engine's one Sigmoid layer. x and the upstream gradient dout are plain numbers the
 * learner can edit.
 */
final class SigmoidPass implements LessonPass {
    static final String CLASS = "SigmoidGraph";
    /** The four nodes in forward order: id, kind, label, input, output. */
    private static final String[][] NODES = {
        {"mul", "MUL", "×(−1)", "x", "a"},
        {"exp", "EXP", "exp", "a", "b"},
        {"add", "ADD", "+1", "b", "c"},
        {"div", "DIV", "/", "c", "y"},
    };
    /** What each backward stage sends on, in backward order (div first): dc, db, da, dx. */
    private static final String[] GRADIENTS = {"dc", "db", "da", "dx"};

    private final double x;
    private final double dout;
    private final boolean folded;

    SigmoidPass(double x, double dout, boolean folded) {
        this.x = x;
        this.dout = dout;
        this.folded = folded;
    }

    @Override
    public Trace run(Example example, double lr) {
        return folded ? runFolded(example) : runNodes(example);
    }

    private Trace runNodes(Example example) {
        double a = -x;
        double b = Math.exp(a);
        double c = 1 + b;
        double y = 1 / c;
        double[] values = {x, a, b, c, y};
        List<Stage> stages = new ArrayList<>();
        List<String> forwardCalls = List.of(CLASS + ".forward");
        List<String> backwardCalls = List.of(CLASS + ".backward");
        for (int k = 0; k < 4; k++) {
            String[] n = NODES[k];
            // each node keeps its output: exp's and /'s are what their backward multiplies by
            Tensor out = Tensor.scalar(n[4], values[k + 1]);
            stages.add(new Stage(k, Direction.FORWARD, n[0], LayerKind.valueOf(n[1]),
                    List.of(Tensor.scalar(n[3], values[k])), List.of(out), List.of(out.named(k == 3 ? "out" : n[4])),
                    List.of(), forwardCalls));
        }
        double dc = dout * (-y * y);   // "/": d(1/c)/dc = −1/c² = −y²
        double db = dc * 1;            // "+1": passes through
        double da = db * b;            // "exp": d exp(a)/da = exp(a) = b
        double dx = da * -1;           // "×(−1)"
        double[] upstream = {dout, dc, db, da};
        double[] downstream = {dc, db, da, dx};
        String[] upstreamNames = {"dout", "dc", "db", "da"};
        for (int k = 0; k < 4; k++) {
            String[] n = NODES[3 - k];
            stages.add(new Stage(4 + k, Direction.BACKWARD, n[0], LayerKind.valueOf(n[1]),
                    List.of(Tensor.scalar(upstreamNames[k], upstream[k])),
                    List.of(Tensor.scalar(GRADIENTS[k], downstream[k])), List.of(), List.of(), backwardCalls));
        }
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        nodes.add(Node.value("x", Role.INPUT));
        String from = "x";
        for (int k = 0; k < 4; k++) {
            String[] n = NODES[k];
            ValueRef value = k == 0 ? ValueRef.given(0, "x") : ValueRef.producedBy(k - 1, n[3]);
            String gradient = GRADIENTS[3 - k];
            edges.add(new Edge(from, n[0], "x", n[3], value, gradient, ValueRef.producedBy(7 - k, gradient)));
            nodes.add(Node.operation(n[0], LayerKind.valueOf(n[1]), n[2], k, 7 - k));
            from = n[0];
        }
        nodes.add(Node.value("y", Role.OUTPUT));
        edges.add(new Edge("div", "y", "", "y", ValueRef.producedBy(3, "y"), "dout", ValueRef.producedBy(4, "dout")));
        return new Trace(example, new ComputationGraph(nodes, edges), null, null, Map.of(), y, stages, null);
    }

    private Trace runFolded(Example example) {
        Sigmoid layer = new Sigmoid("Sigmoid");
        DMatrixRMaj in = new DMatrixRMaj(1, 1, true, x);
        DMatrixRMaj out = layer.forward(in);
        DMatrixRMaj dx = layer.backward(new DMatrixRMaj(1, 1, true, dout));
        List<Stage> stages = List.of(
                new Stage(0, Direction.FORWARD, "Sigmoid", LayerKind.SIGMOID, List.of(Tensor.scalar("x", x)),
                        List.of(Tensor.scalar("y", out.get(0, 0))), List.of(Tensor.scalar("out", out.get(0, 0))),
                        List.of(), List.of("Sigmoid.forward")),
                new Stage(1, Direction.BACKWARD, "Sigmoid", LayerKind.SIGMOID, List.of(Tensor.scalar("dout", dout)),
                        List.of(Tensor.scalar("dx", dx.get(0, 0))), List.of(), List.of(), List.of("Sigmoid.backward")));
        List<Node> nodes = List.of(Node.value("x", Role.INPUT), Node.operation("Sigmoid", LayerKind.SIGMOID,
                "sigmoid", 0, 1), Node.value("y", Role.OUTPUT));
        List<Edge> edges = List.of(
                new Edge("x", "Sigmoid", "x", "x", ValueRef.given(0, "x"), "dx", ValueRef.producedBy(1, "dx")),
                new Edge("Sigmoid", "y", "", "y", ValueRef.producedBy(0, "y"), "dout", ValueRef.producedBy(1, "dout")));
        return new Trace(example, new ComputationGraph(nodes, edges), null, null, Map.of(), out.get(0, 0), stages,
                null);
    }

    @Override
    public boolean foldable() {
        return true;
    }

    /** Whether the four nodes are folded into the one Sigmoid layer. */
    @Override
    public boolean folded() {
        return folded;
    }

    @Override
    public LessonPass withFolded(boolean fold) {
        return new SigmoidPass(x, dout, fold);
    }

    @Override
    public EmptyCacheException backwardBeforeForward() {
        try {
            new Sigmoid(folded ? "Sigmoid" : "div").backward(new DMatrixRMaj(1, 1, true, dout));
        } catch (EmptyCacheException e) {
            return e;
        }
        throw new IllegalStateException("backward ran on a layer that had no forward pass");
    }

    @Override
    public String description() {
        return "x = " + ShoppingPass.plain(x) + ", dout = " + ShoppingPass.plain(dout) + (folded ? ", folded" : "");
    }

    @Override
    public Listing listing() {
        if (folded) {
            return Listing.of("Sigmoid", List.of(Listing.Part.of("sigmoid_layer.py"),
                    Listing.Part.of("layers.py").keeping("Sigmoid")));
        }
        return Listing.of("SigmoidGraph", List.of(Listing.Part.of("sigmoid_graph.py")));
    }

    @Override
    public Map<String, Double> inputs() {
        Map<String, Double> in = new LinkedHashMap<>();
        in.put("x", x);
        in.put("dout", dout);
        return in;
    }

    @Override
    public LessonPass withInput(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, not " + value);
        }
        return switch (name) {
            case "x" -> new SigmoidPass(value, dout, folded);
            case "dout" -> new SigmoidPass(x, value, folded);
            default -> LessonPass.super.withInput(name, value);
        };
    }
}
