package com.backpropexplorer.explain;

import java.util.ArrayList;
import com.backpropexplorer.explain.text.Texts;
import java.util.List;
import java.util.Locale;

/**
 * The chain rule at one backward node, with the stage's own numbers: each gradient the node
 * sends on is the upstream gradient times the node's local derivative,
 * {@code downstream = upstream × local}. ReLU: dx = dout ⊙ (x &gt; 0); Sigmoid: dx = dout ⊙
 * out(1 − out); SoftmaxWithLoss: dx = dout · (y − t)/N; Affine: dx = dout·Wᵀ, dW = xᵀ·dout,
 * db = Σ dout; MulLayer: the inputs swap; AddLayer: passes dout on.
 */
public final class ChainRule {

    /** How upstream and local combine. */
    public enum Product {
        /** element by element (⊙); a scalar times a tensor too */
        ELEMENTWISE,
        /** upstream · local (dx = dout · Wᵀ) */
        UPSTREAM_TIMES_LOCAL,
        /** local · upstream (dW = xᵀ · dout) */
        LOCAL_TIMES_UPSTREAM,
        /** Σ over the batch (db = Σ dout, axis 0): the local derivative is 1 */
        SUM_OVER_BATCH
    }

    /**
     * One gradient the node sends on.
     *
     * @param downstream its name at the stage (dx, dW, db; dapple, dtax …)
     * @param formula in symbols: {@code dx = dout · W1ᵀ}
     * @param upstream the gradient that came in (dout)
     * @param local the local derivative with its numbers (Wᵀ, the 0/1 of x &gt; 0, out(1 − out),
     *     (y − t)/N, the other input of a MulLayer, 1)
     * @param localSymbol how the local derivative is written: {@code W1ᵀ}, {@code (x > 0)}
     * @param product how the two combine
     * @param result the downstream gradient as the stage computed it
     */
    public record Link(String downstream, String formula, Tensor upstream, Tensor local, String localSymbol,
                       Product product, Tensor result) {
    }

    private ChainRule() {
    }

    /** One sentence on the node's local derivative, in that language (for the inspector). */
    public static String explanation(LayerKind kind, Locale locale) {
        return Texts.text(locale, "chain." + kind.name().toLowerCase(Locale.ROOT));
    }

    /** The links of backward stage {@code stageIndex}; empty for stages that are not backward. */
    public static List<Link> at(Trace trace, int stageIndex) {
        Stage s = trace.stage(stageIndex);
        if (!s.isBackward()) {
            return List.of();
        }
        Stage f = trace.forwardStageOf(s.layer()).orElseThrow();
        Tensor dout = s.inputs().get(0);
        List<Link> out = new ArrayList<>();
        switch (s.kind()) {
            case AFFINE, MATMUL -> {
                Tensor w = f.inputs().get(1);
                String wName = w.name();
                out.add(new Link("dx", "dx = dout · " + wName + "ᵀ", dout, transpose(w, wName + "ᵀ"), wName + "ᵀ",
                        Product.UPSTREAM_TIMES_LOCAL, s.get("dx")));
                out.add(new Link("dW", "d" + wName + " = xᵀ · dout", dout, transpose(f.get("x"), "xᵀ"), "xᵀ",
                        Product.LOCAL_TIMES_UPSTREAM, s.get("dW")));
                if (s.kind() == LayerKind.AFFINE) {
                    out.add(new Link("db", "d" + f.inputs().get(2).name() + " = Σ dout (axis 0)", dout,
                            Tensor.scalar("1", 1), "1", Product.SUM_OVER_BATCH, s.get("db")));
                }
            }
            case RELU -> {
                Tensor mask = f.get("mask");
                double[] pass = new double[mask.size()];
                for (int i = 0; i < pass.length; i++) {
                    pass[i] = mask.at(i) == 0.0 ? 1 : 0;
                }
                out.add(new Link("dx", "dx = dout ⊙ (x > 0)", dout, Tensor.wrap("(x > 0)", mask.rows(), mask.cols(), pass),
                        "(x > 0)", Product.ELEMENTWISE, s.get("dx")));
            }
            case SIGMOID -> {
                Tensor o = f.get("out");
                double[] d = new double[o.size()];
                for (int i = 0; i < d.length; i++) {
                    d[i] = (1.0 - o.at(i)) * o.at(i);
                }
                out.add(new Link("dx", "dx = dout ⊙ (1 − out) ⊙ out", dout,
                        Tensor.wrap("(1 − out) · out", o.rows(), o.cols(), d), "(1 − out) · out", Product.ELEMENTWISE,
                        s.get("dx")));
            }
            case SOFTMAX_WITH_LOSS -> {
                Tensor y = f.get("y");
                Tensor t = f.get("t");
                double[] d = new double[y.size()];
                for (int i = 0; i < d.length; i++) {
                    d[i] = (y.at(i) - t.at(i)) / y.rows();
                }
                out.add(new Link("dx", "dx = dout · (y − t) / N", dout, Tensor.wrap("(y − t)/N", y.rows(), y.cols(), d),
                        "(y − t)/N", Product.ELEMENTWISE, s.get("dx")));
            }
            case MUL -> {
                List<Tensor> in = f.inputs();
                for (int k = 0; k < s.outputs().size(); k++) {
                    Tensor result = s.outputs().get(k);
                    Tensor local = in.size() > 1 ? in.get(1 - k) : Tensor.scalar("−1", -1);
                    out.add(new Link(result.name(), result.name() + " = " + dout.name() + " · " + local.name(), dout,
                            local, local.name(), Product.ELEMENTWISE, result));
                }
            }
            case ADD -> {
                for (Tensor result : s.outputs()) {
                    out.add(new Link(result.name(), result.name() + " = " + dout.name() + " · 1", dout,
                            Tensor.scalar("1", 1), "1", Product.ELEMENTWISE, result));
                }
            }
            case EXP -> {
                Tensor o = f.output();
                Tensor result = s.output();
                out.add(new Link(result.name(), result.name() + " = " + dout.name() + " · exp(" + f.inputs().get(0).name()
                        + ")", dout, o, "exp(" + f.inputs().get(0).name() + ") = " + o.name(), Product.ELEMENTWISE,
                        result));
            }
            case DIV -> {
                Tensor o = f.output();
                double[] d = new double[o.size()];
                for (int i = 0; i < d.length; i++) {
                    d[i] = -o.at(i) * o.at(i);
                }
                Tensor result = s.output();
                out.add(new Link(result.name(), result.name() + " = " + dout.name() + " · (−" + o.name() + "²)", dout,
                        Tensor.wrap("−" + o.name() + "²", o.rows(), o.cols(), d), "−" + o.name() + "²",
                        Product.ELEMENTWISE, result));
            }
            default -> {
            }
        }
        return out;
    }

    private static Tensor transpose(Tensor m, String name) {
        double[] d = new double[m.size()];
        for (int r = 0; r < m.rows(); r++) {
            for (int c = 0; c < m.cols(); c++) {
                d[c * m.rows() + r] = m.get(r, c);
            }
        }
        return Tensor.wrap(name, m.cols(), m.rows(), d);
    }
}
