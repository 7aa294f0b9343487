package com.backpropexplorer.ui.graph.layout;

/** A width and a height, in pixels; {@link #NONE} for a box that is not there. */
public record Size(double width, double height) {
    public static final Size NONE = new Size(0, 0);

    public Size {
        if (!(width >= 0) || !(height >= 0)) {
            throw new IllegalArgumentException("a size of " + width + " × " + height);
        }
    }

    public boolean isEmpty() {
        return width == 0 && height == 0;
    }
}
