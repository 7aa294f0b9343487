package com.backpropexplorer.engine;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.ejml.data.DMatrixRMaj;

/**
 * A read-only compressed-sparse-row (CSR) copy of a dense data set: for each row, the column
 * indices of its non-zero elements in increasing order and their values.
 *
 * <p>MNIST images are about 81% background (exact zeros), so {@code x·W} over the stored
 * elements only does a fifth of the dense work. Skipping a zero drops a term {@code 0·w = ±0}
 * from a sum, which leaves every non-zero partial sum unchanged; kept in increasing column
 * order, the sparse sums are the dense sums of {@code CommonOps_DDRM.mult}, bit for bit (up to
 * the sign of an all-zero sum).
 */
public final class SparseRows {
    private final int numRows;
    private final int numCols;
    /** Row r's elements are at [rowStart[r], rowStart[r + 1]). */
    final int[] rowStart;
    final int[] columns;
    final double[] values;

    private SparseRows(int numRows, int numCols, int[] rowStart, int[] columns, double[] values) {
        this.numRows = numRows;
        this.numCols = numCols;
        this.rowStart = rowStart;
        this.columns = columns;
        this.values = values;
    }

    /** Sparse copies of data sets already converted, by matrix identity (EJML matrices use it). */
    private static final Map<DMatrixRMaj, SparseRows> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * {@link #of} once per data set: the training loop, its accuracy passes and a later run on
     * the same data share one sparse copy (about 100 MB for MNIST's training set). Only for data
     * sets that are not changed afterwards, as training and test sets are not.
     */
    public static SparseRows cached(DMatrixRMaj dense) {
        return CACHE.computeIfAbsent(dense, SparseRows::of);
    }

    /** The non-zero elements of {@code dense} (one sample a row); the matrix is not kept. */
    public static SparseRows of(DMatrixRMaj dense) {
        int rows = dense.numRows;
        int cols = dense.numCols;
        double[] d = dense.data;
        int[] rowStart = new int[rows + 1];
        int nonZeros = 0;
        for (int r = 0; r < rows; r++) {
            for (int i = r * cols, end = i + cols; i < end; i++) {
                if (d[i] != 0.0) {
                    nonZeros++;
                }
            }
            rowStart[r + 1] = nonZeros;
        }
        int[] columns = new int[nonZeros];
        double[] values = new double[nonZeros];
        int p = 0;
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int c = 0; c < cols; c++) {
                double v = d[base + c];
                if (v != 0.0) {
                    columns[p] = c;
                    values[p++] = v;
                }
            }
        }
        return new SparseRows(rows, cols, rowStart, columns, values);
    }

    public int numRows() {
        return numRows;
    }

    public int numCols() {
        return numCols;
    }

    /** The number of stored (non-zero) elements. */
    public int nonZeros() {
        return rowStart[numRows];
    }

    /** The most stored elements in any one row. */
    public int maxRowNonZeros() {
        int max = 0;
        for (int r = 0; r < numRows; r++) {
            max = Math.max(max, rowStart[r + 1] - rowStart[r]);
        }
        return max;
    }

    /** Element (row, col): the stored value, or 0. */
    public double get(int row, int col) {
        int lo = rowStart[row];
        int hi = rowStart[row + 1];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (columns[mid] < col) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < rowStart[row + 1] && columns[lo] == col ? values[lo] : 0.0;
    }

    /** The fraction of elements that are zero, about 0.81 for MNIST. */
    public double sparsity() {
        long all = (long) numRows * numCols;
        return all == 0 ? 0 : 1.0 - (double) nonZeros() / all;
    }
}
