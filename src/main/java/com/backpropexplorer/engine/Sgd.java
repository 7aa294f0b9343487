package com.backpropexplorer.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * Stochastic gradient descent, the book's update (§4.5, §6.1.2):
 * {@code W ← W − η·∂L/∂W}. Stateless.
 */
public final class Sgd implements Optimizer {
    /** The book's learning rate for TwoLayerNet ({@code learning_rate = 0.1}). */
    public static final double DEFAULT_LEARNING_RATE = 0.1;

    private final double learningRate;

    public Sgd() {
        this(DEFAULT_LEARNING_RATE);
    }

    public Sgd(double learningRate) {
        this.learningRate = learningRate;
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public void begin(DMatrixRMaj[] params) {
        // nothing to keep
    }

    /** {@code params[key] -= self.lr * grads[key]}. */
    @Override
    public void apply(int k, double[] w, double[] g, int from, int to) {
        for (int i = from; i < to; i++) {
            w[i] -= learningRate * g[i];
        }
    }

    @Override
    public String toString() {
        return "SGD(lr=" + learningRate + ")";
    }
}
