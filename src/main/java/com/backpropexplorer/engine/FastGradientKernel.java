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
 *       allocates nothing;</li>
 *   <li>for SGD, {@link #forwardStep} and {@link #completeSgdStep} fuse the update (and the
 *       copy kept for undoing it) into the dW1 pass, chunk by chunk while the rows are in cache,
 *       which also leaves the helper thread almost no gap to fall asleep in between steps;</li>
 *   <li>rows that the two threads write side by side are padded to whole cache lines
 *       ({@link TwoLayerLoops#paddedRows}).</li>
 * </ul>
 * Exactness: each sum runs over its terms in the order the plain EJML layers use and only
 * drops exact-zero terms (see {@link TwoLayerLoops}), so loss and gradients equal the plain
 * kernel's bit for bit, up to the sign of an all-zero sum. With two threads the batch's forward
 * pass is cut into two slices of samples and dW1 into chunks of pixels, which keeps every sum's order,
 * so the result is the same as with one ({@link SharedWork} hands out the chunks).
 *
 * <p>{@link #lossAndGradient} reads the net's live parameters at every call ({@link #forwardStep}
 * keeps its own copies current instead; see there). Not thread-safe: one thread calls it (the
 * optional helper thread only runs inside a call). {@link #close()} ends the helper.
 */
public final class FastGradientKernel implements GradientKernel, AutoCloseable {
    private static final int PIXEL_CHUNKS = 8;
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
    /**
     * The batch's hidden rows transposed (one array a unit), and its scores (one array a class),
     * one set a slice, so that the two threads never write the same arrays.
     */
    private double[][][] hiddenT = new double[0][][];
    private double[][][] scoresT = new double[0][][];
    private double[] rowLogLoss = new double[0];
    // the current call's batch, published to the helper by SharedWork's volatile hand-over
    private int[] rows;
    private int count;
    private double[] dW1;
    private double[] dW2;
    private double[] db2;
    private double[] db1;
    // the fused SGD step's state (see forwardStep)
    private boolean weightsLoaded;
    private boolean forwardPending;
    private boolean fusedUpdate;
    private double learningRate;
    private double[] previousW1;
    private double[] previousB1;
    private double[] previousW2;
    private double[] previousB2;

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
        this.pixelSplits = balancedPixelSplits(xTrain, PIXEL_CHUNKS);
        this.w1Rows = new double[net.inputSize()][hidden];
        this.dW1Row = TwoLayerLoops.paddedRows(threads, hidden);
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
        setGradients(grads);
        begin(rows, count);
        loadWeights();
        double loss = forward();
        gradients(false);
        return loss;
    }

    /**
     * The first half of a fused SGD step: the forward pass on batch rows {@code rows[0..count)}
     * and its loss, which the caller checks before {@link #completeSgdStep} updates anything.
     * Together the two do what {@link #lossAndGradient} and {@link SgdUpdate} do, bit for bit,
     * with the update and the copy of the old values run in the same parallel pass as dW1
     * instead of one after another on the caller.
     *
     * <p>W1 and W2 are read from the kernel's own copies, which the previous
     * {@link #completeSgdStep} brought up to date: call {@link #weightsChanged()} after anything
     * else changes the net's parameters between steps.
     *
     * @return the loss of the batch before the update
     */
    public double forwardStep(int[] rows, int count) {
        begin(rows, count);
        if (!weightsLoaded) {
            loadWeights();
        }
        weightsLoaded = false; // until the update below brings the copies up to date again
        double loss = forward();
        forwardPending = true;
        return loss;
    }

    /**
     * The second half of a fused SGD step, after {@link #forwardStep}: writes the gradients into
     * {@code grads}, keeps the parameters' values in {@code previous} (W1, b1, W2, b2, the order
     * of {@link TwoLayerNet#PARAM_NAMES}; for undoing the step), then moves every parameter by
     * {@code −learningRate·gradient}.
     */
    public void completeSgdStep(Map<String, DMatrixRMaj> grads, double learningRate, DMatrixRMaj[] previous) {
        if (!forwardPending) {
            throw new IllegalStateException("completeSgdStep needs a forwardStep first");
        }
        forwardPending = false;
        setGradients(grads);
        if (previous.length != 4 || !sameShape(w1, previous[0]) || !sameShape(b1, previous[1])
                || !sameShape(w2, previous[2]) || !sameShape(b2, previous[3])) {
            throw new IllegalArgumentException("previous needs W1, b1, W2 and b2 in that order, shaped like the net's");
        }
        this.learningRate = learningRate;
        this.previousW1 = previous[0].data;
        this.previousB1 = previous[1].data;
        this.previousW2 = previous[2].data;
        this.previousB2 = previous[3].data;
        gradients(true);
        weightsLoaded = true;
    }

    /** Tells the kernel that the net's parameters changed since the last step (see {@link #forwardStep}). */
    public void weightsChanged() {
        weightsLoaded = false;
    }

    private void setGradients(Map<String, DMatrixRMaj> grads) {
        this.dW1 = checked(grads, "W1", w1).data;
        this.db1 = checked(grads, "b1", b1).data;
        this.dW2 = checked(grads, "W2", w2).data;
        this.db2 = checked(grads, "b2", b2).data;
    }

    private void begin(int[] rows, int count) {
        if (count < 1 || count > rows.length) {
            throw new IllegalArgumentException("count " + count + " is not in 1.." + rows.length);
        }
        forwardPending = false;
        ensureCapacity(count);
        this.rows = rows;
        this.count = count;
    }

    private void loadWeights() {
        TwoLayerLoops.toRows(w1.data, w1Rows, 0, w1Rows.length);
        TwoLayerLoops.transposeToRows(w2.data, w2T);
    }

    /** The forward job; returns the batch's loss. */
    private double forward() {
        if (shared == null) {
            forwardBackward(0);
        } else {
            shared.run(forwardChunk, slices.length);
        }
        double sum = 0;
        for (int o = 0; o < count; o++) {
            sum += rowLogLoss[o];
        }
        return -sum / count;
    }

    /** The gradient job, with the SGD update fused in when {@code update}. */
    private void gradients(boolean update) {
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
     * W1 rows [from, to): keep the old values, step, and refresh the kernel's row copy. Three
     * simple passes over the chunk (about 40 KB, still in cache from dW1), each one that C2
     * vectorises or turns into a block copy; one fused loop over four arrays did not vectorise
     * and was slower.
     */
    private void updateW1(int from, int to) {
        int start = from * hidden;
        int end = to * hidden;
        double[] w = w1.data;
        System.arraycopy(w, start, previousW1, start, end - start);
        SgdUpdate.apply(w, dW1, learningRate, start, end);
        TwoLayerLoops.toRows(w, w1Rows, from, to);
    }

    /** b1, W2, b2: keep the old values, step, and refresh the kernel's transposed W2. */
    private void updateSmall() {
        double lr = learningRate;
        step(b1.data, db1, previousB1, lr);
        step(w2.data, dW2, previousW2, lr);
        step(b2.data, db2, previousB2, lr);
        TwoLayerLoops.transposeToRows(w2.data, w2T);
    }

    private static void step(double[] p, double[] g, double[] old, double lr) {
        System.arraycopy(p, 0, old, 0, p.length);
        SgdUpdate.apply(p, g, lr, 0, p.length);
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
        TwoLayerLoops.scoresRows(hiddenOut, hiddenT[slice], w2d, b2d, classes, scoresT[slice], dScores, from, to);
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

    private static boolean sameShape(DMatrixRMaj param, DMatrixRMaj other) {
        return other != null && other.numRows == param.numRows && other.numCols == param.numCols;
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
