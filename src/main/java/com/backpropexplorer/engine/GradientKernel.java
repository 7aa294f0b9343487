package com.backpropexplorer.engine;

import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * Computes the loss and the parameter gradients of a TwoLayerNet on a minibatch drawn from a
 * fixed training set, the inner work of every training step. The plain kernel goes through the
 * book's layers; a fast one may exploit structure (sparse inputs, no first-layer dx) as long as
 * it agrees with the plain one up to floating-point rounding.
 */
public interface GradientKernel {

    /**
     * Loss and gradients on the rows {@code rows[0..count)} of the training set, with the net's
     * current parameters. Writes dW1, db1, dW2, db2 into {@code grads} under the parameter names
     * (matrices of the parameters' shapes, owned by the caller).
     *
     * @return the loss of the batch before any update
     */
    double lossAndGradient(int[] rows, int count, Map<String, DMatrixRMaj> grads);
}
