package com.backpropexplorer.engine;

import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * Sigmoid (book §5.5.2): {@code out = 1 / (1 + exp(−x))}; backward
 * {@code dx = dout · (1 − out) · out}. Caches {@code out}.
 */
public final class Sigmoid implements Layer {
    private final String name;
    private DMatrixRMaj out;

    public Sigmoid(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x) {
        DMatrixRMaj y = new DMatrixRMaj(x.numRows, x.numCols);
        int n = x.getNumElements();
        for (int i = 0; i < n; i++) {
            y.data[i] = 1.0 / (1.0 + Math.exp(-x.data[i]));
        }
        out = y.copy();
        return y;
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj dout) {
        if (out == null) {
            throw new EmptyCacheException(name, "out", "output out");
        }
        DMatrixRMaj dx = new DMatrixRMaj(dout.numRows, dout.numCols);
        int n = dout.getNumElements();
        for (int i = 0; i < n; i++) {
            double o = out.data[i];
            dx.data[i] = dout.data[i] * (1.0 - o) * o;
        }
        return dx;
    }

    @Override
    public Map<String, DMatrixRMaj> cache() {
        return out == null ? Map.of() : Map.of("out", out.copy());
    }
}
