package com.backpropexplorer.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * Softmax followed by the cross-entropy error (book §5.6.3), the net's {@code lastLayer}.
 * Forward: {@code y = softmax(x)}, {@code L = −Σ t·log(y + 1e−7) / N}; backward:
 * {@code dx = (y − t) / N} (times dout, which is 1 at the end of the graph). Caches y, t and
 * the loss. Labels may be one-hot rows or integer class indices.
 */
public final class SoftmaxWithLoss {
    /** The book's guard against log(0) in {@code cross_entropy_error}. */
    public static final double LOG_GUARD = 1e-7;

    private final String name;
    private DMatrixRMaj y;
    private DMatrixRMaj t;
    private double loss = Double.NaN;

    public SoftmaxWithLoss() {
        this("SoftmaxWithLoss");
    }

    public SoftmaxWithLoss(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Forward with one-hot labels (N×classes). */
    public double forward(DMatrixRMaj x, DMatrixRMaj oneHot) {
        if (oneHot.numRows != x.numRows || oneHot.numCols != x.numCols) {
            throw new IllegalArgumentException("t is " + Matrices.shape(oneHot) + " but the scores are " + Matrices.shape(x));
        }
        return forwardWithTarget(x, oneHot.copy());
    }

    /** Forward with integer labels, one per row of x. */
    public double forward(DMatrixRMaj x, int[] labels) {
        if (labels.length != x.numRows) {
            throw new IllegalArgumentException(labels.length + " labels for " + x.numRows + " rows of scores");
        }
        return forwardWithTarget(x, Matrices.oneHot(labels, x.numCols));
    }

    private double forwardWithTarget(DMatrixRMaj x, DMatrixRMaj target) {
        y = softmax(x);
        t = target;
        loss = crossEntropyError(y, t);
        return loss;
    }

    /** dx = dout · (y − t) / N. */
    public DMatrixRMaj backward(double dout) {
        if (y == null) {
            throw new EmptyCacheException(name, "y", "output y and labels t");
        }
        int batch = y.numRows;
        DMatrixRMaj dx = new DMatrixRMaj(y.numRows, y.numCols);
        int n = y.getNumElements();
        for (int i = 0; i < n; i++) {
            dx.data[i] = dout * (y.data[i] - t.data[i]) / batch;
        }
        return dx;
    }

    /** Row-wise softmax, shifted by each row's maximum so exp never overflows. */
    public static DMatrixRMaj softmax(DMatrixRMaj x) {
        DMatrixRMaj out = new DMatrixRMaj(x.numRows, x.numCols);
        int cols = x.numCols;
        for (int r = 0; r < x.numRows; r++) {
            int base = r * cols;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < cols; c++) {
                max = Math.max(max, x.data[base + c]);
            }
            double sum = 0;
            for (int c = 0; c < cols; c++) {
                double e = Math.exp(x.data[base + c] - max);
                out.data[base + c] = e;
                sum += e;
            }
            for (int c = 0; c < cols; c++) {
                out.data[base + c] /= sum;
            }
        }
        return out;
    }

    /** The book's {@code cross_entropy_error}: −Σ t·log(y + 1e−7) / N. */
    public static double crossEntropyError(DMatrixRMaj y, DMatrixRMaj t) {
        double sum = 0;
        int n = y.getNumElements();
        for (int i = 0; i < n; i++) {
            if (t.data[i] != 0.0) {
                sum += t.data[i] * Math.log(y.data[i] + LOG_GUARD);
            }
        }
        return -sum / y.numRows;
    }

    /** The cached softmax output y (a copy), or null before forward. */
    public DMatrixRMaj y() {
        return y == null ? null : y.copy();
    }

    /** The cached one-hot labels t (a copy), or null before forward. */
    public DMatrixRMaj t() {
        return t == null ? null : t.copy();
    }

    /** The loss of the last forward, NaN before it. */
    public double loss() {
        return loss;
    }

    /** Copies of y, t and the loss (as a 1×1 matrix), or empty before forward. */
    public Map<String, DMatrixRMaj> cache() {
        if (y == null) {
            return Map.of();
        }
        Map<String, DMatrixRMaj> out = new LinkedHashMap<>();
        out.put("y", y.copy());
        out.put("t", t.copy());
        out.put("loss", new DMatrixRMaj(1, 1, true, loss));
        return out;
    }
}
