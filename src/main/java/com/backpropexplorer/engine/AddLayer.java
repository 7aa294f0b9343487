package com.backpropexplorer.engine;

/**
 * The book's addition layer {@code AddLayer} (§5.4, the shopping graph): {@code out = x + y};
 * backward {@code dx = dout·1}, {@code dy = dout·1}: the gradient passes through to both
 * inputs unchanged. It keeps nothing, so its backward needs no forward first.
 */
public final class AddLayer {
    private final String name;

    /** @param name the book's variable for the layer, e.g. {@code add_apple_orange_layer} */
    public AddLayer(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** out = x + y. */
    public double forward(double x, double y) {
        return x + y;
    }

    /** dx = dy = dout. */
    public ScalarGradients backward(double dout) {
        return new ScalarGradients(dout * 1, dout * 1);
    }
}
