package com.backpropexplorer.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * The book's numerical gradient of a {@link TwoLayerNet} ({@link TwoLayerNet#numericalGradient}:
 * central differences, h = 1e−4, one parameter element at a time), without re-running the whole
 * forward pass for every perturbation. A perturbed element only moves part of the network:
 * <ul>
 *   <li>W1[i][j]: hidden unit j, and only for the samples whose pixel i is non-zero (a pixel
 *       blank in every sample gives exactly 0, as the plain loop does after two equal losses);</li>
 *   <li>b1[j]: hidden unit j of every sample;</li>
 *   <li>W2[j][k]: score k, only for the samples whose hidden unit j is non-zero;</li>
 *   <li>b2[k]: score k of every sample.</li>
 * </ul>
 * Everything else is taken from one unperturbed pass. Exactness: what is recomputed is
 * recomputed with the same operations in the same order as the plain layers (the sum
 * {@code Σₖ x·W1} in pixel order with the perturbed weight in its place, then + b1, the
 * activation, {@code Σⱼ h·W2} in unit order, + b2, softmax, {@code log(y + 1e−7)}, the mean over
 * the samples in order), and what is reused is bit for bit what the plain pass would compute
 * again. So each loss, and each difference {@code (f(w + h) − f(w − h)) / 2h}, is the plain
 * one, up to the sign of sums of zeros. The net is only read, never perturbed in place.
 */
public final class FastNumericalGradient {
    private final int samples;
    private final int hidden;
    private final int classes;
    private final Activation activation;
    private final SparseRows x;
    private final int[] labels;
    private final double[] w1;
    private final double[] b1;
    private final double[] w2;
    private final double[] b2;
    private final double h;
    /** Σₖ x·W1 per sample and unit, before the bias. */
    private final double[][] rawHidden;
    private final double[][] hiddenOut;
    /** Σⱼ h·W2 per sample and class, before the bias. */
    private final double[][] rawScores;
    private final double[] baseTerms;
    private final double[] terms;
    private final double[] scores;
    private final double[] unit;

    private FastNumericalGradient(TwoLayerNet net, DMatrixRMaj x, int[] labels, double h) {
        if (x.numCols != net.inputSize() || x.numRows != labels.length) {
            throw new IllegalArgumentException("x is " + Matrices.shape(x) + " with " + labels.length
                    + " labels; the net takes " + net.inputSize() + " inputs");
        }
        this.samples = x.numRows;
        this.hidden = net.hiddenSize();
        this.classes = net.outputSize();
        this.activation = net.activation();
        this.x = SparseRows.of(x);
        this.labels = labels;
        this.w1 = net.params().get("W1").data;
        this.b1 = net.params().get("b1").data;
        this.w2 = net.params().get("W2").data;
        this.b2 = net.params().get("b2").data;
        this.h = h;
        this.rawHidden = new double[samples][hidden];
        this.hiddenOut = new double[samples][hidden];
        this.rawScores = new double[samples][classes];
        this.baseTerms = new double[samples];
        this.terms = new double[samples];
        this.scores = new double[classes];
        this.unit = new double[hidden];
        for (int n = 0; n < samples; n++) {
            for (int j = 0; j < hidden; j++) {
                rawHidden[n][j] = inputSum(n, j, -1, 0);
                hiddenOut[n][j] = activate(rawHidden[n][j] + b1[j]);
            }
            for (int k = 0; k < classes; k++) {
                rawScores[n][k] = hiddenSum(hiddenOut[n], k, -1, 0);
            }
            fillScores(n);
            baseTerms[n] = softmaxLogTerm(n);
        }
    }

    /** ∂L/∂W1, ∂L/∂b1, ∂L/∂W2, ∂L/∂b2 by central differences with the book's h = 1e−4. */
    public static Map<String, DMatrixRMaj> of(TwoLayerNet net, DMatrixRMaj x, int[] labels) {
        return of(net, x, labels, NumericalGradient.H);
    }

    public static Map<String, DMatrixRMaj> of(TwoLayerNet net, DMatrixRMaj x, int[] labels, double h) {
        for (int label : labels) {
            if (label < 0 || label >= net.outputSize()) {
                throw new IllegalArgumentException("label " + label + " is not in 0.." + (net.outputSize() - 1));
            }
        }
        FastNumericalGradient f = new FastNumericalGradient(net, x, labels, h);
        Map<String, DMatrixRMaj> grads = new LinkedHashMap<>();
        grads.put("W1", f.inputWeights(net.inputSize()));
        grads.put("b1", f.hiddenBiases());
        grads.put("W2", f.outputWeights());
        grads.put("b2", f.outputBiases());
        return grads;
    }

    private DMatrixRMaj inputWeights(int inputs) {
        DMatrixRMaj g = new DMatrixRMaj(inputs, hidden);
        boolean[] inked = new boolean[inputs];
        for (int p = 0; p < x.nonZeros(); p++) {
            inked[x.columns[p]] = true;
        }
        for (int i = 0; i < inputs; i++) {
            if (!inked[i]) {
                continue; // both losses are the unperturbed one: the difference is exactly 0
            }
            for (int j = 0; j < hidden; j++) {
                double w = w1[i * hidden + j];
                g.data[i * hidden + j] = difference(lossWithInputWeight(i, j, w + h), lossWithInputWeight(i, j, w - h));
            }
        }
        return g;
    }

