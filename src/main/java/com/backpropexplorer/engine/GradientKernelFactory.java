package com.backpropexplorer.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * Makes the {@link GradientKernel} a {@link Trainer} uses: the hook where a faster kernel is
 * plugged in without touching the training loop.
 */
@FunctionalInterface
public interface GradientKernelFactory {
    /** The book's layers, forward then backward: the reference every faster kernel must match. */
    GradientKernelFactory PLAIN = PlainGradientKernel::new;

    /**
     * A kernel computing loss and gradients of {@code net} (its live parameters, read at every
     * call) on minibatches of the training set.
     */
    GradientKernel create(TwoLayerNet net, DMatrixRMaj trainImages, int[] trainLabels);
}
