package com.backpropexplorer.explain;

import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.TwoLayerNet;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * How the hidden layer's activations spread over a batch of inputs (the histograms of book
 * §6.2): the outputs of Relu1 (or Sigmoid1) for every sample and every hidden unit, counted in
 * {@link #BINS} equal bins over [0, 1]; values of 1 and above (a ReLU's) go into the last bin
 * and are also counted in {@link #overflow}. With the book's std 0.01 they crowd into the first
 * bin; with Xavier or He they spread out. Immutable.
 *
 * @param counts how many activations fall in each bin
 * @param overflow how many of the last bin's are 1 or above
 * @param total samples × hidden units
 */
public record ActivationHistogram(int[] counts, int overflow, int total) {
    /** Bins over [0, 1], as the book's figures. */
    public static final int BINS = 20;

    public ActivationHistogram {
        counts = counts.clone();
    }

    @Override
    public int[] counts() {
        return counts.clone();
    }

    /** The hidden activations of {@code net} for the rows of {@code x}, counted. */
    public static ActivationHistogram of(TwoLayerNet net, DMatrixRMaj x) {
        DMatrixRMaj a = hidden(net, x);
        int[] counts = new int[BINS];
        int overflow = 0;
        for (double v : a.data) {
            int bin = (int) Math.floor(v * BINS);
            if (v >= 1) {
                overflow++;
            }
            counts[Math.max(0, Math.min(BINS - 1, bin))]++;
        }
        return new ActivationHistogram(counts, overflow, a.data.length);
    }

    /** The hidden layer's output for each row of x: the activation of x·W1 + b1. */
    static DMatrixRMaj hidden(TwoLayerNet net, DMatrixRMaj x) {
        DMatrixRMaj w1 = net.params().get("W1");
        DMatrixRMaj b1 = net.params().get("b1");
        DMatrixRMaj a = new DMatrixRMaj(x.numRows, w1.numCols);
        CommonOps_DDRM.mult(x, w1, a);
        boolean relu = net.activation() == Activation.RELU;
        for (int r = 0; r < a.numRows; r++) {
            for (int c = 0; c < a.numCols; c++) {
                int i = r * a.numCols + c;
                double v = a.data[i] + b1.data[c];
                a.data[i] = relu ? Math.max(0, v) : 1 / (1 + Math.exp(-v));
            }
        }
        return a;
    }

    /** The share of all activations in bin {@code bin} (the last bin's includes those of 1 and above). */
    public double share(int bin) {
        return total == 0 ? 0 : (double) counts[bin] / total;
    }

    /**
     * The share of all activations whose value lies in bin {@code bin} itself, [bin / BINS,
     * (bin + 1) / BINS): without those of 1 and above in the last bin, as the book's figures show
     * only the range from 0 to 1.
     */
    public double shareInRange(int bin) {
        int above = bin == BINS - 1 ? overflow : 0;
        return total == 0 ? 0 : (double) (counts[bin] - above) / total;
    }

    /** The share of all activations of 1 and above (a ReLU's), which no bin of [0, 1) holds. */
    public double overflowShare() {
        return total == 0 ? 0 : (double) overflow / total;
    }
}
