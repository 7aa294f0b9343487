package com.backpropexplorer.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where one number of a pass comes from: for an element of an output or a gradient (out[i][j],
 * dx[i][j], dW[i][j], db[j], L …), the regions of other tensors it was computed from (to
 * highlight: row i of x and column j of W1 for out[i][j]; column i of x and column j of dout
 * for dW1[i][j]; the mask cell for a ReLU dx) and the arithmetic as terms with their numbers,
 * every term for small nets, the largest for big ones.
 */
public final class Provenance {

    /** A part of a tensor of the pass: one cell, a row (col = −1), a column (row = −1), or all of it. */
    public record Region(ValueRef tensor, int row, int col) {
        public static Region cell(ValueRef tensor, int row, int col) {
            return new Region(tensor, row, col);
        }

        public static Region row(ValueRef tensor, int row) {
            return new Region(tensor, row, -1);
        }

        public static Region column(ValueRef tensor, int col) {
            return new Region(tensor, -1, col);
        }

        public boolean contains(int r, int c) {
            return (row < 0 || row == r) && (col < 0 || col == c);
        }
    }

    /** One factor of a term: its symbol (x[0][3], (1 − out[0][1]), −η, 1/N) and its value. */
    public record Factor(String symbol, double value) {
    }

    /** A product of factors (one factor for a plain addend); value is the product. */
    public record Term(List<Factor> factors, double value) {
        public Term {
            factors = List.copyOf(factors);
        }

        static Term of(Factor... factors) {
            double v = 1;
            for (Factor f : factors) {
                v *= f.value();
            }
            return new Term(List.of(factors), v);
        }
    }

    /**
     * The answer for one element.
     *
     * @param stage where the element is computed
     * @param tensor its tensor's name at that stage (out, dx, dW, db, L, apple_price …)
     * @param row its row
     * @param col its column
     * @param formula the element's formula in symbols, e.g. {@code dW[3][1] = Σ_n x[n][3] · dout[n][1]}
     * @param sources what to highlight
     * @param terms the terms shown (all of them, or the largest |value| first when cut)
     * @param termCount how many terms the sum has in all
     * @param rest the sum of the terms not shown (0 when all are)
     * @param value the element as the pass computed it
     */
    public record Origin(int stage, String tensor, int row, int col, String formula, List<Region> sources,
                         List<Term> terms, int termCount, double rest, double value) {
        public Origin {
            sources = List.copyOf(sources);
            terms = List.copyOf(terms);
        }

        /** Whether every term is shown. */
        public boolean complete() {
            return terms.size() == termCount;
        }
    }

    /** Shown in full up to this many terms; beyond, the largest ones. */
    public static final int MAX_TERMS = 8;

    private Provenance() {
    }

    /** Where element [row][col] of tensor {@code name} at stage {@code stageIndex} comes from. */
    public static Origin of(Trace trace, int stageIndex, String name, int row, int col) {
        return of(trace, stageIndex, name, row, col, MAX_TERMS);
    }

    /** The same with another cut: at most {@code maxTerms} terms listed. */
    public static Origin of(Trace trace, int stageIndex, String name, int row, int col, int maxTerms) {
        Stage s = trace.stage(stageIndex);
        Tensor target = s.findComputed(name)
                .orElseThrow(() -> new IllegalArgumentException(s.label() + " has no " + name));
        if (row < 0 || row >= target.rows() || col < 0 || col >= target.cols()) {
            throw new IllegalArgumentException(name + " has no element [" + row + "][" + col + "]");
        }
        Builder b = new Builder(trace, s, name, row, col, target.get(row, col));
        switch (s.kind()) {
            case AFFINE, MATMUL -> {
                if (s.isForward()) {
                    b.affineForward();
                } else {
                    b.affineBackward();
                }
            }
            case RELU -> b.relu();
            case SIGMOID -> b.sigmoid();
            case SOFTMAX_WITH_LOSS -> b.softmax();
            case MUL, ADD, EXP, DIV -> b.elementary();
            case SGD -> b.sgd();
            default -> throw new IllegalArgumentException("no provenance for " + s.kind());
        }
        return b.build(maxTerms);
    }

