package com.backpropexplorer.ui.graph.layout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays out any DAG the way the book draws computational graphs: values flow left to right in
 * columns, each edge carries its forward value in a box above it and its gradient in a box
 * below it, and a node may have a card above it (its parameters) and a card below it (what it
 * cached). Pure arithmetic on sizes, no toolkit: the view measures its nodes and boxes, asks for
 * a {@link Layout}, and places them.
 *
 * <p>The steps: the columns and the order within them ({@link Layering}: longest-path layers,
 * crossings reduced); the heights ({@link Heights}: each node between its neighbours); where the
 * labels go ({@link LabelPlan}); then the columns as close as the boxes between them allow,
 * widened wherever a label would still touch a node, a card or another label; and the edges'
 * routes: level runs with short turns, so that the labels above and below them stay readable.
 */
public final class GraphLayout {
    private static final int WIDEN_ROUNDS = 40;

    /** The three horizontal bands of a row: the cards above, the boxes, the cards below. */
    private enum Band { ABOVE, BOX, BELOW }

    private final Spacing spacing;

    public GraphLayout(Spacing spacing) {
        this.spacing = spacing;
    }

    /**
     * Lays out {@code graph}.
     *
     * @throws IllegalArgumentException when two nodes share an id, an edge names a missing node,
     *     or the edges form a cycle
     */
    public Layout layout(Graph graph) {
        if (graph.nodes().isEmpty()) {
            return new Layout(2 * spacing.margin(), 2 * spacing.margin(), Map.of(), List.of());
        }
        return new Run(graph).place();
    }

    /** The number of crossing edge pairs in a finished layout. */
    public static int crossings(Layout layout) {
        int count = 0;
        List<Route> routes = layout.edges();
        for (int a = 0; a < routes.size(); a++) {
            for (int b = a + 1; b < routes.size(); b++) {
                if (routes.get(a).crosses(routes.get(b))) {
                    count++;
                }
            }
        }
        return count;
    }

    /** One layout: the columns' places, and what is drawn at them. */
    private final class Run {
        private final Graph graph;
        private final Layering layering;
        private final Bands bands;
        private final Map<String, Double> y;
        private final LabelPlan labels;
        private final double[] centres;
        /** Extra room asked for between layer k and k + 1 by labels that touched something. */
        private final double[] widen;

        Run(Graph graph) {
            this.graph = graph;
            layering = new Layering(graph);
            bands = Bands.of(graph);
            y = Heights.of(layering, bands, spacing);
            labels = new LabelPlan(layering, y, bands, spacing);
            centres = new double[layering.layers()];
            widen = new double[layering.layers()];
        }

        Layout place() {
            Layout result = null;
            for (int round = 0; round < WIDEN_ROUNDS; round++) {
                placeColumns();
                result = draw();
                if (!widenWhereLabelsTouch(result)) {
                    break;
                }
            }
            return result;
        }

        // ------------------------------------------------------------ columns

        /** Half the widest of what layer k's nodes have in one band: the boxes, the cards above or below. */
        private double maxHalf(int k, Band band) {
            double half = 0;
            for (String s : layering.slots().get(k)) {
                if (!layering.isDummy(s)) {
                    LayoutNode n = layering.node(s);
                    Size size = band == Band.BOX ? n.box() : band == Band.ABOVE ? n.above() : n.below();
                    half = Math.max(half, size.width() / 2);
                }
            }
            return half;
        }

        /**
         * The room gap k's labels need between the centres of its two columns. On a level line
         * they may reach over the node columns (they sit above and below the boxes' band); where
         * an edge of the gap turns to another height, they stay between the boxes and clear of
         * the turns, so no slanting line crosses a label.
         */
        private double labelRoom(int k) {
            double w = labels.widestLabel(k);
            double room = w == 0 ? 0 : labels.lanes(k) * (w + 2 * spacing.labelClearance());
            return labels.turnsIn(k) ? maxHalf(k, Band.BOX) + maxHalf(k + 1, Band.BOX)
                    + 2 * spacing.nodeClearance() + spacing.slant() + room : room;
        }

