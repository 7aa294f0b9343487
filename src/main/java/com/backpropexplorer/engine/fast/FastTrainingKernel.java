package com.backpropexplorer.engine.fast;

import com.backpropexplorer.engine.Minibatch;
import com.backpropexplorer.engine.Optimizer;
import com.backpropexplorer.engine.TrainingKernel;
import com.backpropexplorer.engine.TwoLayerNet;
import java.util.function.BooleanSupplier;

/**
 * The fast {@link TrainingKernel}: a {@link FastStep} over the sparse copy of the training set
 * (or, for a minibatch gathered afresh, over that batch made sparse), and {@link FastAccuracy}
 * over the sparse copies of both sets, sharing one helper thread when there are two.
 */
final class FastTrainingKernel implements TrainingKernel {
    private final SparseData data;
    private final SharedWork shared;
    private final FastStep step;
    private final FastAccuracy accuracy;
    /** A gathered minibatch, made sparse, and its rows 0, 1, 2, ... */
    private final SparseRows batchBuffer;
    private int[] identity = new int[0];

    FastTrainingKernel(TwoLayerNet net, Optimizer optimizer, SparseData data, int threads) {
        this.data = data;
        this.shared = threads == 2 ? new SharedWork("fast-kernel") : null;
        this.step = new FastStep(net, optimizer, data.train(), shared);
        this.accuracy = new FastAccuracy(net, shared);
        this.batchBuffer = SparseRows.buffer(data.train().numCols());
    }

    /** True for the nets this kernel computes (ReLU and sigmoid ones, up to {@link SparseRows#MAX_COLUMNS} inputs). */
    static boolean supports(TwoLayerNet net) {
        return FastAccuracy.supports(net) && SparseRows.fits(net.inputSize());
    }

    @Override
    public double loss(Minibatch batch) {
        if (!batch.gathered()) {
            return step.forward(data.train(), batch.rows(), batch.size(), data.trainLabels());
        }
        batchBuffer.refill(batch.x());
        int n = batch.size();
        if (identity.length < n) {
            identity = new int[n];
            for (int i = 0; i < n; i++) {
                identity[i] = i;
            }
        }
        return step.forward(batchBuffer, identity, n, batch.labels());
    }

    @Override
    public void update() {
        step.update();
    }

    @Override
    public void undoLastUpdate() {
        step.undo();
    }

    @Override
    public double trainAccuracy(BooleanSupplier stop) {
        return accuracy.of(data.train(), data.trainLabels(), stop);
    }

    @Override
    public double testAccuracy(BooleanSupplier stop) {
        return accuracy.of(data.test(), data.testLabels(), stop);
    }

    @Override
    public int[] testPredictions(BooleanSupplier stop) {
        return accuracy.predictions(data.test(), data.testLabels(), stop);
    }

    @Override
    public void close() {
        if (shared != null) {
            shared.close();
        }
    }
}
