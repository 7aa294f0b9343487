package com.backpropexplorer.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.simple.SimpleMatrix;

/**
 * The Affine layer (book §5.6.2): {@code out = x·W + b}; backward {@code dx = dout·Wᵀ},
 * {@code dW = xᵀ·dout}, {@code db = Σ dout} (summed over the batch). Caches {@code x}.
 *
 * <p>W and b are shared with the owning net, so a weight changed there is used at the next
 * forward, as in the book where the layer and {@code params} hold the same numpy arrays.
 */
public final class Affine implements Layer {
    private final String name;
    private final DMatrixRMaj weight;
    private final DMatrixRMaj bias;
    /** W as a SimpleMatrix view (no copy): the products below read like the book's np.dot. */
    private final SimpleMatrix w;
    private SimpleMatrix x;
    private DMatrixRMaj dW;
    private DMatrixRMaj db;

    /**
     * @param weight W, in×out (shared, not copied)
     * @param bias b, 1×out (shared, not copied)
     */
    public Affine(String name, DMatrixRMaj weight, DMatrixRMaj bias) {
        if (bias.numRows != 1 || bias.numCols != weight.numCols) {
            throw new IllegalArgumentException(name + ": b must be 1×" + weight.numCols + ", not " + Matrices.shape(bias));
        }
        this.name = name;
        this.weight = weight;
        this.bias = bias;
        this.w = SimpleMatrix.wrap(weight);
    }

    @Override
    public String name() {
        return name;
    }

    /** The live weight matrix W (shared with the net). */
    public DMatrixRMaj weight() {
        return weight;
    }

    /** The live bias row b (shared with the net). */
    public DMatrixRMaj bias() {
        return bias;
    }

    @Override
    public DMatrixRMaj forward(DMatrixRMaj input) {
        if (input.numCols != weight.numRows) {
            throw new IllegalArgumentException(name + ": x is " + Matrices.shape(input) + " but W is " + Matrices.shape(weight));
        }
        x = SimpleMatrix.wrap(input.copy());
        DMatrixRMaj out = x.mult(w).getDDRM(); // np.dot(self.x, self.W)
        Matrices.addRowInPlace(out, bias);     // + self.b, broadcast over the batch
        return out;
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj dout) {
        if (x == null) {
            throw new EmptyCacheException(name, "x", "input x");
        }
        SimpleMatrix d = SimpleMatrix.wrap(dout);
        DMatrixRMaj dx = d.mult(w.transpose()).getDDRM(); // np.dot(dout, self.W.T)
        dW = x.transpose().mult(d).getDDRM();              // np.dot(self.x.T, dout)
        db = Matrices.sumRows(dout);                       // np.sum(dout, axis=0)
        return dx;
    }

    /** The cached input x (a copy), or null before forward. */
    public DMatrixRMaj x() {
        return x == null ? null : x.getDDRM().copy();
    }

    /** ∂L/∂W from the last backward (a copy), or null before it. */
    public DMatrixRMaj dW() {
        return dW == null ? null : dW.copy();
    }

    /** ∂L/∂b from the last backward (a copy), or null before it. */
    public DMatrixRMaj db() {
        return db == null ? null : db.copy();
    }

    @Override
    public Map<String, DMatrixRMaj> cache() {
        return x == null ? Map.of() : Map.of("x", x.getDDRM().copy());
    }

    @Override
    public Map<String, DMatrixRMaj> gradients() {
        if (dW == null) {
            return Map.of();
        }
        Map<String, DMatrixRMaj> out = new LinkedHashMap<>();
        out.put("dW", dW.copy());
        out.put("db", db.copy());
        return out;
    }
}
