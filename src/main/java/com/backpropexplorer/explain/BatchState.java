package com.backpropexplorer.explain;

import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.Matrices;
import com.backpropexplorer.engine.SoftmaxWithLoss;
import com.backpropexplorer.engine.TwoLayerNet;
import com.backpropexplorer.explain.WeightProbe.Element;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * A TwoLayerNet's forward pass on one batch, kept: the hidden pre-activations a1, the hidden
 * activations h1, the scores and each row's loss. From it, the loss after moving one element
 * by δ costs only what that element feeds:
 *
 * <ul>
 *   <li>W1[i][j] changes a1[r][j] by δ·x[r][i], so only hidden unit j, only in the rows whose
 *       pixel i is inked (MNIST: about a fifth), and then those rows' 10 scores;</li>
 *   <li>b1[j] changes hidden unit j in every row;</li>
 *   <li>W2[j][k] changes score k by δ·h1[r][j], b2[k] score k by δ.</li>
 * </ul>
 *
 * So a central difference of W1[i][j] on N samples costs about N·10 exponentials instead of a
 * whole forward pass (N·784·50 multiply-adds). Not thread-safe; reads the net's live parameters.
 */
final class BatchState {
    private final TwoLayerNet net;
    private final DMatrixRMaj x;
    private final int[] labels;
    private final int n;
    private final int inputs;
    private final int hidden;
    private final int classes;
    final DMatrixRMaj a1;
    final DMatrixRMaj h1;
    final DMatrixRMaj scores;
    private final double[] rowLoss;
    /** For each input i, the rows whose x[r][i] is not zero (the only rows W1[i][·] reaches). */
    private final int[][] inkedRows;
    private final double[] scratch;
    private final boolean relu;

    BatchState(TwoLayerNet net, DMatrixRMaj x, int[] labels) {
        this.net = net;
        this.x = x;
        this.labels = labels;
        this.n = x.numRows;
        this.inputs = x.numCols;
        this.hidden = net.hiddenSize();
        this.classes = net.outputSize();
        this.a1 = new DMatrixRMaj(n, hidden);
        this.h1 = new DMatrixRMaj(n, hidden);
        this.scores = new DMatrixRMaj(n, classes);
        this.rowLoss = new double[n];
        this.scratch = new double[classes];
        this.relu = net.activation() == Activation.RELU;
        this.inkedRows = inkedRows(x);
        recomputeAll();
    }

    private static int[][] inkedRows(DMatrixRMaj x) {
        int[] counts = new int[x.numCols];
        for (int r = 0; r < x.numRows; r++) {
            for (int i = 0; i < x.numCols; i++) {
                if (x.data[r * x.numCols + i] != 0) {
                    counts[i]++;
                }
            }
        }
        int[][] rows = new int[x.numCols][];
        for (int i = 0; i < x.numCols; i++) {
            rows[i] = new int[counts[i]];
            counts[i] = 0;
        }
        for (int r = 0; r < x.numRows; r++) {
            for (int i = 0; i < x.numCols; i++) {
                if (x.data[r * x.numCols + i] != 0) {
                    rows[i][counts[i]++] = r;
                }
            }
        }
        return rows;
    }

    int batchSize() {
        return n;
    }

    /** A full forward pass with the current parameters. */
    void recomputeAll() {
        CommonOps_DDRM.mult(x, w1(), a1);
        Matrices.addRowInPlace(a1, net.params().get("b1"));
        for (int i = 0; i < a1.data.length; i++) {
            h1.data[i] = activate(a1.data[i]);
        }
        recomputeScores();
    }

    /**
     * After element e was set: recomputes hidden unit j (for W1[·][j] or b1[j]) exactly, then
     * the scores, so no rounding drift builds up over many slider events.
     */
    void refresh(Element e) {
        if (e.param().equals("W1") || e.param().equals("b1")) {
            refreshHiddenUnit(e.col());
        }
        recomputeScores();
    }

