package com.backpropexplorer.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * AdaGrad (book §6.1.5): each parameter keeps h, the sum of its squared gradients, starting at
 * zero, {@code h ← h + (∂L/∂W)²}, and steps by a learning rate that shrinks as h grows,
 * {@code W ← W − η·∂L/∂W / (√h + 1e−7)}. Default as in the book's {@code common/optimizer.py}:
 * η = 0.01.
 */
public final class AdaGrad implements Optimizer {
    public static final double DEFAULT_LEARNING_RATE = 0.01;
    /** The book's guard against dividing by √h = 0. */
    public static final double EPSILON = 1e-7;

    private final double learningRate;
    private DMatrixRMaj[] h;

    public AdaGrad() {
        this(DEFAULT_LEARNING_RATE);
    }

    public AdaGrad(double learningRate) {
        this.learningRate = learningRate;
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    /** A copy of h of the index-th parameter, or null before the first update. */
    public DMatrixRMaj squaredGradientSum(int index) {
        return h == null ? null : h[index].copy();
    }

    /** The book's lazy {@code self.h[key] = np.zeros_like(val)} on the first call. */
    @Override
    public void begin(DMatrixRMaj[] params) {
        h = Optimizer.zerosLike(params, h, "AdaGrad's h");
    }

    /** {@code h += grad·grad; param −= lr·grad / (√h + 1e−7)}. */
    @Override
    public void apply(int k, double[] w, double[] g, int from, int to) {
        double[] hk = h[k].data;
        for (int i = from; i < to; i++) {
            hk[i] += g[i] * g[i];
            w[i] -= learningRate * g[i] / (Math.sqrt(hk[i]) + EPSILON);
        }
    }

    @Override
    public String toString() {
        return "AdaGrad(lr=" + learningRate + ")";
    }
}
