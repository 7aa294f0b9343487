package com.backpropexplorer.explain;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * An immutable, named snapshot of a matrix: what flowed on an edge or sat in a cache at one
 * stage. Safe to hand from the engine thread to the UI thread.
 */
public final class Tensor {
    private final String name;
    private final int rows;
    private final int cols;
    private final double[] data;
    /**
     * maxAbs() once computed, else -1: a heatmap of the graph and the inspector each ask for
     * it, many times a second while a weight is dragged. Volatile: computed on whichever thread
     * asks first, the same value on any.
     */
    private volatile double maxAbs = -1;

    private Tensor(String name, int rows, int cols, double[] data) {
        this.name = name;
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** A copy of m under the given name. */
    public static Tensor of(String name, DMatrixRMaj m) {
        return new Tensor(name, m.numRows, m.numCols, Arrays.copyOf(m.data, m.getNumElements()));
    }

    /** Takes the array as it is (no copy): only for arrays nobody writes to afterwards. */
    static Tensor wrap(String name, int rows, int cols, double[] data) {
        return new Tensor(name, rows, cols, data);
    }

    /** Whether m holds exactly these values (same shape, same bits): an unchanged matrix can reuse its snapshot. */
    boolean sameValues(DMatrixRMaj m) {
        return m.numRows == rows && m.numCols == cols
                && Arrays.equals(data, 0, data.length, m.data, 0, m.getNumElements());
    }

    /** A 1×1 tensor, e.g. the loss L or dout = 1. */
    public static Tensor scalar(String name, double value) {
        return new Tensor(name, 1, 1, new double[] {value});
    }

    public String name() {
        return name;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int size() {
        return data.length;
    }

    public boolean isScalar() {
        return data.length == 1;
    }

    public double get(int row, int col) {
        return data[row * cols + col];
    }

    /** The index-th element in row-major order: get(r, c) is at(r·cols + c). */
    public double at(int index) {
        return data[index];
    }

    /** The value of a 1×1 tensor. */
    public double value() {
        return data[0];
    }

    /** A copy of the elements, row-major. */
    public double[] toArray() {
        return data.clone();
    }

    /** A copy of the row-th row. */
    public double[] row(int row) {
        return Arrays.copyOfRange(data, row * cols, (row + 1) * cols);
    }

    /** A new EJML matrix with these values. */
    public DMatrixRMaj toMatrix() {
        return new DMatrixRMaj(rows, cols, true, data.clone());
    }

    /** "rows×cols". */
    public String shape() {
        return rows + "×" + cols;
    }

    /** The same values under another name. */
    public Tensor named(String newName) {
        return new Tensor(newName, rows, cols, data);
    }

    public double min() {
        return Arrays.stream(data).min().orElse(Double.NaN);
    }

    public double max() {
        return Arrays.stream(data).max().orElse(Double.NaN);
    }

    public double mean() {
        return Arrays.stream(data).average().orElse(Double.NaN);
    }

    /** The largest |value|, for colour scales that are symmetric around zero. */
    public double maxAbs() {
        double cached = maxAbs;
        if (cached == -1) {
            double m = 0;
            for (double v : data) {
                m = Math.max(m, Math.abs(v));
            }
            maxAbs = m;
            cached = m;
        }
        return cached;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && t.name.equals(name) && t.rows == rows && t.cols == cols
                && Arrays.equals(t.data, data);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return name + " " + shape();
    }
}
