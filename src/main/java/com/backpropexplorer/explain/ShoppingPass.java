package com.backpropexplorer.explain;

import com.backpropexplorer.engine.AddLayer;
import com.backpropexplorer.engine.EmptyCacheException;
import com.backpropexplorer.engine.MulLayer;
import com.backpropexplorer.engine.ScalarGradients;
import com.backpropexplorer.explain.ComputationGraph.Edge;
import com.backpropexplorer.explain.ComputationGraph.Node;
import com.backpropexplorer.explain.ComputationGraph.Role;
import com.backpropexplorer.explain.code.Listing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The book's shopping graphs (§5.3–5.4) on the book's MulLayer and AddLayer, with the book's
 * variable names: apples (and oranges) times their number, added, times the tax. Every value
 * and gradient is a plain number.
 */
final class ShoppingPass implements LessonPass {

    /** One layer of the script: {@code out = layer.forward(x, y)}. */
    record Op(String layer, boolean add, String x, String y, String out) {
        String className() {
            return add ? "AddLayer" : "MulLayer";
        }
    }

    /** The two graphs of the book. */
    enum Variant {
        APPLE(Example.BUY_APPLE, "buy_apple.py",
                List.of(new Op("mul_apple_layer", false, "apple", "apple_num", "apple_price"),
                        new Op("mul_tax_layer", false, "apple_price", "tax", "price")),
                List.of("apple", "apple_num", "tax"), new double[] {100, 2, 1.1},
                List.of("price", "dapple", "dapple_num", "dtax"), List.of("220", "2.2", "110", "200")),
        APPLE_ORANGE(Example.BUY_APPLE_ORANGE, "buy_apple_orange.py",
                List.of(new Op("mul_apple_layer", false, "apple", "apple_num", "apple_price"),
                        new Op("mul_orange_layer", false, "orange", "orange_num", "orange_price"),
                        new Op("add_apple_orange_layer", true, "apple_price", "orange_price", "all_price"),
                        new Op("mul_tax_layer", false, "all_price", "tax", "price")),
                List.of("apple", "apple_num", "orange", "orange_num", "tax"), new double[] {100, 2, 150, 3, 1.1},
                List.of("price", "dapple_num", "dapple", "dorange", "dorange_num", "dtax"),
                List.of("715", "110", "2.2", "3.3", "165", "650"));

        final Example example;
        final String script;
        final List<Op> ops;
        final List<String> inputs;
        final double[] bookInputs;
        final List<String> bookNames;
        final List<String> bookPrinted;

        Variant(Example example, String script, List<Op> ops, List<String> inputs, double[] bookInputs,
                List<String> bookNames, List<String> bookPrinted) {
            this.example = example;
            this.script = script;
            this.ops = ops;
            this.inputs = inputs;
            this.bookInputs = bookInputs;
            this.bookNames = bookNames;
            this.bookPrinted = bookPrinted;
        }
    }

    /** Where the book prints these numbers. */
    static final String SOURCE = "§5.4";

    private final Variant variant;
    private final Map<String, Double> inputs;

    ShoppingPass(Variant variant, Map<String, Double> inputs) {
        this.variant = variant;
        this.inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    }

    /** The book's numbers: apple 100 × 2 (orange 150 × 3), tax 1.1. */
    static ShoppingPass book(Variant variant) {
        Map<String, Double> in = new LinkedHashMap<>();
        for (int i = 0; i < variant.inputs.size(); i++) {
            in.put(variant.inputs.get(i), variant.bookInputs[i]);
        }
        return new ShoppingPass(variant, in);
    }

    @Override
    public Trace run(Example example, double lr) {
        List<Stage> stages = new ArrayList<>();
        Map<String, Double> value = new HashMap<>(inputs);
        int n = variant.ops.size();
        for (Op op : variant.ops) {
            double x = value.get(op.x());
            double y = value.get(op.y());
            double out;
            List<Tensor> cached;
            if (op.add()) {
                out = new AddLayer(op.layer()).forward(x, y);
                cached = List.of();
            } else {
                MulLayer layer = new MulLayer(op.layer());
                out = layer.forward(x, y);
                cached = new ArrayList<>();
                for (Map.Entry<String, Double> e : layer.cache().entrySet()) {
                    cached.add(Tensor.scalar(e.getKey(), e.getValue()));
                }
            }
            value.put(op.out(), out);
            stages.add(new Stage(stages.size(), Direction.FORWARD, op.layer(), kind(op),
                    List.of(Tensor.scalar(op.x(), x), Tensor.scalar(op.y(), y)), List.of(Tensor.scalar(op.out(), out)),
                    cached, List.of(), List.of(op.className() + ".forward")));
        }
        Map<String, Double> gradient = new HashMap<>();
        String last = variant.ops.get(n - 1).out();
        gradient.put(last, 1.0);
        for (int i = n - 1; i >= 0; i--) {
            Op op = variant.ops.get(i);
            double dout = gradient.get(op.out());
            ScalarGradients g;
            if (op.add()) {
                g = new AddLayer(op.layer()).backward(dout);
            } else {
                MulLayer layer = new MulLayer(op.layer());
                layer.forward(value.get(op.x()), value.get(op.y()));
                g = layer.backward(dout);
            }
            gradient.put(op.x(), g.dx());
            gradient.put(op.y(), g.dy());
            stages.add(new Stage(stages.size(), Direction.BACKWARD, op.layer(), kind(op),
                    List.of(Tensor.scalar("d" + op.out(), dout)),
                    List.of(Tensor.scalar("d" + op.x(), g.dx()), Tensor.scalar("d" + op.y(), g.dy())), List.of(),
                    List.of(), List.of(op.className() + ".backward")));
        }
        return new Trace(example, graph(), null, null, Map.of(), value.get(last), stages, null);
    }

