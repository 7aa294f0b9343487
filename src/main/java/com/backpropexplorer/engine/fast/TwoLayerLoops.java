package com.backpropexplorer.engine.fast;

import com.backpropexplorer.engine.SoftmaxWithLoss;

/**
 * The loops of the fast paths, on raw row-major arrays. Every sum runs over its terms in the
 * same order as the EJML routine the book's layers call ({@code mult_reorder} for x·W1 and
 * xᵀ·dout, {@code mult_small} for h·W2, {@code multTransA_reorder} for hᵀ·dout, dot products
 * for dout·W2ᵀ, column sums for db), and a term left out is always an exact ±0 (a zero pixel,
 * or a hidden unit at 0: cut by ReLU, or a sigmoid that underflowed). So the results are those of the plain path bit for bit,
 * up to the sign of a sum of zeros, which no later operation can see.
 *
 * <p>W1, dW1 and the hidden-layer buffers are held one array a row, so that every inner loop
 * indexes its arrays with the same {@code j}: C2 (JDK 17) vectorises such loops, but not
 * {@code out[a + j] += v * w[b + j]} over two {@code double[]} that might be one array.
 * Rows that two threads write side by side may be longer than the layer (see
 * {@link #paddedRows}): the loops take the width from the weights, never from such a row.
 */
final class TwoLayerLoops {
    private TwoLayerLoops() {
    }

    /**
     * out[j] = Σₖ x[r][k]·W1[k][j] + b1[j] over the stored elements of row r, then the activation
     * in place: ReLU with the book's mask {@code a <= 0} (giving +0, as the plain layer does), or
     * sigmoid {@code 1 / (1 + exp(−a))}, the expression of the plain {@code Sigmoid} layer. Four
     * stored pixels are added per pass over {@code out}, in the same order as one at a time.
     */
    static void hiddenRow(SparseRows x, int r, double[][] w1, double[] b1, boolean sigmoid, double[] out) {
        int h = b1.length;
        java.util.Arrays.fill(out, 0, h, 0.0);
        char[] cols = x.columns;
        int p = x.rowStart[r];
        int end = x.rowStart[r + 1];
        for (; p + 3 < end; p += 4) {
            double v0 = x.value(p);
            double v1 = x.value(p + 1);
            double v2 = x.value(p + 2);
            double v3 = x.value(p + 3);
            double[] a = w1[cols[p]];
            double[] b = w1[cols[p + 1]];
            double[] c = w1[cols[p + 2]];
            double[] d = w1[cols[p + 3]];
            for (int j = 0; j < h; j++) {
                double t = out[j];
                t += v0 * a[j];
                t += v1 * b[j];
                t += v2 * c[j];
                t += v3 * d[j];
                out[j] = t;
            }
        }
        for (; p < end; p++) {
            double v = x.value(p);
            double[] a = w1[cols[p]];
            for (int j = 0; j < h; j++) {
                out[j] += v * a[j];
            }
        }
        if (sigmoid) {
            for (int j = 0; j < h; j++) {
                out[j] = 1.0 / (1.0 + Math.exp(-(out[j] + b1[j])));
            }
        } else {
            for (int j = 0; j < h; j++) {
                out[j] = relu(out[j] + b1[j]);
            }
        }
    }

    /**
     * {@code z <= 0 ? 0.0 : z} (NaN passes), bit for bit, without a branch: about half the units
     * of a batch are cut, in no pattern a branch predictor can learn, so a branch here was
     * mispredicted on about every other unit. The sign bit clears z when it is set (negative
     * numbers and −0), unless z is a NaN, which {@code <=} lets through.
     */
    static double relu(double z) {
        long bits = Double.doubleToRawLongBits(z);
        long keep = ~(bits >> 63) | ((NAN_FLOOR - (bits & Long.MAX_VALUE)) >> 63);
        return Double.longBitsToDouble(bits & keep);
    }

    /**
     * {@code out == 0.0 ? 0.0 : d} for a ReLU output {@code out} (never −0), bit for bit and
     * without a branch, for the same reason as {@link #relu}: all bits of {@code out} zero means
     * +0, the unit was cut, and the gradient is +0.
     */
    static double passedOrZero(double out, double d) {
        long o = Double.doubleToRawLongBits(out);
        long keep = (o | -o) >> 63;
        return Double.longBitsToDouble(Double.doubleToRawLongBits(d) & keep);
    }

    /** The bits of +∞: a double whose bits, sign cleared, are larger is a NaN. */
    private static final long NAN_FLOOR = 0x7FF0000000000000L;

