package com.backpropexplorer.engine;

import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * The training step of a ReLU {@link TwoLayerNet} that knows the shape of its work, with the
 * same numbers as {@link PlainGradientKernel}:
 * <ul>
 *   <li>the training set is kept as {@link SparseRows}: x·W1 costs nnz·hidden instead of
 *       inputs·hidden per sample (MNIST is ~81% zeros), and dW1 = xᵀ·dout sums, for each pixel,
 *       only the samples where it is inked;</li>
 *   <li>dW1 runs pixel-major over the batch regrouped by pixel ({@link PixelGroups}): each dW1
 *       row is written once per step; x·W1 runs sample by sample, four stored pixels a pass
 *       over the hidden row (measured faster than pixel-major with the compact rows: 105 against
 *       150 µs a batch);</li>
 *   <li>batch rows are read in place by index, never gathered into a copy;</li>
 *   <li>Affine1's dx (batch×784) is never computed: nothing in training reads it;</li>
 *   <li>the small products (h·W2, dout·W2ᵀ, hᵀ·dout) are hand loops that skip the hidden units
 *       ReLU cut to 0;</li>
 *   <li>every buffer is allocated once (and again only when a larger batch arrives), so a step
 *       allocates nothing.</li>
 * </ul>
 * Exactness: each sum runs over its terms in the order the plain EJML layers use and only
 * drops exact-zero terms (see {@link TwoLayerLoops}), so loss and gradients equal the plain
 * kernel's bit for bit, up to the sign of an all-zero sum. With two threads the batch's forward
 * pass is cut into two slices of samples and dW1 into chunks of pixels, which keeps every sum's order,
 * so the result is the same as with one ({@link SharedWork} hands out the chunks).
 *
 * <p>Reads the net's live parameters at every call. Not thread-safe: one thread calls it (the
 * optional helper thread only runs inside a call). {@link #close()} ends the helper.
 */
public final class FastGradientKernel implements GradientKernel, AutoCloseable {
    private static final int PIXEL_CHUNKS = 4;
    private final DMatrixRMaj w1;
    private final DMatrixRMaj b1;
    private final DMatrixRMaj w2;
    private final DMatrixRMaj b2;
    private final SparseRows x;
    private final int[] labels;
    private final int hidden;
    private final int classes;
    /** Pixel ranges of dW1 with about equal numbers of stored elements, one a chunk. */
    private final int[] pixelSplits;
    private final int maxRowNonZeros;
    private final SharedWork shared;
    private final SharedWork.Job forwardChunk;
    private final SharedWork.Job gradientChunk;

    private final double[][] w1Rows;
    /** W2 transposed, one array a class. */
    private final double[][] w2T;
    /** dW2 transposed, one array a class. */
    private final double[][] dW2T;
    /** One dW1 row being built, one buffer a thread. */
    private final double[][] dW1Row;
    /** The batch regrouped by pixel, one slice of samples per forward chunk. */
    private final PixelGroups[] slices;
    private double[][] hiddenOut = new double[0][];
    private double[] dScores = new double[0];
    private double[][] dHidden = new double[0][];
    /** The batch's hidden rows transposed (one array a unit), and its scores (one array a class). */
    private double[][] hiddenT = new double[0][];
    private double[][] scoresT = new double[0][];
    private double[] rowLogLoss = new double[0];
    // the current call's batch, published to the helper by SharedWork's volatile hand-over
    private int[] rows;
    private int count;
    private double[] dW1;
    private double[] dW2;
    private double[] db2;
    private double[] db1;

    /** A single-threaded kernel over a dense training set (converted to sparse rows once). */
    public FastGradientKernel(TwoLayerNet net, DMatrixRMaj xTrain, int[] labels) {
        this(net, SparseRows.of(xTrain), labels, 1);
    }

    /**
     * @param xTrain  the training set, one sample a row
     * @param labels  one class per row
     * @param threads 1, or 2 to split each step with a persistent helper thread
     */
    public FastGradientKernel(TwoLayerNet net, SparseRows xTrain, int[] labels, int threads) {
        if (!supports(net)) {
            throw new IllegalArgumentException("the fast kernel knows ReLU only, not " + net.activation());
        }
        if (xTrain.numCols() != net.inputSize() || labels.length != xTrain.numRows()) {
            throw new IllegalArgumentException("the training set is " + xTrain.numRows() + "×" + xTrain.numCols()
                    + " with " + labels.length + " labels, the net takes " + net.inputSize() + " inputs");
        }
        if (threads != 1 && threads != 2) {
            throw new IllegalArgumentException("threads must be 1 or 2, not " + threads);
        }
        Map<String, DMatrixRMaj> params = net.params();
        this.w1 = params.get("W1");
        this.b1 = params.get("b1");
        this.w2 = params.get("W2");
        this.b2 = params.get("b2");
        this.x = xTrain;
        this.labels = labels;
        this.hidden = net.hiddenSize();
        this.classes = net.outputSize();
        this.maxRowNonZeros = xTrain.maxRowNonZeros();
        this.pixelSplits = balancedPixelSplits(xTrain, threads == 1 ? 1 : PIXEL_CHUNKS);
        this.w1Rows = new double[net.inputSize()][hidden];
        this.dW1Row = new double[threads][hidden];
        this.w2T = new double[classes][hidden];
        this.dW2T = new double[classes][hidden];
        this.slices = new PixelGroups[threads];
        for (int i = 0; i < threads; i++) {
            slices[i] = new PixelGroups(net.inputSize());
        }
        this.shared = threads == 2 ? new SharedWork("fast-gradient-kernel") : null;
        this.forwardChunk = (chunk, thread) -> forwardBackward(chunk);
        this.gradientChunk = (chunk, thread) -> {
            if (chunk == PIXEL_CHUNKS) {
                smallGradients();
            } else {
                weightGradient(pixelSplits[chunk], pixelSplits[chunk + 1], thread);
            }
        };
    }

    /** True for the nets this kernel computes: ReLU ones (sigmoid nets take the plain path). */
    public static boolean supports(TwoLayerNet net) {
        return net.activation() == Activation.RELU;
    }

    /** The number of threads a step runs on. */
    public int threads() {
        return shared == null ? 1 : 2;
    }

    @Override
    public double lossAndGradient(int[] rows, int count, Map<String, DMatrixRMaj> grads) {
        DMatrixRMaj gW1 = checked(grads, "W1", w1);
        DMatrixRMaj gb1 = checked(grads, "b1", b1);
        DMatrixRMaj gW2 = checked(grads, "W2", w2);
        DMatrixRMaj gb2 = checked(grads, "b2", b2);
        if (count < 1 || count > rows.length) {
            throw new IllegalArgumentException("count " + count + " is not in 1.." + rows.length);
        }
        ensureCapacity(count);
        this.rows = rows;
        this.count = count;
        this.dW1 = gW1.data;
        this.dW2 = gW2.data;
        this.db2 = gb2.data;
        this.db1 = gb1.data;
        TwoLayerLoops.toRows(w1.data, w1Rows, 0, w1Rows.length);
        TwoLayerLoops.transposeToRows(w2.data, w2T);
        if (shared == null) {
            forwardBackward(0);
            weightGradient(0, x.numCols(), 0);
            smallGradients();
        } else {
            shared.run(forwardChunk, slices.length);
            shared.run(gradientChunk, PIXEL_CHUNKS + 1);
        }
        double sum = 0;
        for (int o = 0; o < count; o++) {
            sum += rowLogLoss[o];
        }
        return -sum / count;
    }

    /** Forward, softmax, loss terms and the hidden layer's gradient for one slice of the batch. */
    private void forwardBackward(int slice) {
        int from = slice * count / slices.length;
        int to = (slice + 1) * count / slices.length;
        double[] b1d = b1.data;
        double[] w2d = w2.data;
        double[] b2d = b2.data;
        slices[slice].group(x, rows, from, to);
        for (int o = from; o < to; o++) {
            TwoLayerLoops.hiddenRow(x, rows[o], w1Rows, b1d, hiddenOut[o]);
        }
        TwoLayerLoops.scoresRows(hiddenOut, hiddenT, w2d, b2d, classes, scoresT, dScores, from, to);
        for (int o = from; o < to; o++) {
            int r = rows[o];
            rowLogLoss[o] = TwoLayerLoops.softmaxLossBackwardRow(dScores, classes, o, labels[r], count);
            TwoLayerLoops.hiddenGradientRow(dScores, classes, o, w2T, hiddenOut[o], dHidden[o]);
        }
    }

    private void smallGradients() {
        TwoLayerLoops.smallGradients(hiddenOut, dScores, dHidden, count, classes, dW2T, dW2, db2, db1);
    }

    private void weightGradient(int pixelFrom, int pixelTo, int thread) {
        TwoLayerLoops.inputWeightGradient(slices, slices.length, dHidden, dW1Row[thread], dW1, pixelFrom, pixelTo);
    }

    private void ensureCapacity(int n) {
        if (rowLogLoss.length < n) {
            hiddenOut = new double[n][hidden];
            dScores = new double[n * classes];
            dHidden = new double[n][hidden];
            hiddenT = new double[hidden][n];
            scoresT = new double[classes][n];
            rowLogLoss = new double[n];
            for (PixelGroups slice : slices) {
                slice.reserve(n * maxRowNonZeros); // any batch of n rows fits: steady state allocates nothing
            }
        }
    }

    private static DMatrixRMaj checked(Map<String, DMatrixRMaj> grads, String name, DMatrixRMaj param) {
        DMatrixRMaj g = grads.get(name);
        if (g == null || g.numRows != param.numRows || g.numCols != param.numCols) {
            throw new IllegalArgumentException("grads needs " + name + " of shape " + Matrices.shape(param)
                    + (g == null ? "" : ", not " + Matrices.shape(g)));
        }
        return g;
    }

    /** Pixel boundaries 0 = s[0] < … < s[parts] = inputs splitting the stored elements evenly. */
    private static int[] balancedPixelSplits(SparseRows x, int parts) {
        long[] perColumn = new long[x.numCols()];
        for (int p = 0, n = x.nonZeros(); p < n; p++) {
            perColumn[x.columns[p]]++;
        }
        int[] splits = new int[parts + 1];
        splits[parts] = x.numCols();
        long seen = 0;
        int part = 1;
        for (int c = 0; c < x.numCols() && part < parts; c++) {
            seen += perColumn[c];
            while (part < parts && seen * parts >= (long) part * x.nonZeros()) {
                splits[part++] = c + 1;
            }
        }
        while (part < parts) {
            splits[part++] = x.numCols();
        }
        return splits;
    }

    /** Ends the helper thread, if any; the kernel must not be used afterwards. */
    @Override
    public void close() {
        if (shared != null) {
            shared.close();
        }
    }
}
