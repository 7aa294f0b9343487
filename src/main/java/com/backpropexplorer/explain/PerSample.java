package com.backpropexplorer.explain;

import java.util.ArrayList;
import java.util.List;

/**
 * One sample's share of a batch gradient. The backward pass of Affine sums over the batch:
 * {@code dW = xᵀ·dout = Σ_r x[r]ᵀ·dout[r]} and {@code db = Σ dout (axis 0) = Σ_r dout[r]}, so
 * each sample r contributes the outer product of its own input row and its own upstream
 * gradient row. The 1/N that makes it a mean entered earlier, in SoftmaxWithLoss.backward:
 * {@code dx = (y − t) / batch_size}.
 */
public final class PerSample {
    /** The listing anchor of the lines that sum over the batch: dW = xᵀ·dout and db = Σ dout. */
    public static final String BATCH_SUM_ANCHOR = "batch-sum";
    /** The listing anchor of the line where 1/N enters: dx = (y − t) / batch_size. */
    public static final String ONE_OVER_N_ANCHOR = "one-over-n";

    /**
     * Sample {@code row}'s term of a backward stage's gradients.
     *
     * @param dW x[row]ᵀ·dout[row], the shape of W
     * @param db dout[row], 1×out; null for MatMul (no bias)
     */
    public record Share(int stage, int row, Tensor dW, Tensor db) {
    }

    /**
     * Where the batch size enters: SoftmaxWithLoss.backward divides y − t by N.
     *
     * @param stage the SoftmaxWithLoss backward stage
     * @param batchSize N
     * @param yMinusT y − t, before the division
     * @param dx (y − t)/N, what flows back (times dout = 1)
     */
    public record OneOverN(int stage, int batchSize, Tensor yMinusT, Tensor dx) {
    }

    private PerSample() {
    }

    /** Whether a stage's gradients are sums over the batch (the backward stage of Affine or MatMul). */
    public static boolean applies(Stage stage) {
        return stage.isBackward() && (stage.kind() == LayerKind.AFFINE || stage.kind() == LayerKind.MATMUL);
    }

    /** Sample {@code row}'s share of the dW (and db) of backward stage {@code stageIndex}. */
    public static Share of(Trace trace, int stageIndex, int row) {
        Stage stage = trace.stage(stageIndex);
        if (!applies(stage)) {
            throw new IllegalArgumentException(stage.label() + " sums nothing over the batch");
        }
        Tensor x = trace.forwardStageOf(stage.layer()).orElseThrow().get("x");
        Tensor dout = stage.get("dout");
        if (row < 0 || row >= dout.rows()) {
            throw new IllegalArgumentException("no sample " + row + " in a batch of " + dout.rows());
        }
        double[] dW = new double[x.cols() * dout.cols()];
        for (int i = 0; i < x.cols(); i++) {
            double xi = x.get(row, i);
            for (int j = 0; j < dout.cols(); j++) {
                dW[i * dout.cols() + j] = xi * dout.get(row, j);
            }
        }
        Tensor db = stage.kind() == LayerKind.AFFINE ? Tensor.wrap("db", 1, dout.cols(), dout.row(row)) : null;
        return new Share(stageIndex, row, Tensor.wrap("dW", x.cols(), dout.cols(), dW), db);
    }

    /** Every sample's share, in batch order. */
    public static List<Share> all(Trace trace, int stageIndex) {
        List<Share> out = new ArrayList<>();
        for (int r = 0; r < trace.stage(stageIndex).get("dout").rows(); r++) {
            out.add(of(trace, stageIndex, r));
        }
        return out;
    }

    /** The shares added up, element by element in batch order: dW (or db) again. */
    public static Tensor sum(List<Share> shares, String which) {
        Tensor first = which.equals("db") ? shares.get(0).db() : shares.get(0).dW();
        double[] total = new double[first.size()];
        for (Share s : shares) {
            Tensor t = which.equals("db") ? s.db() : s.dW();
            for (int i = 0; i < total.length; i++) {
                total[i] += t.at(i);
            }
        }
        return Tensor.wrap(which, first.rows(), first.cols(), total);
    }

    /** Where 1/N enters the gradients: the SoftmaxWithLoss backward stage. */
    public static OneOverN oneOverN(Trace trace) {
        Stage backward = trace.stages().stream()
                .filter(s -> s.isBackward() && s.kind() == LayerKind.SOFTMAX_WITH_LOSS).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the lesson has no SoftmaxWithLoss"));
        Stage forward = trace.forwardStageOf(backward.layer()).orElseThrow();
        Tensor y = forward.get("y");
        Tensor t = forward.get("t");
        double[] diff = new double[y.size()];
        for (int i = 0; i < diff.length; i++) {
            diff[i] = y.at(i) - t.at(i);
        }
        return new OneOverN(backward.index(), y.rows(), Tensor.wrap("y - t", y.rows(), y.cols(), diff),
                backward.output());
    }
}
