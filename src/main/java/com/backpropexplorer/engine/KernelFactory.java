package com.backpropexplorer.engine;

/**
 * Makes the {@link TrainingKernel} of a training run: where a faster implementation is plugged
 * into {@link Trainer} without touching its loop. Whoever builds a trainer chooses: the command
 * line and the app pass the fast package's factory, the tests also the plain one.
 */
@FunctionalInterface
public interface KernelFactory {
    /** The book's layers, forward then backward: the reference every faster kernel must match. */
    KernelFactory PLAIN = PlainKernel::new;

    /**
     * A kernel that trains {@code net} (its live parameters) with {@code optimizer} on the
     * training set of {@code data} and measures its accuracy on both sets.
     */
    TrainingKernel create(TwoLayerNet net, Optimizer optimizer, TrainingData data);
}
