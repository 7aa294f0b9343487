package com.backpropexplorer.ui.graph.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of a layout and the order within each: layers by longest path from the sources,
 * each source moved right next to its nearest consumer (tax beside the × it feeds, not far left);
 * a dummy slot for every layer a long edge crosses; the order within each layer improved by
 * barycentre sweeps, keeping the order with the fewest crossings.
 */
final class Layering {
    private static final int ORDER_SWEEPS = 8;

    private final Graph graph;
    private final Map<String, LayoutNode> byId = new LinkedHashMap<>();
    private final Map<String, Integer> layer = new HashMap<>();
    /** Each layer's slots, top to bottom: node ids, or dummy points "#edge#layer". */
    private final List<List<String>> slots = new ArrayList<>();
    private List<String[]> links;

    Layering(Graph graph) {
        this.graph = graph;
        for (LayoutNode n : graph.nodes()) {
            if (byId.put(n.id(), n) != null) {
                throw new IllegalArgumentException("two nodes are called " + n.id());
            }
        }
        for (LayoutEdge e : graph.edges()) {
            if (!byId.containsKey(e.from()) || !byId.containsKey(e.to())) {
                throw new IllegalArgumentException("edge " + e.from() + " → " + e.to() + " names a missing node");
            }
        }
        assignLayers();
        buildSlots();
        links = links();
        orderSlots();
    }

    Graph graph() {
        return graph;
    }

    int layerOf(String node) {
        return layer.get(node);
    }

    /** The slots of every layer, top to bottom. */
    List<List<String>> slots() {
        return slots;
    }

    int layers() {
        return slots.size();
    }

    LayoutNode node(String id) {
        return byId.get(id);
    }

    boolean isDummy(String slot) {
        return !byId.containsKey(slot);
    }

    /** The slots an edge passes through, from its source to its target. */
    List<String> chain(int edgeIndex) {
        LayoutEdge e = graph.edges().get(edgeIndex);
        List<String> chain = new ArrayList<>();
        chain.add(e.from());
        for (int k = layer.get(e.from()) + 1; k < layer.get(e.to()); k++) {
            chain.add(dummy(edgeIndex, k));
        }
        chain.add(e.to());
        return chain;
    }

    /**
     * A slot's neighbours in the layer before it ({@code fromLeft}) or after it: where the
     * links to it come from, or go to.
     */
    List<String> neighbours(String slot, boolean fromLeft) {
        List<String> out = new ArrayList<>();
        for (String[] link : links) {
            if ((fromLeft ? link[1] : link[0]).equals(slot)) {
                out.add(fromLeft ? link[0] : link[1]);
            }
        }
        return out;
    }

    /** Slot-to-slot links between adjacent layers, each edge split at its dummies. */
    List<String[]> links() {
        List<String[]> links = new ArrayList<>();
        for (int i = 0; i < graph.edges().size(); i++) {
            List<String> c = chain(i);
            for (int j = 0; j + 1 < c.size(); j++) {
                links.add(new String[] {c.get(j), c.get(j + 1)});
            }
        }
        return links;
    }

    private static String dummy(int edge, int k) {
        return "#" + edge + "#" + k;
    }

    // ------------------------------------------------------------ layers

