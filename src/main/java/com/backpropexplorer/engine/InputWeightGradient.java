package com.backpropexplorer.engine;

import java.util.Arrays;

/**
 * dW1 = xᵀ·dHidden for a sparse batch, one weight row (pixel) at a time: the batch's stored
 * elements are first regrouped by pixel (a counting sort that keeps batch order), then each
 * pixel's row is {@code Σ x[o][k]·dHidden[o]} over just the samples where that pixel is inked,
 * four samples per pass over the row. Each row is written once (no zeroing, no
 * read-modify-write per sample), and a pixel blank in the whole batch gets a row of zeros.
 *
 * <p>Exact: every sum adds the same non-zero terms in the same (batch) order as
 * {@code CommonOps_DDRM.multTransA} does, whose extra terms are exact zeros.
 *
 * <p>One instance per thread; each may own a range of pixels.
 */
final class InputWeightGradient {
    private final int[] start;
    private final int[] next;
    private int[] entrySample = new int[0];
    private double[] entryValue = new double[0];

    InputWeightGradient(int pixels) {
        start = new int[pixels + 1];
        next = new int[pixels];
    }

    /**
     * Writes rows [pixelFrom, pixelTo) of dW1 (row-major, hidden wide) for batch rows
     * {@code rows[0..n)}; {@code rowBuffers} is scratch, one array a pixel.
     */
    void compute(SparseRows x, int[] rows, int n, double[][] dHidden, double[][] rowBuffers, double[] dW1,
                 int pixelFrom, int pixelTo) {
        int stored = groupByPixel(x, rows, n, pixelFrom, pixelTo);
        if (entrySample.length < stored) {
            // only while batches grow: steady state allocates nothing
            entrySample = new int[stored];
            entryValue = new double[stored];
            groupByPixel(x, rows, n, pixelFrom, pixelTo);
        }
        int h = dHidden[0].length;
        for (int k = pixelFrom; k < pixelTo; k++) {
            int p = start[k];
            int end = start[k + 1];
            if (p == end) {
                Arrays.fill(dW1, k * h, (k + 1) * h, 0.0);
            } else {
                double[] g = rowBuffers[k];
                sumInto(g, dHidden, p, end);
                System.arraycopy(g, 0, dW1, k * h, h);
            }
        }
    }

    /** g = Σ value·dHidden[sample] over entries [p, end), in entry order, end > p. */
    private void sumInto(double[] g, double[][] dHidden, int p, int end) {
        int h = g.length;
        double v0 = entryValue[p];
        double[] a0 = dHidden[entrySample[p]];
        for (int j = 0; j < h; j++) {
            g[j] = v0 * a0[j];
        }
        p++;
        for (; p + 3 < end; p += 4) {
            double v1 = entryValue[p];
            double v2 = entryValue[p + 1];
            double v3 = entryValue[p + 2];
            double v4 = entryValue[p + 3];
            double[] a1 = dHidden[entrySample[p]];
            double[] a2 = dHidden[entrySample[p + 1]];
            double[] a3 = dHidden[entrySample[p + 2]];
            double[] a4 = dHidden[entrySample[p + 3]];
            for (int j = 0; j < h; j++) {
                double t = g[j];
                t += v1 * a1[j];
                t += v2 * a2[j];
                t += v3 * a3[j];
                t += v4 * a4[j];
                g[j] = t;
            }
        }
        for (; p < end; p++) {
            double v = entryValue[p];
            double[] a = dHidden[entrySample[p]];
            for (int j = 0; j < h; j++) {
                g[j] += v * a[j];
            }
        }
    }

    /**
     * Counting sort of the batch's stored elements in [pixelFrom, pixelTo) by pixel, stable in
     * batch order; fills {@code start} and, if they are large enough, the entry arrays.
     *
     * @return the number of entries
     */
    private int groupByPixel(SparseRows x, int[] rows, int n, int pixelFrom, int pixelTo) {
        int[] cols = x.columns;
        boolean whole = pixelFrom == 0 && pixelTo == x.numCols();
        Arrays.fill(next, pixelFrom, pixelTo, 0);
        int total = 0;
        for (int o = 0; o < n; o++) {
            int r = rows[o];
            int p = x.rowStart[r];
            int end = x.rowStart[r + 1];
            if (!whole) {
                p = firstAtLeast(cols, p, end, pixelFrom);
                end = firstAtLeast(cols, p, end, pixelTo);
            }
            total += end - p;
            for (; p < end; p++) {
                next[cols[p]]++;
            }
        }
        int sum = 0;
        for (int k = pixelFrom; k < pixelTo; k++) {
            start[k] = sum;
            sum += next[k];
            next[k] = start[k];
        }
        start[pixelTo] = sum;
        if (entrySample.length < total) {
            return total;
        }
        double[] vals = x.values;
        for (int o = 0; o < n; o++) {
            int r = rows[o];
            int p = x.rowStart[r];
            int end = x.rowStart[r + 1];
            if (!whole) {
                p = firstAtLeast(cols, p, end, pixelFrom);
                end = firstAtLeast(cols, p, end, pixelTo);
            }
            for (; p < end; p++) {
                int at = next[cols[p]]++;
                entrySample[at] = o;
                entryValue[at] = vals[p];
            }
        }
        return total;
    }

    /** The first position in the sorted cols[from, to) holding a value ≥ key (to if none). */
    static int firstAtLeast(int[] cols, int from, int to, int key) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cols[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
