package com.backpropexplorer.engine;

import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.simple.SimpleMatrix;

/**
 * {@code out = x·W} as a layer: backward {@code dx = dout·Wᵀ}, {@code dW = xᵀ·dout}. The Affine
 * layer (§5.6.2) without the bias, which is all that simpleNet (§4.4.2) computes: the book's
 * simpleNet has no layers ({@code predict} is {@code np.dot(x, self.W)}) and gets dW numerically;
 * this layer lets the same net be stepped forward and backward. Caches x.
 */
public final class MatMul implements Layer {
    private final String name;
    private final SimpleMatrix w;
    private SimpleMatrix x;
    private DMatrixRMaj dW;

    /** @param weight W (shared, not copied) */
    public MatMul(String name, DMatrixRMaj weight) {
        this.name = name;
        this.w = SimpleMatrix.wrap(weight);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DMatrixRMaj forward(DMatrixRMaj input) {
        x = SimpleMatrix.wrap(input.copy());
        return x.mult(w).getDDRM(); // np.dot(self.x, self.W)
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj dout) {
        if (x == null) {
            throw new EmptyCacheException(name, "x", "input x");
        }
        SimpleMatrix d = SimpleMatrix.wrap(dout);
        DMatrixRMaj dx = d.mult(w.transpose()).getDDRM(); // np.dot(dout, self.W.T)
        dW = x.transpose().mult(d).getDDRM();              // np.dot(self.x.T, dout)
        return dx;
    }

    /** ∂L/∂W from the last backward (a copy), or null before it. */
    public DMatrixRMaj dW() {
        return dW == null ? null : dW.copy();
    }

    @Override
    public Map<String, DMatrixRMaj> cache() {
        return x == null ? Map.of() : Map.of("x", x.getDDRM().copy());
    }

    @Override
    public Map<String, DMatrixRMaj> gradients() {
        return dW == null ? Map.of() : Map.of("dW", dW.copy());
    }
}