    /** Collects sources and terms for one element. */
    private static final class Builder {
        private final Trace trace;
        private final Stage s;
        private final String name;
        private final int row;
        private final int col;
        private final double value;
        private final List<Region> sources = new ArrayList<>();
        private final List<Term> terms = new ArrayList<>();
        private String formula;

        Builder(Trace trace, Stage s, String name, int row, int col, double value) {
            this.trace = trace;
            this.s = s;
            this.name = name;
            this.row = row;
            this.col = col;
            this.value = value;
        }

        private String at(String tensor, int r, int c) {
            return tensor + "[" + r + "][" + c + "]";
        }

        private ValueRef here(String tensor) {
            return new ValueRef(s.index(), tensor, s.index());
        }

        private Stage forward() {
            return s.isForward() ? s : trace.forwardStageOf(s.layer()).orElseThrow();
        }

        private ValueRef inForward(String tensor) {
            Stage f = forward();
            return new ValueRef(f.index(), tensor, f.index());
        }

        void affineForward() {
            Tensor x = s.get("x");
            String wName = s.inputs().get(1).name();
            Tensor w = s.inputs().get(1);
            sources.add(Region.row(here("x"), row));
            sources.add(Region.column(ValueRef.given(s.index(), wName), col));
            for (int k = 0; k < x.cols(); k++) {
                terms.add(Term.of(new Factor(at("x", row, k), x.get(row, k)), new Factor(at(wName, k, col), w.get(k, col))));
            }
            formula = at("out", row, col) + " = Σ_k x[" + row + "][k] · " + wName + "[k][" + col + "]";
            if (s.inputs().size() > 2) {
                Tensor b = s.inputs().get(2);
                sources.add(Region.cell(ValueRef.given(s.index(), b.name()), 0, col));
                terms.add(Term.of(new Factor(b.name() + "[" + col + "]", b.get(0, col))));
                formula += " + " + b.name() + "[" + col + "]";
            }
        }

        void affineBackward() {
            Tensor dout = s.get("dout");
            Stage f = forward();
            String wName = f.inputs().get(1).name();
            Tensor w = f.inputs().get(1);
            Tensor x = f.get("x");
            switch (name) {
                case "dx" -> {
                    sources.add(Region.row(here("dout"), row));
                    sources.add(Region.row(ValueRef.given(f.index(), wName), col));
                    for (int j = 0; j < dout.cols(); j++) {
                        terms.add(Term.of(new Factor(at("dout", row, j), dout.get(row, j)),
                                new Factor(at(wName, col, j), w.get(col, j))));
                    }
                    formula = at("dx", row, col) + " = Σ_j dout[" + row + "][j] · " + wName + "[" + col + "][j]";
                }
                case "dW" -> {
                    sources.add(Region.column(inForward("x"), row));
                    sources.add(Region.column(here("dout"), col));
                    for (int n = 0; n < dout.rows(); n++) {
                        terms.add(Term.of(new Factor(at("x", n, row), x.get(n, row)),
                                new Factor(at("dout", n, col), dout.get(n, col))));
                    }
                    formula = "d" + wName + "[" + row + "][" + col + "] = Σ_n x[n][" + row + "] · dout[n][" + col + "]";
                }
                case "db" -> {
                    sources.add(Region.column(here("dout"), col));
                    for (int n = 0; n < dout.rows(); n++) {
                        terms.add(Term.of(new Factor(at("dout", n, col), dout.get(n, col))));
                    }
                    formula = "d" + f.inputs().get(2).name() + "[" + col + "] = Σ_n dout[n][" + col + "]";
                }
                default -> throw new IllegalArgumentException(s.label() + ": no provenance for " + name);
            }
        }

