package com.backpropexplorer.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * Another optimizer whose every step is scaled by a factor that the trainer sets before each
 * update from a {@link LearningRateSchedule}: {@code W ← W + f·Δ}, where Δ is the step the
 * wrapped rule would take. For SGD, AdaGrad and Adam that is exactly the rule at learning rate
 * f·η; for Momentum the velocity keeps accumulating at η and only the step taken is scaled.
 * Like every optimizer, ranges of elements may be applied by two threads at once.
 */
final class ScheduledOptimizer implements Optimizer {
    private final Optimizer rule;
    private double factor = 1;
    private DMatrixRMaj[] before;

    ScheduledOptimizer(Optimizer rule) {
        this.rule = rule;
    }

    /** The factor on the next steps (1 = the rule as it is). */
    void setFactor(double value) {
        factor = value;
    }

    @Override
    public void begin(DMatrixRMaj[] params) {
        before = Optimizer.zerosLike(params, before, "the schedule's copy of the weights");
        rule.begin(params);
    }

    @Override
    public void apply(int k, double[] param, double[] grad, int from, int to) {
        if (factor == 1) {
            rule.apply(k, param, grad, from, to);
            return;
        }
        double[] old = before[k].data;
        System.arraycopy(param, from, old, from, to - from);
        rule.apply(k, param, grad, from, to);
        for (int i = from; i < to; i++) {
            param[i] = old[i] + factor * (param[i] - old[i]);
        }
    }

    @Override
    public double learningRate() {
        return factor * rule.learningRate();
    }

    @Override
    public String toString() {
        return rule + "×" + factor;
    }
}
