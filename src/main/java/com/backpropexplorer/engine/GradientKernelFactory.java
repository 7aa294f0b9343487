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
     * {@code train} and {@code bench} commands, the training view): the {@link FastGradientKernel}
     * on as many threads as pay off here (2 when there are 2 cores), the plain one for sigmoid
     * nets. Both give the same numbers up to rounding (tested bit for bit).
     */
    static GradientKernelFactory standard() {
        return fast(Runtime.getRuntime().availableProcessors() >= 2 ? 2 : 1);
    }

    /** The fast kernel on {@code threads} threads (1 or 2) where it applies, else the plain one. */
    static GradientKernelFactory fast(int threads) {
        return (net, x, labels) -> FastGradientKernel.supports(net)
                ? new FastGradientKernel(net, SparseRows.cached(x), labels, threads)
                : new PlainGradientKernel(net, x, labels);
    }

    /**
     * A kernel computing loss and gradients of {@code net} (its live parameters, read at every
     * call) on minibatches of the training set.
     */
    GradientKernel create(TwoLayerNet net, DMatrixRMaj trainImages, int[] trainLabels);
}