        void relu() {
            Stage f = forward();
            Tensor mask = f.get("mask");
            boolean on = mask.get(row, col) == 0.0;
            sources.add(Region.cell(inForward("mask"), row, col));
            String in = s.isForward() ? "x" : "dout";
            Tensor input = s.get(in);
            sources.add(Region.cell(here(in), row, col));
            terms.add(Term.of(new Factor(at(in, row, col), input.get(row, col)),
                    new Factor("(mask[" + row + "][" + col + "] ? 0 : 1)", on ? 1 : 0)));
            String out = s.isForward() ? "out" : "dx";
            formula = at(out, row, col) + " = " + at(in, row, col) + (on ? "  (x > 0: passed)" : "  (x ≤ 0: blocked, 0)");
        }

        void sigmoid() {
            if (s.isForward()) {
                Tensor x = s.get("x");
                sources.add(Region.cell(here("x"), row, col));
                terms.add(Term.of(new Factor("1 / (1 + exp(−" + at("x", row, col) + "))", value)));
                formula = at("out", row, col) + " = 1 / (1 + exp(−x[" + row + "][" + col + "]))";
                return;
            }
            Tensor out = forward().get("out");
            Tensor dout = s.get("dout");
            double o = out.get(row, col);
            sources.add(Region.cell(here("dout"), row, col));
            sources.add(Region.cell(inForward("out"), row, col));
            terms.add(Term.of(new Factor(at("dout", row, col), dout.get(row, col)),
                    new Factor("(1 − " + at("out", row, col) + ")", 1 - o), new Factor(at("out", row, col), o)));
            formula = at("dx", row, col) + " = dout · (1 − out) · out";
        }

        void softmax() {
            Stage f = forward();
            Tensor y = f.get("y");
            Tensor t = f.get("t");
            int n = y.rows();
            if (s.isForward() && (name.equals("L") || name.equals("loss"))) {
                for (int r = 0; r < n; r++) {
                    int label = trace.label(r);
                    sources.add(Region.cell(inForward("y"), r, label));
                    double guarded = y.get(r, label) + com.backpropexplorer.engine.SoftmaxWithLoss.LOG_GUARD;
                    terms.add(Term.of(new Factor("−log(" + at("y", r, label) + " + 1e-7)", -Math.log(guarded)),
                            new Factor("1/N", 1.0 / n)));
                }
                formula = "L = −Σ_n log(y[n][t_n] + 1e-7) / N";
                return;
            }
            if (s.isForward()) { // y[i][j] = exp(x[i][j] − max) / Σ_k exp(x[i][k] − max)
                sources.add(Region.row(here("x"), row));
                terms.add(Term.of(new Factor("softmax(x[" + row + "])[" + col + "]", y.get(row, col))));
                formula = at("y", row, col) + " = exp(x[" + row + "][" + col + "]) / Σ_k exp(x[" + row + "][k])";
                return;
            }
            sources.add(Region.cell(inForward("y"), row, col));
            sources.add(Region.cell(inForward("t"), row, col));
            double dout = s.get("dout").value();
            terms.add(Term.of(new Factor("dout", dout),
                    new Factor("(" + at("y", row, col) + " − " + at("t", row, col) + ")", y.get(row, col) - t.get(row, col)),
                    new Factor("1/N", 1.0 / n)));
            formula = at("dx", row, col) + " = dout · (y − t)[" + row + "][" + col + "] / N";
        }

