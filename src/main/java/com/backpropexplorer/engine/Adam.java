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
    private double learningRateThisStep;

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

    /**
     * The book's lazy {@code self.m}, {@code self.v} on the first call, then
     * {@code self.iter += 1} and this step's {@code lr_t = lr·√(1 − β₂ᵗ) / (1 − β₁ᵗ)}.
     */
    @Override
    public void begin(DMatrixRMaj[] params) {
        m = Optimizer.zerosLike(params, m, "Adam's m");
        v = Optimizer.zerosLike(params, v, "Adam's v");
        step++;
        learningRateThisStep = learningRate * Math.sqrt(1.0 - Math.pow(beta2, step)) / (1.0 - Math.pow(beta1, step));
    }

    /** {@code m += (1 − β₁)(g − m); v += (1 − β₂)(g² − v); param −= lr_t·m / (√v + 1e−7)}. */
    @Override
    public void apply(int k, double[] w, double[] g, int from, int to) {
        double[] mk = m[k].data;
        double[] vk = v[k].data;
        double lrT = learningRateThisStep;
        for (int i = from; i < to; i++) {
            double gi = g[i];
            mk[i] += (1.0 - beta1) * (gi - mk[i]);
            vk[i] += (1.0 - beta2) * (gi * gi - vk[i]);
            w[i] -= lrT * mk[i] / (Math.sqrt(vk[i]) + EPSILON);
        }
    }

    @Override
    public String toString() {
        return "Adam(lr=" + learningRate + ", beta1=" + beta1 + ", beta2=" + beta2 + ")";
    }
}
