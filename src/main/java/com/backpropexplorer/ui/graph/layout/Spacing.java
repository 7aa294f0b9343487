package com.backpropexplorer.ui.graph.layout;

/**
 * The distances a layout keeps, in pixels.
 *
 * @param margin around everything
 * @param minEdge the shortest visible stretch of an edge between two node boxes
 * @param labelClearance free room left and right of an edge's label
 * @param labelGap between a node's box and the labels of the edges beside it (above and below)
 * @param cardGapAbove between the labels above and a node's card above
 * @param cardGapBelow between the labels below and a node's card below
 * @param cardGap between the cards of neighbouring columns
 * @param rowGap between two nodes of one column, beyond all they carry
 * @param arrowGap half the distance between an edge's forward and backward arrows
 * @param nodeClearance between a node's box and the ends of its edges
 * @param slant how far along an edge turns from one height to another
 * @param portSpacing between the ends of several edges on one side of a node
 */
public record Spacing(double margin, double minEdge, double labelClearance, double labelGap, double cardGapAbove,
                      double cardGapBelow, double cardGap, double rowGap, double arrowGap, double nodeClearance,
                      double slant, double portSpacing) {

    /** The distances of the book-like graphs the app draws. */
    public static Spacing standard() {
        return new Spacing(18, 54, 14, 12, 26, 18, 16, 28, 10, 4, 40, 12);
    }
}