        /** MulLayer, AddLayer and the nodes of Sigmoid taken apart: scalars or element by element. */
        void elementary() {
            Stage f = forward();
            List<Tensor> in = f.inputs();
            if (s.isForward()) {
                for (Tensor t : in) {
                    sources.add(Region.cell(ValueRef.given(f.index(), t.name()), row, col));
                }
                switch (s.kind()) {
                    case MUL -> {
                        double second = in.size() > 1 ? in.get(1).get(row, col) : -1;
                        terms.add(Term.of(new Factor(sym(in.get(0)), in.get(0).get(row, col)),
                                new Factor(in.size() > 1 ? sym(in.get(1)) : "(−1)", second)));
                    }
                    case ADD -> {
                        for (Tensor t : in) {
                            terms.add(Term.of(new Factor(sym(t), t.get(row, col))));
                        }
                        if (in.size() == 1) {
                            terms.add(Term.of(new Factor("1", 1)));
                        }
                    }
                    case EXP -> terms.add(Term.of(new Factor("exp(" + sym(in.get(0)) + ")", value)));
                    default -> terms.add(Term.of(new Factor("1 / " + sym(in.get(0)), value)));
                }
                formula = sym(s.output()) + " = " + String.join(s.kind() == LayerKind.ADD ? " + " : " · ",
                        terms.stream().map(t -> t.factors().get(0).symbol()).toList());
                if (s.kind() == LayerKind.MUL) {
                    formula = sym(s.output()) + " = " + terms.get(0).factors().get(0).symbol() + " · "
                            + terms.get(0).factors().get(1).symbol();
                }
                return;
            }
            Tensor dout = s.get(s.inputs().get(0).name());
            int which = indexOf(s.outputs(), name);
            Factor up = new Factor(sym(dout), dout.get(row, col));
            sources.add(Region.cell(here(dout.name()), row, col));
            switch (s.kind()) {
                case MUL -> {
                    if (in.size() > 1) { // the inputs swap: dx takes y, dy takes x
                        Tensor other = in.get(1 - which);
                        sources.add(Region.cell(ValueRef.given(f.index(), other.name()), row, col));
                        terms.add(Term.of(up, new Factor(sym(other), other.get(row, col))));
                    } else {
                        terms.add(Term.of(up, new Factor("(−1)", -1)));
                    }
                }
                case ADD -> terms.add(Term.of(up, new Factor("1", 1)));
                case EXP -> {
                    Tensor out = f.output();
                    sources.add(Region.cell(inForward(out.name()), row, col));
                    terms.add(Term.of(up, new Factor(sym(out), out.get(row, col))));
                }
                default -> {
                    Tensor out = f.output();
                    sources.add(Region.cell(inForward(out.name()), row, col));
                    double o = out.get(row, col);
                    terms.add(Term.of(up, new Factor("(−" + sym(out) + "²)", -o * o)));
                }
            }
            Term t = terms.get(0);
            formula = name + " = " + t.factors().get(0).symbol() + " · " + t.factors().get(1).symbol();
        }

        void sgd() {
            Tensor before = s.inputs().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
            Tensor grad = s.get("d" + name);
            double lr = s.get("lr").value();
            sources.add(Region.cell(ValueRef.given(s.index(), name), row, col));
            sources.add(Region.cell(ValueRef.given(s.index(), "d" + name), row, col));
            terms.add(Term.of(new Factor(at(name, row, col), before.get(row, col))));
            terms.add(Term.of(new Factor("−η", -lr), new Factor(at("d" + name, row, col), grad.get(row, col))));
            formula = name + "[" + row + "][" + col + "] ← " + name + " − η · d" + name;
        }

        private String sym(Tensor t) {
            return t.isScalar() ? t.name() : at(t.name(), row, col);
        }

        private static int indexOf(List<Tensor> list, String name) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).name().equals(name)) {
                    return i;
                }
            }
            throw new IllegalArgumentException("no " + name);
        }

        Origin build(int maxTerms) {
            int count = terms.size();
            List<Term> shown = terms;
            double rest = 0;
            if (count > maxTerms) {
                List<Term> sorted = new ArrayList<>(terms);
                sorted.sort(Comparator.comparingDouble((Term t) -> -Math.abs(t.value())));
                shown = sorted.subList(0, maxTerms);
                for (Term t : sorted.subList(maxTerms, count)) {
                    rest += t.value();
                }
            }
            return new Origin(s.index(), name, row, col, formula, sources, shown, count, rest, value);
        }
    }
}