    /**
     * dW1 = xᵀ·dHidden for the pixels [pixelFrom, pixelTo), into the row-major {@code dW1}:
     * each pixel's row is {@code Σ x[o][k]·dHidden[o]} over the samples that ink it, slice by
     * slice (slices in batch order, so the terms arrive in batch order, as in
     * {@code CommonOps_DDRM.multTransA}), four samples per pass, built in {@code buffer}
     * and copied out once. A pixel blank in the whole batch gets zeros.
     */
    static void inputWeightGradient(PixelGroups[] slices, int sliceCount, double[][] dHidden, double[] buffer,
                                    int h, double[] dW1, int pixelFrom, int pixelTo) {
        for (int k = pixelFrom; k < pixelTo; k++) {
            double[] g = buffer;
            boolean started = false;
            for (int s = 0; s < sliceCount; s++) {
                PixelGroups slice = slices[s];
                int p = slice.start[k];
                int end = slice.start[k + 1];
                if (p == end) {
                    continue;
                }
                if (!started) {
                    double v = slice.entryValue[p];
                    double[] a = dHidden[slice.entrySample[p]];
                    for (int j = 0; j < h; j++) {
                        g[j] = v * a[j];
                    }
                    started = true;
                    p++;
                }
                addScaledRows(g, h, dHidden, slice.entrySample, slice.entryValue, p, end);
            }
            if (started) {
                System.arraycopy(g, 0, dW1, k * h, h);
            } else {
                java.util.Arrays.fill(dW1, k * h, (k + 1) * h, 0.0);
            }
        }
    }

    /** g[0..h) += Σ value·rows[sample] over entries [p, end) in order, four a pass. */
    private static void addScaledRows(double[] g, int h, double[][] rows, int[] samples, double[] values, int p,
                                      int end) {
        for (; p + 3 < end; p += 4) {
            double v1 = values[p];
            double v2 = values[p + 1];
            double v3 = values[p + 2];
            double v4 = values[p + 3];
            double[] a1 = rows[samples[p]];
            double[] a2 = rows[samples[p + 1]];
            double[] a3 = rows[samples[p + 2]];
            double[] a4 = rows[samples[p + 3]];
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
            double v = values[p];
            double[] a = rows[samples[p]];
            for (int j = 0; j < h; j++) {
                g[j] += v * a[j];
            }
        }
    }

    /** scores[o·c + k] = Σⱼ hidden[j]·W2[j][k] + b2[k], skipping units at exactly 0. */
    static void scoresRow(double[] hidden, double[] w2, double[] b2, int c, double[] scores, int o) {
        int sb = o * c;
        for (int k = 0; k < c; k++) {
            scores[sb + k] = 0.0;
        }
        for (int j = 0; j < hidden.length; j++) {
            double hv = hidden[j];
            if (hv != 0.0) {
                int wb = j * c;
                for (int k = 0; k < c; k++) {
                    scores[sb + k] += hv * w2[wb + k];
                }
            }
        }
        for (int k = 0; k < c; k++) {
            scores[sb + k] += b2[k];
        }
    }

    /**
     * scores[o·c + k] = Σⱼ hidden[o][j]·W2[j][k] + b2[k] for the batch rows [from, to), as
     * {@link #scoresRow} row by row, but batch-major: {@code hT} (the hidden rows transposed,
     * one array a unit) and {@code sT} (the sums, one array a class) let the inner loop run over
     * the rows and vectorise. Each sum starts from +0 and takes its terms in unit order; the
     * terms of units at 0 are now added rather than skipped, and they are ±0 (finite weights),
     * which leaves a sum that starts from +0 unchanged bit for bit, so the scores are
     * {@link #scoresRow}'s.
     */
    static void scoresRows(double[][] hidden, double[][] hT, double[] w2, double[] b2, int c, double[][] sT,
                           double[] scores, int from, int to) {
        int h = hT.length;
        for (int o = from; o < to; o++) {
            double[] hr = hidden[o];
            for (int j = 0; j < h; j++) {
                hT[j][o] = hr[j];
            }
        }
        for (int k = 0; k < c; k++) {
            java.util.Arrays.fill(sT[k], from, to, 0.0);
        }
        for (int j = 0; j < h; j++) {
            double[] hj = hT[j];
            int wb = j * c;
            for (int k = 0; k < c; k++) {
                double w = w2[wb + k];
                double[] sk = sT[k];
                for (int o = from; o < to; o++) {
                    sk[o] += hj[o] * w;
                }
            }
        }
        for (int o = from; o < to; o++) {
            int sb = o * c;
            for (int k = 0; k < c; k++) {
                scores[sb + k] = sT[k][o] + b2[k];
            }
        }
    }

    /** Index of the largest score of row o, the first one on ties (as {@code Matrices.argmaxRows}). */
    static int argmaxRow(double[] scores, int c, int o) {
        int base = o * c;
        int best = 0;
        for (int k = 1; k < c; k++) {
            if (scores[base + k] > scores[base + best]) {
                best = k;
            }
        }
        return best;
    }

