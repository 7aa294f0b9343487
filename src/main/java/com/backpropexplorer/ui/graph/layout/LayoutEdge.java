package com.backpropexplorer.ui.graph.layout;

/**
 * An edge from one node to another, with the boxes it carries: one above it (the value that
 * flowed forward), one below it (the gradient that flowed back), and one on it (e.g. its shape);
 * {@link Size#NONE} where there is none.
 */
public record LayoutEdge(String from, String to, Size above, Size below, Size middle) {

    /** An edge with no boxes. */
    public static LayoutEdge of(String from, String to) {
        return new LayoutEdge(from, to, Size.NONE, Size.NONE, Size.NONE);
    }
}
