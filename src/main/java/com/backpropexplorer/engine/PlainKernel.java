package com.backpropexplorer.engine;

import java.util.Map;
import java.util.function.BooleanSupplier;
import org.ejml.data.DMatrixRMaj;

/**
 * The reference kernel: the book's {@code TwoLayerNet} as it is. Each step gathers the batch
 * ({@code x_batch = x_train[batch_mask]}), runs the layers forward for the loss and backward for
 * the gradients, and lets the optimizer update the parameters. Simple and slow; faster kernels
 * are tested against it.
 */
final class PlainKernel implements TrainingKernel {
    private final TwoLayerNet net;
    private final Optimizer optimizer;
    private final TrainingData data;
    private final DMatrixRMaj[] params;
    private final WeightsBackup backup;

    PlainKernel(TwoLayerNet net, Optimizer optimizer, TrainingData data) {
        this.net = net;
        this.optimizer = optimizer;
        this.data = data;
        this.params = net.params().values().toArray(new DMatrixRMaj[0]);
        this.backup = new WeightsBackup(params);
    }

    @Override
    public double loss(Minibatch batch) {
        if (!batch.gathered()) {
            batch.gather();
        }
        return net.loss(batch.x(), batch.labels());
    }

    @Override
    public void update() {
        Map<String, DMatrixRMaj> grads = net.backward();
        backup.save();
        backup.saved();
        optimizer.update(params, grads.values().toArray(new DMatrixRMaj[0]));
    }

    @Override
    public void undoLastUpdate() {
        backup.restore();
    }

    @Override
    public double trainAccuracy(BooleanSupplier stop) {
        return Accuracy.of(net, data.trainImages(), data.trainLabels(), stop);
    }

    @Override
    public double testAccuracy(BooleanSupplier stop) {
        return Accuracy.of(net, data.testImages(), data.testLabels(), stop);
    }

    @Override
    public int[] testPredictions(BooleanSupplier stop) {
        return Accuracy.predictions(net, data.testImages(), stop);
    }
}
