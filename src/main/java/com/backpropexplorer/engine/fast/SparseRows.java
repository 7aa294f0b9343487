package com.backpropexplorer.engine.fast;

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
 *
 * <p>Compact storage: column indices are kept as {@code char} (2 bytes; data sets have at most
 * 65,536 columns), and when every stored value is a grey level k/255 (k in 1..255, the exact
 * double {@code k / 255.0} the IDX loader produces, as in all of MNIST) as a 1-byte code k,
 * decoded through {@link #PIXEL_VALUE}: 3 bytes per stored element instead of 12 (about 28 MB
 * instead of 110 MB for MNIST's training set, so a random batch row is a few cache lines). Any
 * other data set keeps its values as doubles. The decoded doubles are the stored ones bit for
 * bit, so results are the same either way.
 *
 * <p>A copy of a data set is never changed. A {@linkplain #buffer buffer} is one that takes a new
 * minibatch at every {@link #refill} (a batch made afresh each step, e.g. augmented).
 */
final class SparseRows {
    private int numRows;
    private final int numCols;
    /** Row r's elements are at [rowStart[r], rowStart[r + 1]). */
    int[] rowStart;
    char[] columns;
    /** Grey-level codes k (value k/255), or null when {@link #values} holds the values. */
    final byte[] codes;
    /** The values as doubles, or null when {@link #codes} holds them. */
    double[] values;

    /** The largest number of columns a sparse copy can have (indices are stored in 2 bytes). */
    static final int MAX_COLUMNS = 1 << 16;

    /** PIXEL_VALUE[k] = k / 255.0, the grey levels of the IDX loader; k is a code & 0xFF. */
    static final double[] PIXEL_VALUE = new double[256];

    static {
        for (int k = 0; k < 256; k++) {
            PIXEL_VALUE[k] = k / 255.0;
        }
    }

    private SparseRows(int numRows, int numCols, int[] rowStart, char[] columns, byte[] codes, double[] values) {
        this.numRows = numRows;
        this.numCols = numCols;
        this.rowStart = rowStart;
        this.columns = columns;
        this.codes = codes;
        this.values = values;
    }

    /** The non-zero elements of {@code dense} (one sample a row); the matrix is not kept. */
    static SparseRows of(DMatrixRMaj dense) {
        int rows = dense.numRows;
        int cols = dense.numCols;
        requireFits(cols);
        double[] d = dense.data;
        int[] rowStart = new int[rows + 1];
        int nonZeros = 0;
        boolean greyLevels = true;
        for (int r = 0; r < rows; r++) {
            for (int i = r * cols, end = i + cols; i < end; i++) {
                double v = d[i];
                if (v != 0.0) {
                    nonZeros++;
                    greyLevels &= greyLevel(v) > 0;
                }
            }
            rowStart[r + 1] = nonZeros;
        }
        char[] columns = new char[nonZeros];
        byte[] codes = greyLevels ? new byte[nonZeros] : null;
        double[] values = greyLevels ? null : new double[nonZeros];
        int p = 0;
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int c = 0; c < cols; c++) {
                double v = d[base + c];
                if (v != 0.0) {
                    columns[p] = (char) c;
                    if (greyLevels) {
                        codes[p] = (byte) greyLevel(v);
                    } else {
                        values[p] = v;
                    }
                    p++;
                }
            }
        }
        return new SparseRows(rows, cols, rowStart, columns, codes, values);
    }

    /** An empty buffer for minibatches of {@code cols} columns, values kept as doubles. */
    static SparseRows buffer(int cols) {
        requireFits(cols);
        return new SparseRows(0, cols, new int[1], new char[0], null, new double[0]);
    }

    /**
     * Makes this buffer hold the non-zero elements of {@code dense} (same columns, any number of
     * rows), growing its arrays only when a batch has more of them than any before.
     */
    void refill(DMatrixRMaj dense) {
        if (codes != null || dense.numCols != numCols) {
            throw new IllegalArgumentException("a buffer of " + numCols + " columns cannot take " + dense.numRows + "×"
                    + dense.numCols);
        }
        int rows = dense.numRows;
        if (rowStart.length < rows + 1) {
            rowStart = new int[rows + 1];
        }
        double[] d = dense.data;
        int nonZeros = 0;
        for (int i = 0, n = rows * numCols; i < n; i++) {
            if (d[i] != 0.0) {
                nonZeros++;
            }
        }
        if (columns.length < nonZeros) {
            columns = new char[nonZeros];
            values = new double[nonZeros];
        }
        int p = 0;
        for (int r = 0; r < rows; r++) {
            rowStart[r] = p;
            int base = r * numCols;
            for (int c = 0; c < numCols; c++) {
                double v = d[base + c];
                if (v != 0.0) {
                    columns[p] = (char) c;
                    values[p++] = v;
                }
            }
        }
        rowStart[rows] = p;
        numRows = rows;
    }

    /** True when data of {@code cols} columns fits (column indices are stored in 2 bytes). */
    static boolean fits(int cols) {
        return cols <= MAX_COLUMNS;
    }

    private static void requireFits(int cols) {
        if (!fits(cols)) {
            throw new IllegalArgumentException(cols + " columns: a sparse copy holds at most " + MAX_COLUMNS);
        }
    }

    /** k in 1..255 when v is exactly the double k / 255.0 (bit for bit), else 0. */
    private static int greyLevel(double v) {
        double scaled = v * 255.0;
        if (!(scaled > 0.5 && scaled < 255.5)) {
            return 0;
        }
        int k = (int) Math.rint(scaled);
        return Double.doubleToRawLongBits(PIXEL_VALUE[k]) == Double.doubleToRawLongBits(v) ? k : 0;
    }

    /** True when the values are stored as 1-byte grey-level codes. */
    boolean compact() {
        return codes != null;
    }

    /** The value of stored element p. */
    double value(int p) {
        return codes != null ? PIXEL_VALUE[codes[p] & 0xFF] : values[p];
    }

    int numRows() {
        return numRows;
    }

    int numCols() {
        return numCols;
    }

    /** The number of stored (non-zero) elements. */
    int nonZeros() {
        return rowStart[numRows];
    }

    /** The most stored elements in any one row. */
    int maxRowNonZeros() {
        int max = 0;
        for (int r = 0; r < numRows; r++) {
            max = Math.max(max, rowStart[r + 1] - rowStart[r]);
        }
        return max;
    }

    /** Element (row, col): the stored value, or 0. */
    double get(int row, int col) {
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
        return lo < rowStart[row + 1] && columns[lo] == col ? value(lo) : 0.0;
    }

    /** The fraction of elements that are zero, about 0.81 for MNIST. */
    double sparsity() {
        long all = (long) numRows * numCols;
        return all == 0 ? 0 : 1.0 - (double) nonZeros() / all;
    }
}
