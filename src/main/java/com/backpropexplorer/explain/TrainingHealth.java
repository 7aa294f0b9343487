package com.backpropexplorer.explain;

import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.TwoLayerNet;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * Is the training healthy? Measured every {@code every} updates on the training thread (which
 * owns the net), from a listener's {@code onIteration}:
 * <ul>
 *   <li>per parameter, the size of one update relative to the weights, log10(‖ΔW‖/‖W‖)
 *       (Frobenius norms): around −3 is a common rule of thumb; far below, the rate is too
 *       small to move anything, near 0 the update rewrites the weights each step. A parameter
 *       whose norm is 0 (the biases before their first update) has no value there (NaN);</li>
 *   <li>the share of hidden ReLU units that never fire on a fixed batch ("dead" units: their
 *       x·W1 + b1 ≤ 0 for every sample, so no gradient reaches their weights). NaN for sigmoid.</li>
 * </ul>
 * To measure update i it copies the parameters after update i − 1. Not thread-safe: the
 * training thread records, and {@link #snapshot} (also on it) hands out copies.
 */
public final class TrainingHealth {
    /** An immutable copy of what was measured. */
    public record Series(int[] iterations, double[][] log10Ratio, double[] deadShare) {
        public int size() {
            return iterations.length;
        }
    }

    private final TwoLayerNet net;
    private final DMatrixRMaj probe;
    private final int every;
    private DMatrixRMaj[] before;
    private int[] iterations = new int[16];
    private double[][] ratios = new double[TwoLayerNet.PARAM_NAMES.size()][16];
    private double[] dead = new double[16];
    private int size;

    /**
     * @param net the net being trained (read on the training thread only)
     * @param probe the fixed batch the dead units are counted on, one sample a row
     * @param every measure every this-many updates (at least 2)
     */
    public TrainingHealth(TwoLayerNet net, DMatrixRMaj probe, int every) {
        if (every < 2) {
            throw new IllegalArgumentException("measure every 2 updates or more, not " + every);
        }
        this.net = net;
        this.probe = probe;
        this.every = every;
    }

    /** Call after update {@code iteration} (from 0), as {@code onIteration} is. */
    public void afterUpdate(int iteration) {
        if (before != null && iteration % every == 0) {
            record(iteration);
            before = null;
        }
        if ((iteration + 1) % every == 0) {
            before = copies();
        }
    }

    private DMatrixRMaj[] copies() {
        DMatrixRMaj[] out = new DMatrixRMaj[TwoLayerNet.PARAM_NAMES.size()];
        int k = 0;
        for (String name : TwoLayerNet.PARAM_NAMES) {
            out[k++] = net.params().get(name).copy();
        }
        return out;
    }

    private void record(int iteration) {
        if (size == iterations.length) {
            iterations = Arrays.copyOf(iterations, size * 2);
            dead = Arrays.copyOf(dead, size * 2);
            for (int k = 0; k < ratios.length; k++) {
                ratios[k] = Arrays.copyOf(ratios[k], size * 2);
            }
        }
        iterations[size] = iteration;
        int k = 0;
        for (String name : TwoLayerNet.PARAM_NAMES) {
            ratios[k][size] = log10Ratio(before[k], net.params().get(name));
            k++;
        }
        dead[size] = deadShare(net, probe);
        size++;
    }

    /** log10(‖after − before‖ / ‖after‖), NaN when either norm is 0. */
    static double log10Ratio(DMatrixRMaj before, DMatrixRMaj after) {
        double change = 0;
        double norm = 0;
        for (int i = 0; i < after.data.length; i++) {
            double d = after.data[i] - before.data[i];
            change += d * d;
            norm += after.data[i] * after.data[i];
        }
        return change == 0 || norm == 0 ? Double.NaN : 0.5 * Math.log10(change / norm);
    }

    /** The share of hidden ReLU units whose output is 0 for every row of {@code x}; NaN for sigmoid. */
    public static double deadShare(TwoLayerNet net, DMatrixRMaj x) {
        if (net.activation() != Activation.RELU) {
            return Double.NaN;
        }
        DMatrixRMaj a = ActivationHistogram.hidden(net, x);
        int deadUnits = 0;
        for (int c = 0; c < a.numCols; c++) {
            boolean fires = false;
            for (int r = 0; r < a.numRows && !fires; r++) {
                fires = a.data[r * a.numCols + c] > 0;
            }
            if (!fires) {
                deadUnits++;
            }
        }
        return (double) deadUnits / a.numCols;
    }

    /** How many measurements there are. */
    public int size() {
        return size;
    }

    public Series snapshot() {
        double[][] r = new double[ratios.length][];
        for (int k = 0; k < ratios.length; k++) {
            r[k] = Arrays.copyOf(ratios[k], size);
        }
        return new Series(Arrays.copyOf(iterations, size), r, Arrays.copyOf(dead, size));
    }
}
