package com.backpropexplorer.engine;

import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * ReLU (book §5.5.1): {@code out = max(0, x)}; backward passes {@code dout} where x &gt; 0 and 0
 * elsewhere. Caches the book's {@code mask = (x <= 0)} as a 0/1 matrix.
 *
 * <p>Unlike the book's {@code dout[self.mask] = 0}, backward never writes into the gradient it
 * is given: the app shows dout and dx side by side.
 */
public final class Relu implements Layer {
    private final String name;
    private DMatrixRMaj mask;

    public Relu(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x) {
        mask = new DMatrixRMaj(x.numRows, x.numCols);
        DMatrixRMaj out = new DMatrixRMaj(x.numRows, x.numCols);
        int n = x.getNumElements();
        for (int i = 0; i < n; i++) {
            double v = x.data[i];
            if (v <= 0) {
                mask.data[i] = 1.0;
            } else {
                out.data[i] = v;
            }
        }
        return out;
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj dout) {
        if (mask == null) {
            throw new EmptyCacheException(name, "mask", "mask (x <= 0)");
        }
        DMatrixRMaj dx = new DMatrixRMaj(dout.numRows, dout.numCols);
        int n = dout.getNumElements();
        for (int i = 0; i < n; i++) {
            if (mask.data[i] == 0.0) {
                dx.data[i] = dout.data[i];
            }
        }
        return dx;
    }

    /** The cached mask, 1 where x &lt;= 0 (a copy), or null before forward. */
    public DMatrixRMaj mask() {
        return mask == null ? null : mask.copy();
    }

    @Override
    public Map<String, DMatrixRMaj> cache() {
        return mask == null ? Map.of() : Map.of("mask", mask.copy());
    }
}