    private void refreshHiddenUnit(int j) {
        double[] w = w1().data;
        double bias = net.params().get("b1").get(0, j);
        for (int r = 0; r < n; r++) {
            double a = 0;
            int base = r * inputs;
            for (int i = 0; i < inputs; i++) {
                a += x.data[base + i] * w[i * hidden + j];
            }
            a += bias;
            a1.data[r * hidden + j] = a;
            h1.data[r * hidden + j] = activate(a);
        }
    }

    private void recomputeScores() {
        CommonOps_DDRM.mult(h1, net.params().get("W2"), scores);
        Matrices.addRowInPlace(scores, net.params().get("b2"));
        for (int r = 0; r < n; r++) {
            rowLoss[r] = rowLossPlus(r, -1, 0);
        }
    }

    /** The book's cross-entropy (with its 1e−7 guard) averaged over the batch. */
    double loss() {
        double sum = 0;
        for (double l : rowLoss) {
            sum += l;
        }
        return sum / n;
    }

    /**
     * How much the loss would change if element e moved by delta, everything else as it is
     * (nothing is changed). Only the rows the element reaches are recomputed.
     */
    double change(Element e, double delta) {
        if (delta == 0) {
            return 0;
        }
        double sum = 0;
        switch (e.param()) {
            case "W1" -> {
                int i = e.row();
                int j = e.col();
                for (int r : inkedRows[i]) {
                    sum += hiddenChange(r, j, delta * x.data[r * inputs + i]);
                }
            }
            case "b1" -> {
                for (int r = 0; r < n; r++) {
                    sum += hiddenChange(r, e.col(), delta);
                }
            }
            case "W2" -> {
                for (int r = 0; r < n; r++) {
                    double h = h1.data[r * hidden + e.row()];
                    if (h != 0) {
                        sum += rowLossPlus(r, e.col(), delta * h) - rowLoss[r];
                    }
                }
            }
            case "b2" -> {
                for (int r = 0; r < n; r++) {
                    sum += rowLossPlus(r, e.col(), delta) - rowLoss[r];
                }
            }
            default -> throw new IllegalArgumentException("no parameter " + e.param());
        }
        return sum / n;
    }

    /** Row r's loss change when a1[r][j] moves by da: h1[r][j] moves by dh, the scores by dh·W2[j]. */
    private double hiddenChange(int r, int j, double da) {
        int at = r * hidden + j;
        double dh = activate(a1.data[at] + da) - h1.data[at];
        if (dh == 0) {
            return 0; // a ReLU that stays off: this row does not feel the change
        }
        return rowLossPlusRow(r, dh, j) - rowLoss[r];
    }

    private double rowLossPlusRow(int r, double dh, int j) {
        double[] w2 = net.params().get("W2").data;
        int base = r * classes;
        for (int k = 0; k < classes; k++) {
            scratch[k] = scores.data[base + k] + dh * w2[j * classes + k];
        }
        return crossEntropy(labels[r]);
    }

    /** Row r's loss with score k raised by add (k = −1: unchanged). */
    private double rowLossPlus(int r, int k, double add) {
        int base = r * classes;
        for (int c = 0; c < classes; c++) {
            scratch[c] = scores.data[base + c];
        }
        if (k >= 0) {
            scratch[k] += add;
        }
        return crossEntropy(labels[r]);
    }

    /** −log(softmax(scratch)[label] + 1e−7), with the max subtracted first as the book does. */
    private double crossEntropy(int label) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            max = Math.max(max, scratch[c]);
        }
        double total = 0;
        double mine = 0;
        for (int c = 0; c < classes; c++) {
            double e = Math.exp(scratch[c] - max);
            total += e;
            if (c == label) {
                mine = e;
            }
        }
        return -Math.log(mine / total + SoftmaxWithLoss.LOG_GUARD);
    }

    private double activate(double a) {
        return relu ? Math.max(0, a) : 1.0 / (1.0 + Math.exp(-a));
    }

    private DMatrixRMaj w1() {
        return net.params().get("W1");
    }
}
