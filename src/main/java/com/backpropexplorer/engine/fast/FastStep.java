package com.backpropexplorer.engine.fast;

import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.Optimizer;
import com.backpropexplorer.engine.TwoLayerNet;
import com.backpropexplorer.engine.WeightsBackup;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * One training step of a {@link TwoLayerNet} (ReLU or sigmoid) on sparse rows, with the numbers
 * of the book's layers:
 * <ul>
 *   <li>x·W1 costs nnz·hidden instead of inputs·hidden per sample ({@link SparseRows}: MNIST is
 *       ~81% zeros), and dW1 = xᵀ·dout sums, for each pixel, only the samples that ink it;</li>
 *   <li>dW1 runs pixel-major over the batch regrouped by pixel ({@link PixelGroups}): each dW1
 *       row is written once per step; x·W1 runs sample by sample, four stored pixels a pass
 *       over the hidden row;</li>
 *   <li>batch rows are read in place by index, never gathered into a copy;</li>
 *   <li>Affine1's dx (batch×784) is never computed: nothing in training reads it;</li>
 *   <li>the small products (h·W2, dout·W2ᵀ, hᵀ·dout) are hand loops with long vectorisable
 *       inner loops;</li>
 *   <li>every buffer is allocated once (and again only when a larger batch arrives), so a step
 *       allocates nothing;</li>
 *   <li>the optimizer's update runs inside the dW1 pass, chunk by chunk while the rows are in
 *       cache ({@link Optimizer#apply} is element by element), which also leaves the helper
 *       thread almost no gap to fall asleep in between steps; W1's rows are double-buffered, so
 *       the rows of the last step are what an undo restores, and no copy of W1 is made for it;</li>
 *   <li>rows that the two threads write side by side are padded to whole cache lines
 *       ({@link TwoLayerLoops#paddedRows}).</li>
 * </ul>
 * Exactness: each sum runs over its terms in the order the plain EJML layers use and only
 * drops exact-zero terms (see {@link TwoLayerLoops}), so loss and gradients equal the plain
 * path's bit for bit, up to the sign of an all-zero sum. With two threads the batch's forward
 * pass is cut into two slices of samples and dW1 into chunks of pixels, which keeps every sum's
 * order, so the result is the same as with one ({@link SharedWork} hands out the chunks).
 *
 * <p>W1 and W2 are read from the step's own copies (one array a row, W2 transposed), which the
 * update keeps current: the step owns the net's parameters while it lives. Not thread-safe: one
 * thread calls it (the optional helper thread only runs inside a call).
 */
final class FastStep {
    private static final int PIXEL_CHUNKS = 8;
    private final DMatrixRMaj w1;
    private final DMatrixRMaj b1;
    private final DMatrixRMaj w2;
    private final DMatrixRMaj b2;
    private final DMatrixRMaj[] params;
    private final DMatrixRMaj[] grads;
    private final Optimizer optimizer;
    /** b1, W2 and b2 from before the last update (W1's are in {@link #spareRows}). */
    private final WeightsBackup backup;
    private final int hidden;
    /** The hidden layer's activation: sigmoid, else ReLU. */
    private final boolean sigmoid;
    private final int classes;
    /** Pixel ranges of dW1 with about equal numbers of stored elements, one a chunk. */
    private final int[] pixelSplits;
    private final int maxRowNonZeros;
    private final SharedWork shared;
    private final SharedWork.Job forwardChunk;
    private final SharedWork.Job gradientChunk;

    /** W1 one array a row, what the forward pass reads. */
    private double[][] w1Rows;
    /**
     * The other set of rows: the update writes the new W1 into it, and then the two sets trade
     * places, so that this one keeps W1 from before the update for {@link #undo}. No separate
     * copy of W1 is made for undoing.
     */
    private double[][] spareRows;
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
    /**
     * The batch's hidden rows transposed (one array a unit), and its scores (one array a class),
     * one set a slice, so that the two threads never write the same arrays.
     */
    private double[][][] hiddenT = new double[0][][];
    private double[][][] scoresT = new double[0][][];
    private double[] rowLogLoss = new double[0];
    private final double[] dW1;
    private final double[] db1;
    private final double[] dW2;
    private final double[] db2;
    // the current batch, published to the helper by SharedWork's volatile hand-over
    private SparseRows x;
    private int[] rows;
    private int[] labels;
    private int count;
    private boolean forwardDone;
    private boolean fusedUpdate;

    /**
     * @param typical the data set the batches come from (dW1's chunks are balanced on it)
     * @param shared the helper thread to split each step with, or null for one thread
     */
    FastStep(TwoLayerNet net, Optimizer optimizer, SparseRows typical, SharedWork shared) {
        if (!FastAccuracy.supports(net)) {
            throw new IllegalArgumentException("the fast step knows ReLU and sigmoid nets, not " + net.activation());
        }
        if (typical.numCols() != net.inputSize()) {
            throw new IllegalArgumentException("the samples have " + typical.numCols() + " values, the net takes "
                    + net.inputSize());
        }
        Map<String, DMatrixRMaj> named = net.params();
        this.w1 = named.get("W1");
        this.b1 = named.get("b1");
        this.w2 = named.get("W2");
        this.b2 = named.get("b2");
        this.params = new DMatrixRMaj[] {w1, b1, w2, b2};
        this.grads = new DMatrixRMaj[params.length];
        for (int k = 0; k < params.length; k++) {
            grads[k] = new DMatrixRMaj(params[k].numRows, params[k].numCols);
        }
        this.dW1 = grads[0].data;
        this.db1 = grads[1].data;
        this.dW2 = grads[2].data;
        this.db2 = grads[3].data;
        this.optimizer = optimizer;
        this.backup = new WeightsBackup(new DMatrixRMaj[] {b1, w2, b2});
        this.hidden = net.hiddenSize();
        this.sigmoid = net.activation() == Activation.SIGMOID;
        this.classes = net.outputSize();
        this.maxRowNonZeros = typical.maxRowNonZeros();
        this.pixelSplits = balancedPixelSplits(typical, PIXEL_CHUNKS);
        this.w1Rows = new double[net.inputSize()][hidden];
        this.spareRows = new double[net.inputSize()][hidden];
        int threads = shared == null ? 1 : 2;
        this.dW1Row = TwoLayerLoops.paddedRows(threads, hidden);
        this.w2T = new double[classes][hidden];
        this.dW2T = new double[classes][hidden];
        this.slices = new PixelGroups[threads];
        for (int i = 0; i < threads; i++) {
            slices[i] = new PixelGroups(net.inputSize());
        }
        this.shared = shared;
        this.forwardChunk = (chunk, thread) -> forwardSlice(chunk);
        this.gradientChunk = (chunk, thread) -> {
            if (chunk == PIXEL_CHUNKS) {
                smallGradients();
                if (fusedUpdate) {
                    updateSmall();
                }
            } else {
                int from = pixelSplits[chunk];
                int to = pixelSplits[chunk + 1];
                weightGradient(from, to, thread);
                if (fusedUpdate) {
                    updateW1(from, to);
                }
            }
        };
        loadWeights();
    }

    /**
     * The forward pass on rows {@code rows[0..count)} of {@code x} (labels {@code labels[row]}):
     * the batch's loss, with what the backward pass needs kept.
     */
    double forward(SparseRows x, int[] rows, int count, int[] labels) {
        if (count < 1 || count > rows.length) {
            throw new IllegalArgumentException("count " + count + " is not in 1.." + rows.length);
        }
        ensureCapacity(count);
        this.x = x;
        this.rows = rows;
        this.labels = labels;
        this.count = count;
        if (shared == null) {
            forwardSlice(0);
        } else {
            shared.run(forwardChunk, slices.length);
        }
        forwardDone = true;
        double sum = 0;
        for (int o = 0; o < count; o++) {
            sum += rowLogLoss[o];
        }
        return -sum / count;
    }

    /** The gradients of the last forward's loss, in {@link #gradient}, without an update. */
    void backward() {
        gradients(false);
    }

    /**
     * The gradients of the last forward's loss and the optimizer's step, fused: each chunk of
     * W1 is moved by the optimizer and written into the spare rows, which then become the rows
     * the next forward pass reads, while the rows it replaces keep the old W1 for {@link #undo};
     * b1, W2 and b2 are saved, then moved.
     */
    void update() {
        optimizer.begin(params);
        gradients(true);
        double[][] old = w1Rows;
        w1Rows = spareRows;
        spareRows = old;
        backup.saved();
    }

    /** Puts back the weights from before the last {@link #update}. */
    void undo() {
        backup.restore();
        for (int k = 0; k < spareRows.length; k++) {
            System.arraycopy(spareRows[k], 0, w1.data, k * hidden, hidden);
        }
        loadWeights();
    }

    /** dW1, db1, dW2 or db2 (by the parameter's name) of the last backward pass; the step's own matrix. */
    DMatrixRMaj gradient(String name) {
        return grads[TwoLayerNet.PARAM_NAMES.indexOf(name)];
    }

    private void loadWeights() {
        TwoLayerLoops.toRows(w1.data, w1Rows, 0, w1Rows.length);
        TwoLayerLoops.transposeToRows(w2.data, w2T);
    }

    /** The gradient job, with the optimizer's step fused in when {@code update}. */
    private void gradients(boolean update) {
        if (!forwardDone) {
            throw new IllegalStateException("a step's gradients need its forward pass first");
        }
        forwardDone = false;
        this.fusedUpdate = update;
        if (shared == null) {
            for (int chunk = 0; chunk <= PIXEL_CHUNKS; chunk++) {
                gradientChunk.run(chunk, 0);
            }
        } else {
            shared.run(gradientChunk, PIXEL_CHUNKS + 1);
        }
    }

    /**
     * W1 rows [from, to): step, and write the new rows into the spare set (the current set keeps
     * the old values, so nothing is copied for undoing). Two simple passes over the chunk (about
     * 40 KB, still in cache from dW1), each one that C2 vectorises or turns into a block copy; one
     * fused loop over four arrays did not vectorise and was slower.
     */
    private void updateW1(int from, int to) {
        int start = from * hidden;
        int end = to * hidden;
        optimizer.apply(0, w1.data, dW1, start, end);
        TwoLayerLoops.toRows(w1.data, spareRows, from, to);
    }

    /** b1, W2, b2: keep the old values, step, and refresh the transposed W2. */
    private void updateSmall() {
        for (int k = 1; k < params.length; k++) {
            int n = params[k].getNumElements();
            backup.save(k - 1, 0, n);
            optimizer.apply(k, params[k].data, grads[k].data, 0, n);
        }
        TwoLayerLoops.transposeToRows(w2.data, w2T);
    }

    /** Forward, softmax, loss terms and the hidden layer's gradient for one slice of the batch. */
    private void forwardSlice(int slice) {
        int from = slice * count / slices.length;
        int to = (slice + 1) * count / slices.length;
        double[] b1d = b1.data;
        double[] w2d = w2.data;
        double[] b2d = b2.data;
        slices[slice].group(x, rows, from, to);
        for (int o = from; o < to; o++) {
            TwoLayerLoops.hiddenRow(x, rows[o], w1Rows, b1d, sigmoid, hiddenOut[o]);
        }
        TwoLayerLoops.scoresRows(hiddenOut, hiddenT[slice], w2d, b2d, classes, scoresT[slice], dScores, from, to);
        for (int o = from; o < to; o++) {
            rowLogLoss[o] = TwoLayerLoops.softmaxLossBackwardRow(dScores, classes, o, labels[rows[o]], count);
            TwoLayerLoops.hiddenGradientRow(dScores, classes, o, w2T, hiddenOut[o], sigmoid, dHidden[o]);
        }
    }

    private void smallGradients() {
        TwoLayerLoops.smallGradients(hiddenOut, dScores, dHidden, count, classes, dW2T, dW2, db2, db1);
    }

    private void weightGradient(int pixelFrom, int pixelTo, int thread) {
        TwoLayerLoops.inputWeightGradient(slices, slices.length, dHidden, dW1Row[thread], hidden, dW1, pixelFrom,
                pixelTo);
    }

    private void ensureCapacity(int n) {
        if (rowLogLoss.length < n) {
            hiddenOut = TwoLayerLoops.paddedRows(n, hidden);
            dScores = new double[n * classes];
            dHidden = TwoLayerLoops.paddedRows(n, hidden);
            hiddenT = new double[slices.length][hidden][n];
            scoresT = new double[slices.length][classes][n];
            rowLogLoss = new double[n];
            for (PixelGroups slice : slices) {
                slice.reserve(n * maxRowNonZeros); // any batch of n rows fits: steady state allocates nothing
            }
        }
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
}
