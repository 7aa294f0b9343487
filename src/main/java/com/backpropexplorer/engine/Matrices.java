package com.backpropexplorer.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** Small matrix helpers the EJML API does not have in the shape the layers need. */
public final class Matrices {
    private Matrices() {
    }

    /** A row-major matrix from nested arrays (rows of equal length). */
    public static DMatrixRMaj of(double[][] rows) {
        return new DMatrixRMaj(rows);
    }

    /** A 1×n row vector. */
    public static DMatrixRMaj row(double... values) {
        return new DMatrixRMaj(1, values.length, true, values);
    }

    /** out[i][j] = a[i][j] + b[0][j]: the broadcast of a bias row over a batch, in place. */
    public static void addRowInPlace(DMatrixRMaj a, DMatrixRMaj b) {
        if (b.numRows != 1 || b.numCols != a.numCols) {
            throw new IllegalArgumentException("bias of shape " + shape(b) + " does not fit " + shape(a));
        }
        double[] ad = a.data;
        double[] bd = b.data;
        int cols = a.numCols;
        for (int r = 0; r < a.numRows; r++) {
            int base = r * cols;
            for (int c = 0; c < cols; c++) {
                ad[base + c] += bd[c];
            }
        }
    }

    /** The sum of each column over the rows, as a 1×cols row: numpy's {@code np.sum(m, axis=0)}. */
    public static DMatrixRMaj sumRows(DMatrixRMaj m) {
        return CommonOps_DDRM.sumCols(m, null); // EJML names it by what it sums within: each column
    }

    /** Index of the largest element of each row. */
    public static int[] argmaxRows(DMatrixRMaj m) {
        int[] out = new int[m.numRows];
        for (int r = 0; r < m.numRows; r++) {
            int base = r * m.numCols;
            int best = 0;
            for (int c = 1; c < m.numCols; c++) {
                if (m.data[base + c] > m.data[base + best]) {
                    best = c;
                }
            }
            out[r] = best;
        }
        return out;
    }

    /** One-hot rows: out[i][labels[i]] = 1. */
    public static DMatrixRMaj oneHot(int[] labels, int classes) {
        DMatrixRMaj t = new DMatrixRMaj(labels.length, classes);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " is not in 0.." + (classes - 1));
            }
            t.data[i * classes + labels[i]] = 1.0;
        }
        return t;
    }

    /** "rows×cols", the way the UI and the CLI print shapes. */
    public static String shape(DMatrixRMaj m) {
        return m.numRows + "×" + m.numCols;
    }

    /** Deep copies of every matrix, keeping the order. */
    public static Map<String, DMatrixRMaj> copyAll(Map<String, DMatrixRMaj> in) {
        Map<String, DMatrixRMaj> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, v.copy()));
        return out;
    }

    /** Mean of |a − b| over all elements, the book's gradient-check figure. */
    public static double meanAbsDiff(DMatrixRMaj a, DMatrixRMaj b) {
        if (a.getNumElements() != b.getNumElements()) {
            throw new IllegalArgumentException("shapes differ: " + shape(a) + " and " + shape(b));
        }
        double sum = 0;
        int n = a.getNumElements();
        for (int i = 0; i < n; i++) {
            sum += Math.abs(a.data[i] - b.data[i]);
        }
        return sum / n;
    }

    /** True when every element is finite (no NaN, no ±Inf). */
    public static boolean allFinite(DMatrixRMaj m) {
        int n = m.getNumElements();
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(m.data[i])) {
                return false;
            }
        }
        return true;
    }
}
