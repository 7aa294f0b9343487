package com.backpropexplorer.ui.graph.layout;

/**
 * The heights every row of a layout shares, whatever its own nodes and edges hold, so that the
 * rows look alike (as the book's chains do): the node boxes, the labels above and below the
 * edges, the cards above and below the nodes. Each is the largest of its kind in the graph.
 */
record Bands(double box, double labelAbove, double labelBelow, double cardAbove, double cardBelow) {

    static Bands of(Graph graph) {
        double box = 0;
        double cardAbove = 0;
        double cardBelow = 0;
        for (LayoutNode n : graph.nodes()) {
            box = Math.max(box, n.box().height());
            cardAbove = Math.max(cardAbove, n.above().height());
            cardBelow = Math.max(cardBelow, n.below().height());
        }
        double labelAbove = 0;
        double labelBelow = 0;
        for (LayoutEdge e : graph.edges()) {
            labelAbove = Math.max(labelAbove, e.above().height());
            labelBelow = Math.max(labelBelow, e.below().height());
        }
        return new Bands(box, labelAbove, labelBelow, cardAbove, cardBelow);
    }

    /** From an edge's level run to its labels: clear of the node boxes on that line. */
    double labelOffset(Spacing spacing) {
        return box / 2 + spacing.labelGap();
    }

    /** How far a slot reaches above its centre line: its labels, and a node's card. */
    double above(boolean node, Spacing spacing) {
        double e = labelOffset(spacing) + labelAbove;
        return node && cardAbove > 0 ? e + spacing.cardGapAbove() + cardAbove : e;
    }

    /** How far a slot reaches below its centre line. */
    double below(boolean node, Spacing spacing) {
        double e = labelOffset(spacing) + labelBelow;
        return node && cardBelow > 0 ? e + spacing.cardGapBelow() + cardBelow : e;
    }
}
