package com.backpropexplorer.engine.fast;

import java.util.Arrays;

/**
 * A slice of a sparse batch regrouped by pixel (the batch's compressed-sparse-column form): for
 * each pixel k, the samples of the slice where k is inked, in batch order, with their values.
 * A stable counting sort, into buffers that grow only while batches do.
 *
 * <p>Pixel-major order is what makes dW1 = xᵀ·dout cache-friendly: each dW1 row is built once,
 * in one buffer. It changes no sum: a pixel's terms arrive in batch order (see
 * {@link TwoLayerLoops}).
 */
final class PixelGroups {
    /** Pixel k's entries are at [start[k], start[k + 1]). */
    final int[] start;
    private final int[] next;
    int[] entrySample = new int[0];
    double[] entryValue = new double[0];

    PixelGroups(int pixels) {
        start = new int[pixels + 1];
        next = new int[pixels];
    }

    /** Keeps {@link #touch}'s loads from being optimised away. */
    private int touched;

    /**
     * Reads one element per cache line of each batch row, rows one after another with nothing
     * waiting on the loads, so that the processor fetches many rows from memory at once (the
     * rows of a random batch are cache misses; one at a time, they cost most of the regrouping).
     */
    private void touch(SparseRows x, int[] rows, int from, int to) {
        char[] cols = x.columns;
        byte[] codes = x.codes;
        int[] rowStart = x.rowStart;
        int sum = 0;
        for (int o = from; o < to; o++) {
            int r = rows[o];
            int p = rowStart[r];
            int end = rowStart[r + 1];
            for (int q = p; q < end; q += 32) {
                sum += cols[q];
            }
            if (codes != null) {
                for (int q = p; q < end; q += 64) {
                    sum += codes[q];
                }
            }
        }
        touched = sum;
    }

    /** Makes room for {@code entries} stored elements, so that no later {@link #group} allocates. */
    void reserve(int entries) {
        if (entrySample.length < entries) {
            entrySample = new int[entries];
            entryValue = new double[entries];
        }
    }

    /** Regroups batch rows {@code rows[from..to)} of {@code x} by pixel. */
    void group(SparseRows x, int[] rows, int from, int to) {
        char[] cols = x.columns;
        int pixels = next.length;
        touch(x, rows, from, to);
        Arrays.fill(next, 0);
        for (int o = from; o < to; o++) {
            int r = rows[o];
            for (int p = x.rowStart[r], end = x.rowStart[r + 1]; p < end; p++) {
                next[cols[p]]++;
            }
        }
        int total = 0;
        for (int k = 0; k < pixels; k++) {
            start[k] = total;
            total += next[k];
            next[k] = start[k];
        }
        start[pixels] = total;
        reserve(total);
        byte[] codes = x.codes;
        if (codes != null) {
            double[] decode = SparseRows.PIXEL_VALUE;
            for (int o = from; o < to; o++) {
                int r = rows[o];
                for (int p = x.rowStart[r], end = x.rowStart[r + 1]; p < end; p++) {
                    int at = next[cols[p]]++;
                    entrySample[at] = o;
                    entryValue[at] = decode[codes[p] & 0xFF];
                }
            }
        } else {
            double[] vals = x.values;
            for (int o = from; o < to; o++) {
                int r = rows[o];
                for (int p = x.rowStart[r], end = x.rowStart[r + 1]; p < end; p++) {
                    int at = next[cols[p]]++;
                    entrySample[at] = o;
                    entryValue[at] = vals[p];
                }
            }
        }
    }
}
