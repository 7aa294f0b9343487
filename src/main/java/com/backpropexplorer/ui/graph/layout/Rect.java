package com.backpropexplorer.ui.graph.layout;

/** An axis-aligned rectangle, in pixels: its top left corner and its size. */
public record Rect(double x, double y, double width, double height) {

    static Rect centred(double cx, double cy, double width, double height) {
        return new Rect(cx - width / 2, cy - height / 2, width, height);
    }

    public double left() {
        return x;
    }

    public double right() {
        return x + width;
    }

    public double top() {
        return y;
    }

    public double bottom() {
        return y + height;
    }

    public double centreX() {
        return x + width / 2;
    }

    public double centreY() {
        return y + height / 2;
    }

    /** Whether the two share more than an edge. */
    public boolean overlaps(Rect other) {
        return left() < other.right() && other.left() < right() && top() < other.bottom() && other.top() < bottom();
    }

    double overlapWidth(Rect other) {
        return Math.max(0, Math.min(right(), other.right()) - Math.max(left(), other.left()));
    }

    Rect moved(double dx, double dy) {
        return new Rect(x + dx, y + dy, width, height);
    }
}
