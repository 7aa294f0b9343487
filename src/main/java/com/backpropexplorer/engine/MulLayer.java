package com.backpropexplorer.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The book's multiplication layer {@code MulLayer} (§5.4, the shopping graph): {@code out = x·y};
 * backward {@code dx = dout·y}, {@code dy = dout·x} (the two inputs swap). Caches x and y,
 * because each input's gradient needs the other one.
 */
public final class MulLayer {
    private final String name;
    private double x = Double.NaN;
    private double y = Double.NaN;
    private boolean forwardRan;

    /** @param name the book's variable for the layer, e.g. {@code mul_apple_layer} */
    public MulLayer(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** out = x·y; keeps x and y. */
    public double forward(double x, double y) {
        this.x = x;
        this.y = y;
        forwardRan = true;
        return x * y;
    }

    /**
     * dx = dout·y and dy = dout·x, read from what forward kept.
     *
     * @throws EmptyCacheException if forward has not run yet
     */
    public ScalarGradients backward(double dout) {
        if (!forwardRan) {
            throw new EmptyCacheException(name, "x", "inputs x and y");
        }
        return new ScalarGradients(dout * y, dout * x);
    }

    /** x and y as forward kept them (empty before it ran). */
    public Map<String, Double> cache() {
        if (!forwardRan) {
            return Map.of();
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("x", x);
        out.put("y", y);
        return out;
    }
}
