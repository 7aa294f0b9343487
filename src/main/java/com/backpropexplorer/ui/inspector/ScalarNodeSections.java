package com.backpropexplorer.ui.inspector;

import com.backpropexplorer.explain.ChainRule;
import com.backpropexplorer.explain.LayerKind;
import com.backpropexplorer.explain.Stage;
import com.backpropexplorer.explain.Tensor;
import com.backpropexplorer.explain.Trace;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.Numbers;
import com.backpropexplorer.ui.graph.Flow;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;

/**
 * The inspector's sections for a node whose values are plain numbers: the book's MulLayer and
 * AddLayer (§5.4) and the nodes of Sigmoid taken apart (×(−1), exp, +1, /; §5.5.2). Forward, the
 * formula with the book's variable names and its numbers; then the local derivative of the node
 * (multiplication swaps its inputs, addition passes the gradient through) with its value once
 * forward ran; backward, each gradient sent on as upstream × local = result. Numbers carry ids
 * {@code inspector-fwd-<name>}, {@code inspector-local-<name>} and {@code inspector-bwd-<name>}.
 */
final class ScalarNodeSections {
    /** The kinds whose values are always plain numbers. */
    static final Set<LayerKind> KINDS = Set.of(LayerKind.MUL, LayerKind.ADD, LayerKind.EXP, LayerKind.DIV);

    private final I18n i18n;

    ScalarNodeSections(I18n i18n) {
        this.i18n = i18n;
    }

    /** Forward: the formula with the book's names, and its numbers once the stage ran. */
    List<Node> forward(Stage forward, boolean forwardDone) {
        List<Node> out = new ArrayList<>();
        out.add(Formulas.formula(forwardFormula(forward)));
        if (forwardDone) {
            out.add(forwardNumbers(forward));
        } else {
            out.add(Formulas.muted(i18n.text("inspector.notYetForward"), "inspector-forward-pending"));
        }
        return out;
    }

    /**
     * The local derivative (its value once forward ran: it needs only forward's numbers) and
     * backward, each gradient sent on as upstream × local = result once backward ran.
     */
    List<Node> localAndBackward(Trace trace, Stage forward, Stage backward, boolean forwardDone,
                                boolean backwardDone) {
        List<Node> out = new ArrayList<>();
        List<ChainRule.Link> links = ChainRule.at(trace, backward.index());
        out.add(Formulas.sectionTitle(i18n.text("inspector.local"), Flow.NEUTRAL));
        out.add(Formulas.muted(ChainRule.explanation(forward.kind(), i18n.locale()), "inspector-local-why"));
        for (int k = 0; k < links.size(); k++) {
            ChainRule.Link link = links.get(k);
            String input = k < forward.inputs().size() ? forward.inputs().get(k).name() : "x";
            String derivative = "∂" + forward.output().name() + "/∂" + input + " = " + link.localSymbol();
            boolean constant = link.localSymbol().matches("[−-]?\\d+");
            if (forwardDone && !constant) {
                out.add(row(text(derivative + " ="), value(link.local(), Flow.NEUTRAL, "inspector-local-" + input)));
            } else {
                out.add(row(text(derivative)));
            }
        }
        out.add(Formulas.sectionTitle(i18n.text("inspector.backward"), Flow.BACKWARD));
        for (ChainRule.Link link : links) {
            out.add(Formulas.formula(link.formula()));
            if (backwardDone) {
                out.add(row(text("="), value(link.upstream(), Flow.BACKWARD, null), text("×"),
                        value(link.local(), Flow.NEUTRAL, null), text("="),
                        value(link.result(), Flow.BACKWARD, "inspector-bwd-" + link.downstream())));
            }
        }
        if (!backwardDone) {
            out.add(Formulas.muted(i18n.text("inspector.notYetBackward"), "inspector-backward-pending"));
        } else if (backward.index() == trace.stages().size() - 1) {
            collapse(trace).ifPresent(out::add);
        }
        return out;
    }