    private static LayerKind kind(Op op) {
        return op.add() ? LayerKind.ADD : LayerKind.MUL;
    }

    /** The DAG: the inputs, the layers (two branches meet at the AddLayer), the price. */
    ComputationGraph graph() {
        List<Op> ops = variant.ops;
        int n = ops.size();
        Map<String, Integer> producer = new HashMap<>();
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Op op = ops.get(k);
            int backward = 2 * n - 1 - k;
            for (String port : List.of("x", "y")) {
                String var = port.equals("x") ? op.x() : op.y();
                Integer from = producer.get(var);
                if (from == null) {
                    nodes.add(Node.value(var, Role.INPUT));
                }
                ValueRef v = from == null ? ValueRef.given(k, var) : ValueRef.producedBy(from, var);
                edges.add(new Edge(from == null ? var : ops.get(from).layer(), op.layer(), port, var, v, "d" + var,
                        ValueRef.producedBy(backward, "d" + var)));
            }
            nodes.add(Node.operation(op.layer(), kind(op), op.add() ? "+" : "×", k, backward));
            producer.put(op.out(), k);
        }
        String out = ops.get(n - 1).out();
        nodes.add(Node.value(out, Role.OUTPUT));
        edges.add(new Edge(ops.get(n - 1).layer(), out, "", out, ValueRef.producedBy(n - 1, out), "d" + out,
                ValueRef.producedBy(n, "d" + out)));
        return new ComputationGraph(nodes, edges);
    }

    @Override
    public EmptyCacheException backwardBeforeForward() {
        Op last = variant.ops.get(variant.ops.size() - 1);
        try {
            new MulLayer(last.layer()).backward(1.0);
        } catch (EmptyCacheException e) {
            return e;
        }
        throw new IllegalStateException("backward ran on a layer that had no forward pass");
    }

    @Override
    public String description() {
        StringBuilder s = new StringBuilder();
        for (String in : variant.inputs) {
            if (in.endsWith("_num")) {
                s.append(" × ").append(plain(inputs.get(in)));
            } else {
                s.append(s.length() == 0 ? "" : ", ").append(in).append(' ').append(plain(inputs.get(in)));
            }
        }
        return s.toString();
    }

    @Override
    public Listing listing() {
        Map<String, String> numbers = new HashMap<>();
        inputs.forEach((k, v) -> numbers.put(k, plain(v)));
        return Listing.of(variant.script.replace(".py", ""), List.of(Listing.Part.of(variant.script).with(numbers),
                Listing.Part.of("layer_naive.py")));
    }

    @Override
    public Map<String, Double> inputs() {
        return inputs;
    }

    @Override
    public LessonPass withInput(String name, double v) {
        if (!inputs.containsKey(name)) {
            return LessonPass.super.withInput(name, v);
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be a finite number, not " + v);
        }
        Map<String, Double> changed = new LinkedHashMap<>(inputs);
        changed.put(name, v);
        return new ShoppingPass(variant, changed);
    }

    @Override
    public BookValues book(Trace trace) {
        if (!inputs.equals(book(variant).inputs)) {
            return null;
        }
        List<BookValues.Value> values = new ArrayList<>();
        for (int i = 0; i < variant.bookNames.size(); i++) {
            String name = variant.bookNames.get(i);
            ValueRef where = where(trace, name);
            double printed = Double.parseDouble(variant.bookPrinted.get(i));
            values.add(new BookValues.Value(name, variant.bookPrinted.get(i), Tensor.scalar(name, printed),
                    where.in(trace), where, null));
        }
        return new BookValues(SOURCE, values);
    }

    /** The stage tensor of a book variable: price from the last forward, dapple … from the backward stages. */
    private static ValueRef where(Trace trace, String name) {
        for (Stage s : trace.stages()) {
            if (s.outputs().stream().anyMatch(t -> t.name().equals(name))) {
                return ValueRef.producedBy(s.index(), name);
            }
        }
        throw new IllegalArgumentException("no stage computes " + name);
    }

    /** 100 rather than 100.0; 1.1 as it is. */
    static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