    private void assignLayers() {
        Map<String, List<String>> preds = new HashMap<>();
        Map<String, List<String>> succs = new HashMap<>();
        for (LayoutEdge e : graph.edges()) {
            preds.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e.from());
            succs.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
        }
        for (String id : topologicalOrder(preds, succs)) {
            int l = 0;
            for (String p : preds.getOrDefault(id, List.of())) {
                l = Math.max(l, layer.get(p) + 1);
            }
            layer.put(id, l);
        }
        // a source sits just left of its nearest consumer, not at the far left
        for (LayoutNode n : graph.nodes()) {
            List<String> out = succs.getOrDefault(n.id(), List.of());
            if (preds.containsKey(n.id()) || out.isEmpty()) {
                continue;
            }
            int nearest = Integer.MAX_VALUE;
            for (String s : out) {
                nearest = Math.min(nearest, layer.get(s));
            }
            layer.put(n.id(), nearest - 1);
        }
    }

    /** Kahn's order, keeping the given node order among ready nodes; refuses a cycle. */
    private List<String> topologicalOrder(Map<String, List<String>> preds, Map<String, List<String>> succs) {
        Map<String, Integer> waiting = new HashMap<>();
        List<String> ready = new ArrayList<>();
        for (LayoutNode n : graph.nodes()) {
            int count = preds.getOrDefault(n.id(), List.of()).size();
            waiting.put(n.id(), count);
            if (count == 0) {
                ready.add(n.id());
            }
        }
        List<String> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String next = ready.remove(0);
            order.add(next);
            for (String s : succs.getOrDefault(next, List.of())) {
                if (waiting.merge(s, -1, Integer::sum) == 0) {
                    ready.add(s);
                }
            }
        }
        if (order.size() != graph.nodes().size()) {
            throw new IllegalArgumentException("the edges form a cycle: a computational graph is a DAG");
        }
        return order;
    }

    private void buildSlots() {
        int layers = 0;
        for (int l : layer.values()) {
            layers = Math.max(layers, l + 1);
        }
        for (int k = 0; k < layers; k++) {
            slots.add(new ArrayList<>());
        }
        for (LayoutNode n : graph.nodes()) {
            slots.get(layer.get(n.id())).add(n.id());
        }
        for (int i = 0; i < graph.edges().size(); i++) {
            LayoutEdge e = graph.edges().get(i);
            for (int k = layer.get(e.from()) + 1; k < layer.get(e.to()); k++) {
                slots.get(k).add(dummy(i, k));
            }
        }
    }

    // ------------------------------------------------------------ order

    private void orderSlots() {
        List<List<String>> best = copy(slots);
        int fewest = crossings(slots, links);
        for (int sweep = 0; sweep < ORDER_SWEEPS && fewest > 0; sweep++) {
            if (sweep % 2 == 0) {
                for (int k = 1; k < slots.size(); k++) {
                    sortByBarycentre(k, k - 1, true);
                }
            } else {
                for (int k = slots.size() - 2; k >= 0; k--) {
                    sortByBarycentre(k, k + 1, false);
                }
            }
            int now = crossings(slots, links);
            if (now < fewest) {
                fewest = now;
                best = copy(slots);
            }
        }
        for (int k = 0; k < slots.size(); k++) {
            slots.get(k).clear();
            slots.get(k).addAll(best.get(k));
        }
    }

    private void sortByBarycentre(int k, int fixed, boolean fromLeft) {
        Map<String, Integer> position = positions(slots.get(fixed));
        List<String> layerSlots = slots.get(k);
        Map<String, Double> key = new HashMap<>();
        for (int i = 0; i < layerSlots.size(); i++) {
            String s = layerSlots.get(i);
            double sum = 0;
            int count = 0;
            for (String other : neighbours(s, fromLeft)) {
                sum += position.get(other);
                count++;
            }
            // a slot with no neighbour there keeps its place
            key.put(s, count == 0 ? i : sum / count);
        }
        List<String> sorted = new ArrayList<>(layerSlots);
        // stable: ties keep the present order
        sorted.sort((a, b) -> Double.compare(key.get(a), key.get(b)));
        layerSlots.clear();
        layerSlots.addAll(sorted);
    }

    private static Map<String, Integer> positions(List<String> layerSlots) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < layerSlots.size(); i++) {
            position.put(layerSlots.get(i), i);
        }
        return position;
    }

    private static List<List<String>> copy(List<List<String>> lists) {
        List<List<String>> copy = new ArrayList<>();
        for (List<String> l : lists) {
            copy.add(new ArrayList<>(l));
        }
        return copy;
    }

    /** How many pairs of slot-to-slot links cross between adjacent layers. */
    private static int crossings(List<List<String>> order, List<String[]> links) {
        int count = 0;
        for (int k = 0; k + 1 < order.size(); k++) {
            Map<String, Integer> left = positions(order.get(k));
            Map<String, Integer> right = positions(order.get(k + 1));
            List<int[]> between = new ArrayList<>();
            for (String[] link : links) {
                if (left.containsKey(link[0]) && right.containsKey(link[1])) {
                    between.add(new int[] {left.get(link[0]), right.get(link[1])});
                }
            }
            for (int a = 0; a < between.size(); a++) {
                for (int b = a + 1; b < between.size(); b++) {
                    int[] p = between.get(a);
                    int[] q = between.get(b);
                    if ((p[0] - q[0]) * (p[1] - q[1]) < 0) {
                        count++;
                    }
                }
            }
        }
        return count;
    }
}
