package com.backpropexplorer.explain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A lesson's computational graph as the book draws it: a DAG of nodes (the values that go in,
 * the operations, what comes out) and edges carrying a value forward and a gradient back. Not a
 * chain in general: in {@code buy-apple-orange} two branches meet at the AddLayer. Immutable;
 * the layout is the view's business, the graph only says what connects to what and where each
 * edge's numbers are found in a pass ({@link ValueRef}).
 *
 * @param nodes in a topological order (every edge runs from an earlier node to a later one)
 * @param edges in the order the forward pass uses them
 */
public record ComputationGraph(List<Node> nodes, List<Edge> edges) {

    /** What a node is. */
    public enum Role {
        /** A value fed in: x, or apple, apple_num, tax … */
        INPUT,
        /** A parameter the update changes: W, W1, b1 … (has a gradient). */
        PARAMETER,
        /** The correct labels t (no gradient flows into them). */
        LABEL,
        /** An operation with a forward and a backward stage: Affine1, mul_apple_layer, exp … */
        OPERATION,
        /** What comes out at the end: L, price, y. */
        OUTPUT
    }

    /**
     * One node.
     *
     * @param id unique within the graph; for operations the stage's layer name
     * @param role what it is
     * @param kind for operations, the layer kind; null for the others
     * @param label how the book writes it on the graph ("Affine1", "×", "exp", "apple")
     * @param forwardStage the forward stage that runs the node, or −1
     * @param backwardStage the backward stage that runs the node, or −1
     */
    public record Node(String id, Role role, LayerKind kind, String label, int forwardStage, int backwardStage) {
        public boolean isOperation() {
            return role == Role.OPERATION;
        }

        /** A value node: input, parameter, label or output. */
        public static Node value(String id, Role role) {
            return new Node(id, role, null, id, -1, -1);
        }

        /** An operation node with its two stages. */
        public static Node operation(String id, LayerKind kind, String label, int forwardStage, int backwardStage) {
            return new Node(id, Role.OPERATION, kind, label, forwardStage, backwardStage);
        }
    }

    /**
     * One edge, from a node's output to one argument of another node.
     *
     * @param from the producing node's id
     * @param to the consuming node's id
     * @param port the consumer's argument it feeds, as the book's code names it: x, y, W, b, t
     *     (empty into an output node)
     * @param label the value's name in the book's code: x, W1, apple_price, all_price …
     * @param value where the value flowing forward is found
     * @param gradientLabel the name of the gradient flowing back (dx, dW, dapple_price …), or
     *     empty when none flows (into t)
     * @param gradient where that gradient is found, or null
     */
    public record Edge(String from, String to, String port, String label, ValueRef value, String gradientLabel,
                       ValueRef gradient) {
        public Optional<ValueRef> gradientRef() {
            return Optional.ofNullable(gradient);
        }
    }

    public ComputationGraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (order.put(nodes.get(i).id(), i) != null) {
                throw new IllegalArgumentException("two nodes are called " + nodes.get(i).id());
            }
        }
        for (Edge e : edges) {
            Integer from = order.get(e.from());
            Integer to = order.get(e.to());
            if (from == null || to == null) {
                throw new IllegalArgumentException("edge " + e.from() + " → " + e.to() + " names a missing node");
            }
            if (from >= to) {
                throw new IllegalArgumentException("edge " + e.from() + " → " + e.to() + " runs backwards in the order");
            }
        }
    }

    public Node node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + id));
    }

    /** The operation nodes in forward order. */
    public List<Node> operations() {
        return nodes.stream().filter(Node::isOperation).toList();
    }

    /** The edges into a node, in argument order. */
    public List<Edge> into(String id) {
        return edges.stream().filter(e -> e.to().equals(id)).toList();
    }

    /** The edges out of a node. */
    public List<Edge> outOf(String id) {
        return edges.stream().filter(e -> e.from().equals(id)).toList();
    }

    /** The edge carrying a value of that label (x, apple_price, W1 …), if one does. */
    public Optional<Edge> edgeLabelled(String label) {
        return edges.stream().filter(e -> e.label().equals(label)).findFirst();
    }

    /** Whether some node has two or more inputs from operations, i.e. branches meet (not a chain). */
    public boolean isChain() {
        for (Node n : operations()) {
            long fromOps = into(n.id()).stream().filter(e -> node(e.from()).isOperation()).count();
            if (fromOps > 1 || outOf(n.id()).stream().filter(e -> node(e.to()).isOperation()).count() > 1) {
                return false;
            }
        }
        return true;
    }

    /** Every id reachable backwards from a node (its ancestors), for highlighting where a value comes from. */
    public Set<String> ancestors(String id) {
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>(List.of(id));
        while (!todo.isEmpty()) {
            String next = todo.remove(todo.size() - 1);
            for (Edge e : into(next)) {
                if (seen.add(e.from())) {
                    todo.add(e.from());
                }
            }
        }
        return seen;
    }
}