    /**
     * Softmax of row o in place, then its cross-entropy term {@code log(y[label] + 1e−7)}
     * (returned), and the row turned into the loss layer's dx = (y − t) / batch.
     */
    static double softmaxLossBackwardRow(double[] scores, int c, int o, int label, int batch) {
        int base = o * c;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < c; k++) {
            max = Math.max(max, scores[base + k]);
        }
        double sum = 0;
        for (int k = 0; k < c; k++) {
            double e = Math.exp(scores[base + k] - max);
            scores[base + k] = e;
            sum += e;
        }
        for (int k = 0; k < c; k++) {
            scores[base + k] /= sum;
        }
        double logTerm = Math.log(scores[base + label] + SoftmaxWithLoss.LOG_GUARD);
        for (int k = 0; k < c; k++) {
            double t = k == label ? 1.0 : 0.0;
            scores[base + k] = (scores[base + k] - t) / batch;
        }
        return logTerm;
    }

    /**
     * The hidden layer's gradient, from dout[j] = Σₖ dScores[o·c + k]·W2[j][k]: for ReLU dout
     * where the unit passed, else 0 (the book's {@code dout[mask] = 0}; a unit is masked exactly
     * when its output is 0); for sigmoid {@code dout·(1 − out)·out}, evaluated in the plain
     * {@code Sigmoid.backward}'s order. Class-major over {@code w2T} (W2 transposed, one array a
     * class), so the inner loop runs over all units and vectorises; each unit's sum still starts
     * from 0 and adds its terms in class order.
     */
    static void hiddenGradientRow(double[] dScores, int c, int o, double[][] w2T, double[] hidden, boolean sigmoid,
                                  double[] dHidden) {
        int sb = o * c;
        int h = w2T[0].length;
        java.util.Arrays.fill(dHidden, 0, h, 0.0);
        for (int k = 0; k < c; k++) {
            double d = dScores[sb + k];
            double[] w = w2T[k];
            for (int j = 0; j < h; j++) {
                dHidden[j] += d * w[j];
            }
        }
        if (sigmoid) {
            for (int j = 0; j < h; j++) {
                double out = hidden[j];
                dHidden[j] = dHidden[j] * (1.0 - out) * out;
            }
        } else {
            for (int j = 0; j < h; j++) {
                dHidden[j] = passedOrZero(hidden[j], dHidden[j]);
            }
        }
    }

    /** rows[k][j] = flat[j·c + k]: a row-major h×c matrix transposed into one array a column. */
    static void transposeToRows(double[] flat, double[][] rows) {
        int c = rows.length;
        for (int k = 0; k < c; k++) {
            double[] r = rows[k];
            for (int j = 0; j < r.length; j++) {
                r[j] = flat[j * c + k];
            }
        }
    }

    /**
     * dW2 = hiddenᵀ·dScores, db2 = Σ dScores, db1 = Σ dHidden over batch rows [0, n). dW2 is
     * built transposed in {@code dW2T} (one array a class, so the inner loop runs over the units
     * and vectorises) and copied out. Each sum starts from +0 and takes its terms in batch order;
     * terms of units at 0 are ±0 (finite scores) and leave it unchanged bit for bit.
     */
    static void smallGradients(double[][] hidden, double[] dScores, double[][] dHidden, int n, int c,
                               double[][] dW2T, double[] dW2, double[] db2, double[] db1) {
        int h = db1.length;
        for (double[] g : dW2T) {
            java.util.Arrays.fill(g, 0.0);
        }
        java.util.Arrays.fill(db2, 0.0);
        java.util.Arrays.fill(db1, 0.0);
        for (int o = 0; o < n; o++) {
            double[] hr = hidden[o];
            double[] dr = dHidden[o];
            int sb = o * c;
            for (int k = 0; k < c; k++) {
                double d = dScores[sb + k];
                double[] g = dW2T[k];
                for (int j = 0; j < h; j++) {
                    g[j] += hr[j] * d;
                }
                db2[k] += d;
            }
            for (int j = 0; j < h; j++) {
                db1[j] += dr[j];
            }
        }
        for (int k = 0; k < c; k++) {
            double[] g = dW2T[k];
            for (int j = 0; j < h; j++) {
                dW2[j * c + k] = g[j];
            }
        }
    }

    /**
     * {@code n} rows of {@code width} values and a cache line of padding each. Rows allocated one
     * after another lie side by side in memory; without the padding, the end of one row and the
     * start of the next share a cache line, and two threads writing neighbouring rows (the two
     * halves of a batch, or their dW1 buffers) would pass that line back and forth on every
     * write (false sharing: measured to cost the two-thread step more than a third).
     */
    static double[][] paddedRows(int n, int width) {
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = new double[width + CACHE_LINE_DOUBLES];
        }
        return rows;
    }

    private static final int CACHE_LINE_DOUBLES = 8;

    /** Copies rows [from, to) of a row-major flat matrix into one array a row. */
    static void toRows(double[] flat, double[][] rows, int from, int to) {
        for (int k = from; k < to; k++) {
            System.arraycopy(flat, k * rows[k].length, rows[k], 0, rows[k].length);
        }
    }
}
