package com.backpropexplorer.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * Momentum SGD (book §6.1.4): a velocity v per parameter, starting at zero,
 * {@code v ← α·v − η·∂L/∂W}, then {@code W ← W + v}. Defaults as in the book's
 * {@code common/optimizer.py}: η = 0.01, α = 0.9.
 */
public final class Momentum implements Optimizer {
    public static final double DEFAULT_LEARNING_RATE = 0.01;
    public static final double DEFAULT_MOMENTUM = 0.9;

    private final double learningRate;
    private final double momentum;
    private DMatrixRMaj[] velocity;

    public Momentum() {
        this(DEFAULT_LEARNING_RATE, DEFAULT_MOMENTUM);
    }

    public Momentum(double learningRate, double momentum) {
        this.learningRate = learningRate;
        this.momentum = momentum;
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    public double momentum() {
        return momentum;
    }

    /** A copy of the velocity of the index-th parameter, or null before the first update. */
    public DMatrixRMaj velocity(int index) {
        return velocity == null ? null : velocity[index].copy();
    }

    /** The book's lazy {@code self.v[key] = np.zeros_like(val)} on the first call. */
    @Override
    public void begin(DMatrixRMaj[] params) {
        velocity = Optimizer.zerosLike(params, velocity, "the velocity");
    }

    /** {@code v = momentum·v − lr·grad; param += v}. */
    @Override
    public void apply(int k, double[] w, double[] g, int from, int to) {
        double[] v = velocity[k].data;
        for (int i = from; i < to; i++) {
            v[i] = momentum * v[i] - learningRate * g[i];
            w[i] += v[i];
        }
    }

    @Override
    public String toString() {
        return "Momentum(lr=" + learningRate + ", momentum=" + momentum + ")";
    }
}
