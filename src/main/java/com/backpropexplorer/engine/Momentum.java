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

    @Override
    public void update(DMatrixRMaj[] params, DMatrixRMaj[] grads) {
        Optimizer.requireMatching(params, grads);
        if (velocity == null) { // the book's lazy `self.v = zeros_like(val)` on the first call
            velocity = Optimizer.zerosLike(params);
        }
        for (int k = 0; k < params.length; k++) {
            Optimizer.requireSameShape(params[k], velocity[k], "the velocity");
            double[] p = params[k].data;
            double[] g = grads[k].data;
            double[] v = velocity[k].data;
            int n = params[k].getNumElements();
            for (int i = 0; i < n; i++) {
                v[i] = momentum * v[i] - learningRate * g[i];
                p[i] += v[i];
            }
        }
    }

    @Override
    public String toString() {
        return "Momentum(lr=" + learningRate + ", momentum=" + momentum + ")";
    }
}