        private void placeColumns() {
            for (int k = 1; k < centres.length; k++) {
                double d = maxHalf(k - 1, Band.BOX) + maxHalf(k, Band.BOX) + spacing.minEdge();
                d = Math.max(d, labelRoom(k - 1));
                // cards meet only cards of their own band (above, or below): the bands are apart
                d = Math.max(d, maxHalf(k - 1, Band.ABOVE) + maxHalf(k, Band.ABOVE) + spacing.cardGap());
                d = Math.max(d, maxHalf(k - 1, Band.BELOW) + maxHalf(k, Band.BELOW) + spacing.cardGap());
                centres[k] = centres[k - 1] + d + widen[k - 1];
            }
        }

        /** Widens a gap wherever a label overlaps a node, a card or another label; true if any did. */
        private boolean widenWhereLabelsTouch(Layout layout) {
            List<Rect> solid = new ArrayList<>();
            layout.nodes().values().forEach(p -> solid.addAll(p.rects()));
            boolean touched = false;
            List<Route> routes = layout.edges();
            for (int i = 0; i < routes.size(); i++) {
                int gap = labels.gapOf(i);
                for (Rect label : routes.get(i).labels()) {
                    for (Rect other : solid) {
                        if (label.overlaps(other)) {
                            widen[gap] += label.overlapWidth(other) + 1;
                            touched = true;
                        }
                    }
                    for (int j = 0; j < routes.size(); j++) {
                        for (Rect otherLabel : j == i ? List.<Rect>of() : routes.get(j).labels()) {
                            if (label.overlaps(otherLabel)) {
                                widen[gap] += label.overlapWidth(otherLabel) / 2 + 1;
                                touched = true;
                            }
                        }
                    }
                }
            }
            return touched;
        }

        // ------------------------------------------------------------ drawing it out

        private Layout draw() {
            Map<String, Placed> nodes = new LinkedHashMap<>();
            for (LayoutNode n : graph.nodes()) {
                double cx = centres[layering.layerOf(n.id())];
                double cy = y.get(n.id());
                Rect box = Rect.centred(cx, cy, n.box().width(), n.box().height());
                Rect above = null;
                Rect below = null;
                // the cards line up across the row: bottoms above, tops below
                if (!n.above().isEmpty()) {
                    double bottom = cy - bands.labelOffset(spacing) - bands.labelAbove() - spacing.cardGapAbove();
                    above = new Rect(cx - n.above().width() / 2, bottom - n.above().height(), n.above().width(),
                            n.above().height());
                }
                if (!n.below().isEmpty()) {
                    double top = cy + bands.labelOffset(spacing) + bands.labelBelow() + spacing.cardGapBelow();
                    below = new Rect(cx - n.below().width() / 2, top, n.below().width(), n.below().height());
                }
                nodes.put(n.id(), new Placed(box, above, below));
            }
            List<Route> routes = new ArrayList<>();
            for (int i = 0; i < graph.edges().size(); i++) {
                routes.add(route(i, nodes));
            }
            return normalised(nodes, routes);
        }

