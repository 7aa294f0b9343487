package com.backpropexplorer.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * Adam (book §6.1.6), in the bias-corrected form of the book's {@code common/optimizer.py}:
 * at step t, {@code η_t = η·√(1 − β₂ᵗ) / (1 − β₁ᵗ)}, {@code m ← m + (1 − β₁)(g − m)},
 * {@code v ← v + (1 − β₂)(g² − v)}, {@code W ← W − η_t·m / (√v + 1e−7)}.
 * Defaults as in the book: η = 0.001, β₁ = 0.9, β₂ = 0.999.
 */
public final class Adam implements Optimizer {
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    public static final double DEFAULT_BETA1 = 0.9;
    public static final double DEFAULT_BETA2 = 0.999;
    /** The book's guard against dividing by √v = 0. */
    public static final double EPSILON = 1e-7;

    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private DMatrixRMaj[] m;
    private DMatrixRMaj[] v;
    private int step;

    public Adam() {
        this(DEFAULT_LEARNING_RATE, DEFAULT_BETA1, DEFAULT_BETA2);
    }

    public Adam(double learningRate, double beta1, double beta2) {
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    /** How many updates have been applied (the book's {@code self.iter}). */
    public int step() {
        return step;
    }

    @Override
    public void update(DMatrixRMaj[] params, DMatrixRMaj[] grads) {
        Optimizer.requireMatching(params, grads);
        if (m == null) {
            m = Optimizer.zerosLike(params);
            v = Optimizer.zerosLike(params);
        }
        step++;
        double lrT = learningRate * Math.sqrt(1.0 - Math.pow(beta2, step)) / (1.0 - Math.pow(beta1, step));
        for (int k = 0; k < params.length; k++) {
            Optimizer.requireSameShape(params[k], m[k], "Adam's m");
            double[] p = params[k].data;
            double[] g = grads[k].data;
            double[] mk = m[k].data;
            double[] vk = v[k].data;
            int n = params[k].getNumElements();
            for (int i = 0; i < n; i++) {
                double gi = g[i];
                mk[i] += (1.0 - beta1) * (gi - mk[i]);
                vk[i] += (1.0 - beta2) * (gi * gi - vk[i]);
                p[i] -= lrT * mk[i] / (Math.sqrt(vk[i]) + EPSILON);
            }
        }
    }

    @Override
    public String toString() {
        return "Adam(lr=" + learningRate + ", beta1=" + beta1 + ", beta2=" + beta2 + ")";
    }
}
