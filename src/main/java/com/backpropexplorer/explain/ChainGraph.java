package com.backpropexplorer.explain;

import com.backpropexplorer.explain.ComputationGraph.Edge;
import com.backpropexplorer.explain.ComputationGraph.Node;
import com.backpropexplorer.explain.ComputationGraph.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * The graph of a net that is a chain of layers ending in SoftmaxWithLoss (simpleNet,
 * TwoLayerNet): x → layer 0 → … → lastLayer → L, each layer's parameters and the labels t
 * feeding in from the side. Layer j runs forward at stage j and backward at stage 2m − 1 − j.
 */
final class ChainGraph {
    /** One layer of the chain: its name, kind and the parameters it reads (W1, b1 …). */
    record Layer(String name, LayerKind kind, List<String> params) {
    }

    private ChainGraph() {
    }

    /** @param layers in forward order, the loss layer last (its side input is t) */
    static ComputationGraph of(List<Layer> layers) {
        int m = layers.size();
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        nodes.add(Node.value("x", Role.INPUT));
        String previous = "x";
        for (int j = 0; j < m; j++) {
            Layer layer = layers.get(j);
            int forward = j;
            int backward = 2 * m - 1 - j;
            // what flows into layer j: x itself, or what layer j − 1 put out; dx of layer j flows back
            ValueRef value = j == 0 ? ValueRef.given(0, "x") : ValueRef.producedBy(j - 1, "out");
            edges.add(new Edge(previous, layer.name(), "x", j == 0 ? "x" : previous + ".out", value, "dx",
                    ValueRef.producedBy(backward, "dx")));
            for (String p : layer.params()) {
                nodes.add(Node.value(p, Role.PARAMETER));
                edges.add(new Edge(p, layer.name(), String.valueOf(p.charAt(0)), p, ValueRef.given(forward, p),
                        "d" + p, ValueRef.producedBy(backward, "d" + p.charAt(0))));
            }
            if (j == m - 1) {
                nodes.add(Node.value("t", Role.LABEL));
                edges.add(new Edge("t", layer.name(), "t", "t", ValueRef.given(forward, "t"), "", null));
            }
            nodes.add(Node.operation(layer.name(), layer.kind(), layer.name(), forward, backward));
            previous = layer.name();
        }
        nodes.add(Node.value("L", Role.OUTPUT));
        // dL/dL = 1 is what the first backward stage starts from
        edges.add(new Edge(previous, "L", "", "L", ValueRef.producedBy(m - 1, "L"), "dout",
                ValueRef.producedBy(m, "dout")));
        return new ComputationGraph(nodes, edges);
    }
}
