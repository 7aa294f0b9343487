package com.backpropexplorer.ui.graph.layout;

/** A point, in pixels. */
public record Point(double x, double y) {
    Point moved(double dx, double dy) {
        return new Point(x + dx, y + dy);
    }
}
