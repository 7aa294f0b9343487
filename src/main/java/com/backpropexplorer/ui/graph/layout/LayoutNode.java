package com.backpropexplorer.ui.graph.layout;

/**
 * A node to place: its box, and the cards drawn centred above it (e.g. its parameters) and
 * below it (e.g. what it cached); {@link Size#NONE} where there is none.
 */
public record LayoutNode(String id, Size box, Size above, Size below) {

    /** A node with no cards. */
    public static LayoutNode of(String id, Size box) {
        return new LayoutNode(id, box, Size.NONE, Size.NONE);
    }
}
