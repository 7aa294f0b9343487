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
     * The kernel training uses unless told otherwise (the trainer's short constructor, the
     * {@code train} and {@code bench} commands). Plain for now; a faster kernel that matches the
     * plain one up to rounding takes its place here.
     */
    static GradientKernelFactory standard() {
        return PLAIN;
    }

    /**
     * A kernel computing loss and gradients of {@code net} (its live parameters, read at every
     * call) on minibatches of the training set.
     */
    GradientKernel create(TwoLayerNet net, DMatrixRMaj trainImages, int[] trainLabels);
}
