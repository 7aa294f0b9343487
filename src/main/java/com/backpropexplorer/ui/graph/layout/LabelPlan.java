package com.backpropexplorer.ui.graph.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each edge meets the slots it passes (its heights), and where its labels go: on a level
 * run that no earlier label in the same gap shares, preferably the first gap's run at the
 * source's height (the book's look), else the last gap's at the target's height, else one across
 * a dummy's height. Where every run is taken, the labels stand side by side in the gap
 * ("lanes"), which the columns then make wide enough for all of them.
 */
final class LabelPlan {
    private final Layering layering;
    private final Map<String, Double> y;
    private final Bands bands;
    private final Spacing spacing;
    /** Each edge's heights where it meets its chain's slots: the source port, dummies, the target port. */
    private final double[][] heights;
    /** The gap (between layer k and k + 1) each edge's labels sit in. */
    private final int[] gapOf;
    /** Whether each edge's labels sit on the level run at the left end of their gap (else the right). */
    private final boolean[] runFirst;
    /** Which lane of its gap each edge's labels take, 0 mostly. */
    private final int[] lane;
    /** How many lanes of labels each gap holds. */
    private final int[] lanes;

    LabelPlan(Layering layering, Map<String, Double> y, Bands bands, Spacing spacing) {
        this.layering = layering;
        this.y = y;
        this.bands = bands;
        this.spacing = spacing;
        int edges = layering.graph().edges().size();
        heights = new double[edges][];
        gapOf = new int[edges];
        runFirst = new boolean[edges];
        lane = new int[edges];
        lanes = new int[Math.max(1, layering.layers())];
        place();
    }

    double[] heights(int edge) {
        return heights[edge];
    }

    int gapOf(int edge) {
        return gapOf[edge];
    }

    boolean runFirst(int edge) {
        return runFirst[edge];
    }

    int lane(int edge) {
        return lane[edge];
    }

    int lanes(int gap) {
        return lanes[gap];
    }

    /** The widest label in gap k, 0 when it holds none. */
    double widestLabel(int k) {
        double w = 0;
        List<LayoutEdge> edges = layering.graph().edges();
        for (int i = 0; i < edges.size(); i++) {
            if (gapOf[i] == k) {
                LayoutEdge e = edges.get(i);
                w = Math.max(w, Math.max(e.above().width(), Math.max(e.below().width(), e.middle().width())));
            }
        }
        return w;
    }

    /** Whether some edge turns from one height to another in gap k. */
    boolean turnsIn(int k) {
        List<LayoutEdge> edges = layering.graph().edges();
        for (int i = 0; i < edges.size(); i++) {
            int g = k - layering.layerOf(edges.get(i).from());
            if (g >= 0 && g + 1 < heights[i].length && Math.abs(heights[i][g] - heights[i][g + 1]) >= 0.5) {
                return true;
            }
        }
        return false;
    }

    private void place() {
        List<LayoutEdge> edges = layering.graph().edges();
        Map<String, List<Integer>> inputs = new HashMap<>();
        Map<String, List<Integer>> outputs = new HashMap<>();
        for (int i = 0; i < edges.size(); i++) {
            inputs.computeIfAbsent(edges.get(i).to(), k -> new ArrayList<>()).add(i);
            outputs.computeIfAbsent(edges.get(i).from(), k -> new ArrayList<>()).add(i);
        }
        // the labels already in each gap: lane, top, bottom
        List<List<double[]>> taken = new ArrayList<>();
        for (int k = 0; k < layering.layers(); k++) {
            taken.add(new ArrayList<>());
        }
        for (int i = 0; i < edges.size(); i++) {
            LayoutEdge e = edges.get(i);
            List<String> c = layering.chain(i);
            int gaps = c.size() - 1;
            double[] h = new double[c.size()];
            h[0] = port(i, e.from(), outputs.get(e.from()), false);
            h[gaps] = port(i, e.to(), inputs.get(e.to()), true);
            for (int j = 1; j < gaps; j++) {
                h[j] = y.get(c.get(j));
            }
            heights[i] = h;
            List<int[]> options = new ArrayList<>(); // {gap within the chain, 1 = the run at its left end}
            options.add(new int[] {0, 1});
            options.add(new int[] {gaps - 1, 0});
            for (int g = 1; g < gaps; g++) {
                options.add(new int[] {g, 1});
                options.add(new int[] {g - 1, 0});
            }
            int first = layering.layerOf(e.from());
            int[] chosen = null;
            int inLane = 0;
            for (int[] option : options) {
                double level = option[1] == 1 ? h[option[0]] : h[option[0] + 1];
                if (freeLane(taken.get(first + option[0]), e, level) == 0) {
                    chosen = option;
                    break;
                }
            }
            if (chosen == null) {
                chosen = options.get(0);
                inLane = freeLane(taken.get(first), e, h[0]);
            }
            int gap = first + chosen[0];
            double level = chosen[1] == 1 ? h[chosen[0]] : h[chosen[0] + 1];
            gapOf[i] = gap;
            runFirst[i] = chosen[1] == 1;
            lane[i] = inLane;
            lanes[gap] = Math.max(lanes[gap], inLane + 1);
            taken.get(gap).add(new double[] {inLane, level - bands.labelOffset(spacing) - e.above().height(),
                    level + bands.labelOffset(spacing) + e.below().height()});
        }
    }

    /** The first lane of a gap where the edge's labels at {@code level} meet none already there. */
    private int freeLane(List<double[]> taken, LayoutEdge e, double level) {
        double top = level - bands.labelOffset(spacing) - e.above().height();
        double bottom = level + bands.labelOffset(spacing) + e.below().height();
        for (int candidate = 0; ; candidate++) {
            boolean free = true;
            for (double[] t : taken) {
                if (t[0] == candidate && top < t[2] && t[1] < bottom) {
                    free = false;
                    break;
                }
            }
            if (free) {
                return candidate;
            }
        }
    }

    /** A port's height on a node's side: edges spread over the box, ordered by where they come from. */
    private double port(int edgeIndex, String node, List<Integer> edges, boolean entering) {
        double centre = y.get(node);
        if (edges.size() <= 1) {
            return centre;
        }
        List<Integer> sorted = new ArrayList<>(edges);
        sorted.sort((a, b) -> Double.compare(neighbourHeight(a, entering), neighbourHeight(b, entering)));
        int index = sorted.indexOf(edgeIndex);
        double step = Math.min(spacing.portSpacing(), layering.node(node).box().height() / (edges.size() + 1));
        return centre + (index - (edges.size() - 1) / 2.0) * step;
    }

    /** Where an edge comes from (entering) or goes to (leaving): the first slot beside the node. */
    private double neighbourHeight(int edgeIndex, boolean entering) {
        List<String> c = layering.chain(edgeIndex);
        return y.get(entering ? c.get(c.size() - 2) : c.get(1));
    }
}