    /**
     * Where a lesson has one (Sigmoid taken apart), the sentence that multiplies every local
     * derivative along the graph into one, with the pass's numbers: dout (what came in at the
     * end), y (what forward produced) and the gradient that reached the input.
     */
    private java.util.Optional<Node> collapse(Trace trace) {
        String key = "lesson." + trace.example().id() + ".collapse";
        if (!com.backpropexplorer.explain.text.Texts.has(key)) {
            return java.util.Optional.empty();
        }
        Stage lastForward = trace.stage(trace.forwardCount() - 1);
        Stage first = trace.stage(trace.forwardCount());
        Stage last = trace.stage(trace.stages().size() - 1);
        Label text = new Label(com.backpropexplorer.explain.text.Texts.text(i18n.locale(), key,
                number(first.inputs().get(0).value()), number(lastForward.output().value()),
                number(last.output().value())));
        text.setId("inspector-collapse");
        text.setWrapText(true);
        text.getStyleClass().addAll("formula", "inspector-collapse");
        return java.util.Optional.of(text);
    }

    /** out = x × y, out = −1 × x, out = x + 1, out = exp(x), out = 1 / x, with the stage's names. */
    static String forwardFormula(Stage forward) {
        List<Tensor> in = forward.inputs();
        String out = forward.output().name();
        String x = in.get(0).name();
        return out + " = " + switch (forward.kind()) {
            case MUL -> in.size() > 1 ? x + " × " + in.get(1).name() : "−1 × " + x;
            case ADD -> in.size() > 1 ? x + " + " + in.get(1).name() : x + " + 1";
            case EXP -> "exp(" + x + ")";
            case DIV -> "1 / " + x;
            default -> throw new IllegalArgumentException(forward.kind() + " is not a node of plain numbers");
        };
    }

    private Node forwardNumbers(Stage forward) {
        List<Tensor> in = forward.inputs();
        Tensor out = forward.output();
        List<Node> items = new ArrayList<>();
        items.add(text("="));
        switch (forward.kind()) {
            case MUL -> {
                if (in.size() > 1) {
                    items.addAll(List.of(fwd(in.get(0)), text("×"), fwd(in.get(1))));
                } else {
                    items.addAll(List.of(text("−1 ×"), fwd(in.get(0))));
                }
            }
            case ADD -> {
                items.add(fwd(in.get(0)));
                items.add(text("+"));
                items.add(in.size() > 1 ? fwd(in.get(1)) : text("1"));
            }
            case EXP -> items.addAll(List.of(text("exp("), fwd(in.get(0)), text(")")));
            case DIV -> items.addAll(List.of(text("1 /"), fwd(in.get(0))));
            default -> {
            }
        }
        items.add(text("="));
        items.add(fwd(out));
        return row(items.toArray(Node[]::new));
    }

    private Label fwd(Tensor t) {
        return value(t, Flow.FORWARD, "inspector-fwd-" + t.name());
    }

    private static Label value(Tensor t, Flow flow, String id) {
        Label label = new Label(number(t.value()));
        label.getStyleClass().addAll("scalar-value", flow.styleClass());
        label.setTooltip(new Tooltip(t.name() + " = " + Numbers.full(t.value())));
        if (id != null) {
            label.setId(id);
        }
        return label;
    }

    /** As the book reads it where short (2.2, 110), else with six significant digits. */
    static String number(double v) {
        String plain = Numbers.plain(v);
        return plain != null ? plain : String.format(java.util.Locale.ROOT, "%.6g", v);
    }

    private static Label text(String s) {
        Label label = new Label(s);
        label.getStyleClass().add("operator");
        return label;
    }

    private static FlowPane row(Node... items) {
        FlowPane row = new FlowPane(4, 2, items);
        row.getStyleClass().add("substitution");
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
