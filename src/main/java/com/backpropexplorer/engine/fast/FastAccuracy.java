package com.backpropexplorer.engine.fast;

import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.TwoLayerNet;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.ejml.data.DMatrixRMaj;

/**
 * {@code TwoLayerNet.accuracy} of a ReLU or sigmoid net over a whole data set, fast: the samples are
 * {@link SparseRows}, so x·W1 touches only the stored pixels, and each row goes
 * x → hidden → scores → argmax through two small reusable buffers instead of materialising
 * (and, in the plain layers, copying) N×784, N×50 and N×10 matrices. With two threads each
 * takes chunks of rows until none are left.
 *
 * <p>Exact: the scores are the plain {@code predict}'s bit for bit (same summation order, only
 * exact-zero terms dropped, see {@link TwoLayerLoops}) and ties go to the first class as in
 * {@code Matrices.argmaxRows}, so the count of right answers is the plain one.
 *
 * <p>Reads the net's live parameters at every call. Not thread-safe.
 */
final class FastAccuracy {
    private final DMatrixRMaj w1;
    private final DMatrixRMaj b1;
    private final DMatrixRMaj w2;
    private final DMatrixRMaj b2;
    private final int hidden;
    private final int classes;
    private final boolean sigmoid;
    private static final int CHUNKS = 32;

    private final Part[] parts;
    private final int[] chunkRight = new int[CHUNKS];
    private final SharedWork shared;
    private final SharedWork.Job chunkJob;
    private SparseRows rowsToCount;
    private int[] labelsToCount;
    /** Where each row's predicted class goes during {@link #predictions}, else null. */
    private int[] predictedOut;
    private BooleanSupplier stop;
    private final double[][] w1Rows;

    /** @param shared the helper thread to split the rows with, or null for one thread */
    FastAccuracy(TwoLayerNet net, SharedWork shared) {
        if (!supports(net)) {
            throw new IllegalArgumentException("the fast accuracy knows ReLU and sigmoid, not " + net.activation());
        }
        int threads = shared == null ? 1 : 2;
        this.w1 = net.params().get("W1");
        this.b1 = net.params().get("b1");
        this.w2 = net.params().get("W2");
        this.b2 = net.params().get("b2");
        this.hidden = net.hiddenSize();
        this.sigmoid = net.activation() == Activation.SIGMOID;
        this.w1Rows = new double[net.inputSize()][hidden];
        this.classes = net.outputSize();
        this.parts = new Part[threads];
        for (int i = 0; i < threads; i++) {
            parts[i] = new Part();
        }
        this.shared = shared;
        this.chunkJob = (chunk, thread) -> countChunk(chunk, parts[thread]);
    }

    /** True for the nets the fast path computes: those with a ReLU or a sigmoid hidden layer. */
    static boolean supports(TwoLayerNet net) {
        return net.activation() == Activation.RELU || net.activation() == Activation.SIGMOID;
    }

    /** One-off single-threaded accuracy (allocates two small buffers). */
    static double of(TwoLayerNet net, SparseRows x, int[] labels) {
        return new FastAccuracy(net, null).of(x, labels);
    }

    /** The fraction of rows whose largest score is the label (0 for no rows). */
    double of(SparseRows x, int[] labels) {
        return labels.length == 0 ? 0 : (double) correct(x, labels) / labels.length;
    }

    /**
     * The accuracy, asking {@code stop} between chunks of rows (1/32 of the set each).
     *
     * @throws CancellationException when {@code stop} answers true
     */
    double of(SparseRows x, int[] labels, BooleanSupplier stop) {
        return labels.length == 0 ? 0 : (double) correct(x, labels, stop) / labels.length;
    }

    /**
     * The predicted class of every row (ties to the first class), asking {@code stop} between
     * chunks; the same pass that {@link #of} counts.
     *
     * @throws CancellationException when {@code stop} answers true
     */
    int[] predictions(SparseRows x, int[] labels, BooleanSupplier stop) {
        int[] out = new int[labels.length];
        predictedOut = out;
        try {
            correct(x, labels, stop);
        } finally {
            predictedOut = null;
        }
        return out;
    }

    /** How many rows' largest score is their label. */
    int correct(SparseRows x, int[] labels) {
        return correct(x, labels, () -> false);
    }

    private int correct(SparseRows x, int[] labels, BooleanSupplier stop) {
        if (x.numRows() != labels.length || x.numCols() != w1.numRows) {
            throw new IllegalArgumentException(x.numRows() + "×" + x.numCols() + " samples with " + labels.length
                    + " labels for a net of " + w1.numRows + " inputs");
        }
        TwoLayerLoops.toRows(w1.data, w1Rows, 0, w1Rows.length);
        rowsToCount = x;
        labelsToCount = labels;
        this.stop = stop;
        try {
            if (shared == null) {
                for (int chunk = 0; chunk < CHUNKS; chunk++) {
                    countChunk(chunk, parts[0]);
                }
            } else {
                shared.run(chunkJob, CHUNKS);
            }
        } finally {
            rowsToCount = null;
            labelsToCount = null;
            this.stop = null;
        }
        int right = 0;
        for (int r : chunkRight) {
            right += r;
        }
        return right;
    }

    private void countChunk(int chunk, Part part) {
        if (stop.getAsBoolean()) {
            throw new CancellationException("accuracy pass cancelled");
        }
        int n = rowsToCount.numRows();
        chunkRight[chunk] = part.count(rowsToCount, labelsToCount,
                (int) ((long) chunk * n / CHUNKS), (int) ((long) (chunk + 1) * n / CHUNKS));
    }

    /** One thread's buffers. */
    private final class Part {
        private final double[] hiddenOut = new double[hidden];
        private final double[] scores = new double[classes];

        int count(SparseRows x, int[] labels, int from, int to) {
            double[] b1d = b1.data;
            double[] w2d = w2.data;
            double[] b2d = b2.data;
            int[] out = predictedOut;
            int right = 0;
            for (int r = from; r < to; r++) {
                TwoLayerLoops.hiddenRow(x, r, w1Rows, b1d, sigmoid, hiddenOut);
                TwoLayerLoops.scoresRow(hiddenOut, w2d, b2d, classes, scores, 0);
                int guess = TwoLayerLoops.argmaxRow(scores, classes, 0);
                if (out != null) {
                    out[r] = guess;
                }
                if (guess == labels[r]) {
                    right++;
                }
            }
            return right;
        }
    }
}
