package com.backpropexplorer.engine;

import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * The reference kernel: copies the batch rows out of the training set and runs the book's
 * {@code gradient()} (forward through the layers, then backward). Simple and slow; the fast
 * kernels are tested against it.
 */
public final class PlainGradientKernel implements GradientKernel {
    private final TwoLayerNet net;
    private final DMatrixRMaj xTrain;
    private final int[] labels;

    /** @param xTrain N×inputs, one sample a row; labels one class per row */
    public PlainGradientKernel(TwoLayerNet net, DMatrixRMaj xTrain, int[] labels) {
        this.net = net;
        this.xTrain = xTrain;
        this.labels = labels;
    }

    @Override
    public double lossAndGradient(int[] rows, int count, Map<String, DMatrixRMaj> grads) {
        int cols = xTrain.numCols;
        DMatrixRMaj x = new DMatrixRMaj(count, cols);
        int[] t = new int[count];
        for (int i = 0; i < count; i++) {
            System.arraycopy(xTrain.data, rows[i] * cols, x.data, i * cols, cols);
            t[i] = labels[rows[i]];
        }
        Map<String, DMatrixRMaj> g = net.gradient(x, t);
        g.forEach((name, value) -> grads.get(name).setTo(value));
        return net.lastLayer().loss();
    }
}