        /**
         * The edge's centre line, from the source's right side to the target's left side: out of
         * the source at its port's height, across each column it passes at its dummy's height,
         * into the target at its port's height. In each gap between two columns it runs level
         * and turns near the right end, except in the gap of its labels when they sit on the run
         * at the right; the labels are centred on their run (on their lane of it).
         */
        private Route route(int i, Map<String, Placed> nodes) {
            LayoutEdge e = graph.edges().get(i);
            int first = layering.layerOf(e.from());
            double[] heights = labels.heights(i);
            int gaps = heights.length - 1;
            List<Point> path = new ArrayList<>();
            double labelLeft = 0;
            double labelRight = 0;
            double labelY = 0;
            for (int g = 0; g < gaps; g++) {
                int k = first + g;
                double left = g == 0 ? nodes.get(e.from()).box().right() + spacing.nodeClearance()
                        : centres[k] + maxHalf(k, Band.BOX) + spacing.nodeClearance();
                double right = g == gaps - 1 ? nodes.get(e.to()).box().left() - spacing.nodeClearance()
                        : centres[k + 1] - maxHalf(k + 1, Band.BOX) - spacing.nodeClearance();
                double a = heights[g];
                double b = heights[g + 1];
                if (g > 0) {
                    // across the dummy's column
                    path.add(new Point(centres[k] - maxHalf(k, Band.BOX) - spacing.nodeClearance(), a));
                }
                path.add(new Point(left, a));
                double turn = Math.min(spacing.slant(), (right - left) / 3);
                boolean level = Math.abs(a - b) < 0.5;
                boolean labelled = k == labels.gapOf(i);
                boolean runFirst = !labelled || labels.runFirst(i);
                if (!level) {
                    path.add(runFirst ? new Point(right - turn, a) : new Point(left + turn, b));
                }
                if (labelled) {
                    labelY = runFirst ? a : b;
                    labelLeft = level || runFirst ? left : left + turn;
                    labelRight = level || !runFirst ? right : right - turn;
                }
                if (g == gaps - 1) {
                    path.add(new Point(right, b));
                }
            }
            // lane j of n: the middle of the j-th of n equal parts of the run
            double part = (labelRight - labelLeft) / labels.lanes(labels.gapOf(i));
            double cx = labelLeft + part * (labels.lane(i) + 0.5);
            double offset = bands.labelOffset(spacing);
            Rect above = e.above().isEmpty() ? null : new Rect(cx - e.above().width() / 2,
                    labelY - offset - e.above().height(), e.above().width(), e.above().height());
            Rect below = e.below().isEmpty() ? null : new Rect(cx - e.below().width() / 2, labelY + offset,
                    e.below().width(), e.below().height());
            Rect middle = e.middle().isEmpty() ? null : Rect.centred(cx, labelY, e.middle().width(),
                    e.middle().height());
            return new Route(e.from(), e.to(), withoutRepeats(path), above, below, middle, spacing.arrowGap());
        }

        private List<Point> withoutRepeats(List<Point> path) {
            List<Point> clean = new ArrayList<>();
            for (Point p : path) {
                Point last = clean.isEmpty() ? null : clean.get(clean.size() - 1);
                if (last == null || Math.hypot(p.x() - last.x(), p.y() - last.y()) > 1e-9) {
                    clean.add(p);
                }
            }
            return clean;
        }

        /** Moves everything so that the top left corner of what is drawn sits at the margin. */
        private Layout normalised(Map<String, Placed> nodes, List<Route> routes) {
            double minX = Double.POSITIVE_INFINITY;
            double minY = Double.POSITIVE_INFINITY;
            double maxX = Double.NEGATIVE_INFINITY;
            double maxY = Double.NEGATIVE_INFINITY;
            List<Rect> all = new ArrayList<>();
            nodes.values().forEach(p -> all.addAll(p.rects()));
            routes.forEach(r -> all.addAll(r.rects()));
            for (Rect r : all) {
                minX = Math.min(minX, r.left());
                minY = Math.min(minY, r.top());
                maxX = Math.max(maxX, r.right());
                maxY = Math.max(maxY, r.bottom());
            }
            for (Route r : routes) {
                for (Point p : r.path()) {
                    minY = Math.min(minY, p.y() - spacing.arrowGap());
                    maxY = Math.max(maxY, p.y() + spacing.arrowGap());
                }
            }
            double dx = spacing.margin() - minX;
            double dy = spacing.margin() - minY;
            Map<String, Placed> movedNodes = new LinkedHashMap<>();
            nodes.forEach((id, p) -> movedNodes.put(id, p.moved(dx, dy)));
            List<Route> movedRoutes = routes.stream().map(r -> r.moved(dx, dy)).toList();
            return new Layout(maxX - minX + 2 * spacing.margin(), maxY - minY + 2 * spacing.margin(), movedNodes,
                    movedRoutes);
        }
    }
}