    private double lossWithInputWeight(int i, int j, double value) {
        for (int n = 0; n < samples; n++) {
            double xi = x.get(n, i);
            if (xi == 0.0) {
                terms[n] = baseTerms[n];
            } else {
                double hj = activate(inputSum(n, j, i, value) + b1[j]);
                terms[n] = termWithUnit(n, j, hj);
            }
        }
        return meanLoss();
    }

    private DMatrixRMaj hiddenBiases() {
        DMatrixRMaj g = new DMatrixRMaj(1, hidden);
        for (int j = 0; j < hidden; j++) {
            double b = b1[j];
            g.data[j] = difference(lossWithHiddenBias(j, b + h), lossWithHiddenBias(j, b - h));
        }
        return g;
    }

    private double lossWithHiddenBias(int j, double value) {
        for (int n = 0; n < samples; n++) {
            terms[n] = termWithUnit(n, j, activate(rawHidden[n][j] + value));
        }
        return meanLoss();
    }

    private DMatrixRMaj outputWeights() {
        DMatrixRMaj g = new DMatrixRMaj(hidden, classes);
        for (int j = 0; j < hidden; j++) {
            for (int k = 0; k < classes; k++) {
                double w = w2[j * classes + k];
                g.data[j * classes + k] = difference(lossWithOutputWeight(j, k, w + h), lossWithOutputWeight(j, k, w - h));
            }
        }
        return g;
    }

    private double lossWithOutputWeight(int j, int k, double value) {
        for (int n = 0; n < samples; n++) {
            if (hiddenOut[n][j] == 0.0) {
                terms[n] = baseTerms[n];
            } else {
                fillScores(n);
                scores[k] = hiddenSum(hiddenOut[n], k, j, value) + b2[k];
                terms[n] = softmaxLogTerm(n);
            }
        }
        return meanLoss();
    }

    private DMatrixRMaj outputBiases() {
        DMatrixRMaj g = new DMatrixRMaj(1, classes);
        for (int k = 0; k < classes; k++) {
            double b = b2[k];
            g.data[k] = difference(lossWithOutputBias(k, b + h), lossWithOutputBias(k, b - h));
        }
        return g;
    }

    private double lossWithOutputBias(int k, double value) {
        for (int n = 0; n < samples; n++) {
            fillScores(n);
            scores[k] = rawScores[n][k] + value;
            terms[n] = softmaxLogTerm(n);
        }
        return meanLoss();
    }

    /** (f(w + h) − f(w − h)) / 2h, the expression of {@link NumericalGradient}. */
    private double difference(double plus, double minus) {
        return (plus - minus) / (2 * h);
    }

    /** Σₖ x[n][k]·W1[k][j] in pixel order over the stored pixels, W1[i][j] replaced by value. */
    private double inputSum(int n, int j, int i, double value) {
        double sum = 0;
        for (int p = x.rowStart[n], end = x.rowStart[n + 1]; p < end; p++) {
            int k = x.columns[p];
            double w = k == i ? value : w1[k * hidden + j];
            sum += x.value(p) * w;
        }
        return sum;
    }

    /** Σⱼ h[j]·W2[j][k] in unit order, skipping units at 0, W2[jj][k] replaced by value. */
    private double hiddenSum(double[] hiddenRow, int k, int jj, double value) {
        double sum = 0;
        for (int j = 0; j < hidden; j++) {
            double hv = hiddenRow[j];
            if (hv != 0.0) {
                sum += hv * (j == jj ? value : w2[j * classes + k]);
            }
        }
        return sum;
    }

    /** The loss term of sample n with hidden unit j's output replaced by hj. */
    private double termWithUnit(int n, int j, double hj) {
        System.arraycopy(hiddenOut[n], 0, unit, 0, hidden);
        unit[j] = hj;
        for (int k = 0; k < classes; k++) {
            scores[k] = hiddenSum(unit, k, -1, 0) + b2[k];
        }
        return softmaxLogTerm(n);
    }

    private void fillScores(int n) {
        for (int k = 0; k < classes; k++) {
            scores[k] = rawScores[n][k] + b2[k];
        }
    }

    /** log(softmax(scores)[label] + 1e−7), computed as {@link SoftmaxWithLoss} does. */
    private double softmaxLogTerm(int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            max = Math.max(max, scores[k]);
        }
        double sum = 0;
        double mine = 0;
        for (int k = 0; k < classes; k++) {
            double e = Math.exp(scores[k] - max);
            sum += e;
            if (k == labels[n]) {
                mine = e;
            }
        }
        return Math.log(mine / sum + SoftmaxWithLoss.LOG_GUARD);
    }

    /** −Σₙ term / N in sample order, as {@code crossEntropyError}. */
    private double meanLoss() {
        double sum = 0;
        for (int n = 0; n < samples; n++) {
            sum += terms[n];
        }
        return -sum / samples;
    }

    private double activate(double a) {
        if (activation == Activation.RELU) {
            return a <= 0 ? 0.0 : a;
        }
        return 1.0 / (1.0 + Math.exp(-a));
    }
}
