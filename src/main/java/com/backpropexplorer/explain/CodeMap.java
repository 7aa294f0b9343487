package com.backpropexplorer.explain;

import com.backpropexplorer.explain.ComputationGraph.Edge;
import com.backpropexplorer.explain.ComputationGraph.Node;
import com.backpropexplorer.explain.code.Line;
import com.backpropexplorer.explain.code.Listing;
import com.backpropexplorer.explain.code.Token;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ties a pass to its code: for every stage the lines that run (the call sites along the call
 * path and the body of the innermost method), the line a refused backward would fail on and
 * the line whose forward pass fills the cache, every line's stages (click a line, jump to its
 * stage), and which tensor of the pass each variable in the code names (self.x ↔ Affine1's
 * cached x, dout ↔ the upstream gradient, apple_price ↔ the edge of that name). Immutable.
 */
public final class CodeMap {
    private static final Pattern SUBSCRIPT = Pattern.compile("\\['(\\w+)'\\]$");

    /**
     * The code of one stage.
     *
     * @param stage the stage's index
     * @param callSites the line calling each method of the call path, outermost first
     *     ({@code grads = network.gradient(…)}, {@code self.loss(x, t)}, {@code y = self.predict(x)},
     *     {@code x = layer.forward(x)})
     * @param body the lines of the innermost method that run (Affine.forward's three lines)
     * @param breadcrumbs {@code gradient() › loss() › predict() › Affine.forward()}
     */
    public record StageCode(int stage, List<Integer> callSites, List<Integer> body, String breadcrumbs) {
        public StageCode {
            callSites = List.copyOf(callSites);
            body = List.copyOf(body);
        }

        /** Every highlighted line, in listing order. */
        public List<Integer> lines() {
            Set<Integer> all = new java.util.TreeSet<>(callSites);
            all.addAll(body);
            return List.copyOf(all);
        }

        /** The line to scroll to: the first body line, else the innermost call site. */
        public int focus() {
            return body.isEmpty() ? callSites.get(callSites.size() - 1) : body.get(0);
        }
    }

    /**
     * What the code pane shows when backward is asked for before forward.
     *
     * @param readsCache the line of the first backward method that reads the empty cache
     *     ({@code batch_size = self.t.shape[0]} in SoftmaxWithLoss.backward)
     * @param fillsCache the line whose forward pass would have filled it ({@code self.loss(x, t)})
     * @param backwardCallSite where that backward is called from
     */
    public record RefusalCode(List<Integer> readsCache, List<Integer> fillsCache, List<Integer> backwardCallSite) {
        public RefusalCode {
            readsCache = List.copyOf(readsCache);
            fillsCache = List.copyOf(fillsCache);
            backwardCallSite = List.copyOf(backwardCallSite);
        }
    }

    /** A variable on a line. */
    public record Located(int line, Token token) {
    }

    private final Listing listing;
    private final Trace trace;
    private final List<StageCode> stages;

    private CodeMap(Listing listing, Trace trace) {
        this.listing = listing;
        this.trace = trace;
        List<StageCode> out = new ArrayList<>();
        for (Stage s : trace.stages()) {
            out.add(codeOf(s));
        }
        this.stages = List.copyOf(out);
    }

    /** The map of a pass onto its listing. */
    public static CodeMap of(Listing listing, Trace trace) {
        return new CodeMap(listing, trace);
    }

    public Listing listing() {
        return listing;
    }

    /** The code of stage {@code index}. */
    public StageCode at(int index) {
        return stages.get(index);
    }

    /** All stages' code, in stage order. */
    public List<StageCode> stages() {
        return stages;
    }

    /** The stages a line runs in (as call site or body), in order; empty for lines no stage runs. */
    public List<Integer> stagesOf(int line) {
        List<Integer> out = new ArrayList<>();
        for (StageCode c : stages) {
            if (c.callSites().contains(line) || c.body().contains(line)) {
                out.add(c.stage());
            }
        }
        return out;
    }

    /**
     * Where clicking a line goes: the first stage at or after the one about to run
     * ({@code position}) that runs the line, else the first that does. A line run by both
     * Affine1 and Affine2 thus steps through them in turn.
     */
    public OptionalInt stageFor(int line, int position) {
        List<Integer> all = stagesOf(line);
        if (all.isEmpty()) {
            return OptionalInt.empty();
        }
        for (int s : all) {
            if (s >= position) {
                return OptionalInt.of(s);
            }
        }
        return OptionalInt.of(all.get(0));
    }

    /** The lines to highlight when backward is refused: see {@link RefusalCode}. */
    public RefusalCode refusal() {
        Stage firstBackward = trace.stages().stream().filter(Stage::isBackward).findFirst().orElseThrow();
        String inner = firstBackward.calls().get(firstBackward.calls().size() - 1);
        List<Integer> reads = new ArrayList<>();
        for (int n : stages.get(firstBackward.index()).body()) {
            if (listing.line(n).has("reads-cache")) {
                reads.add(n);
            }
        }
        if (reads.isEmpty()) {
            reads.addAll(listing.withAnchor("reads-cache").stream()
                    .filter(n -> listing.line(n).section().equals(inner)).toList());
        }
        List<Integer> call = stages.get(firstBackward.index()).callSites();
        return new RefusalCode(reads, listing.withAnchor("fills-cache"),
                call.isEmpty() ? List.of() : List.of(call.get(call.size() - 1)));
    }

    private StageCode codeOf(Stage s) {
        List<String> calls = s.calls();
        List<Integer> callSites = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            List<Integer> sites = i == 0 ? outerCallSites(s, calls.get(0))
                    : inSection(calls.get(i - 1), "call:" + calls.get(i));
            callSites.addAll(sites);
        }
        String direction = s.isUpdate() ? "update" : s.isForward() ? "forward" : "backward";
        List<Integer> body = listing.withAnchor("body:" + s.layer() + "." + direction);
        if (body.isEmpty() && !calls.isEmpty()) {
            body = listing.body(calls.get(calls.size() - 1));
        }
        return new StageCode(s.index(), callSites, body, s.breadcrumbs());
    }

    /** The outermost call's site: the layer's own line in a script, else any line calling the method. */
    private List<Integer> outerCallSites(Stage s, String call) {
        String method = call.substring(call.indexOf('.') + 1);
        List<Integer> own = listing.withAnchor("call:" + s.layer() + "." + method);
        return own.isEmpty() ? listing.withAnchor("call:" + call) : own;
    }

    private List<Integer> inSection(String section, String anchor) {
        return listing.withAnchor(anchor).stream().filter(n -> listing.line(n).section().equals(section)).toList();
    }

    // ---------------------------------------------------------------- variables

    /**
     * The tensors a variable names at a stage: {@code self.x} in Affine.backward is the x the
     * forward stage cached, {@code self.W} the layer's W1 or W2, {@code dout} the upstream
     * gradient, {@code apple_price} the edge of that name. Empty when the name means nothing
     * at that stage (a loop variable, a line the stage does not run).
     */
    public List<ValueRef> resolve(int stageIndex, int line, Token token) {
        Stage s = trace.stage(stageIndex);
        StageCode code = stages.get(stageIndex);
        if (!code.body().contains(line) && !code.callSites().contains(line)) {
            return List.of();
        }
        String text = token.text();
        if (code.body().contains(line) && !s.isUpdate()) {
            Optional<ValueRef> local = inLayer(s, text);
            if (local.isPresent()) {
                return List.of(local.get());
            }
        }
        return outside(s, text);
    }

    /** Every variable on the stage's lines that names this tensor (same stage and name). */
    public List<Located> tokensFor(int stageIndex, ValueRef ref) {
        List<Located> out = new ArrayList<>();
        for (int n : stages.get(stageIndex).lines()) {
            for (Token t : listing.line(n).tokens()) {
                for (ValueRef r : resolve(stageIndex, n, t)) {
                    if (r.stage() == ref.stage() && r.name().equals(ref.name())) {
                        out.add(new Located(n, t));
                    }
                }
            }
        }
        return out;
    }

    /** Names inside the layer's own method: its arguments, its cache, its gradients. */
    private Optional<ValueRef> inLayer(Stage s, String text) {
        ComputationGraph graph = trace.graph();
        Optional<Node> node = graph.nodes().stream().filter(n -> n.isOperation() && n.id().equals(s.layer())).findFirst();
        String name = text.startsWith("self.") ? text.substring(5) : text;
        if (node.isEmpty()) {
            return s.find(name).map(t -> refIn(s, name));
        }
        Node n = node.get();
        List<Edge> in = graph.into(n.id());
        for (Edge e : in) {
            if (name.equals("d" + e.port()) && e.gradient() != null) {
                return Optional.of(e.gradient());
            }
        }
        if (text.startsWith("self.") && n.forwardStage() >= 0
                && trace.stage(n.forwardStage()).cached().stream().anyMatch(c -> c.name().equals(name))) {
            return Optional.of(ValueRef.producedBy(n.forwardStage(), name));
        }
        for (Edge e : in) {
            if (name.equals(e.port())) {
                return Optional.of(e.value());
            }
        }
        List<Edge> out = graph.outOf(n.id());
        if (!out.isEmpty() && (name.equals("out") || name.equals("loss"))) {
            return Optional.of(out.get(0).value());
        }
        if (!out.isEmpty() && name.equals("dout") && out.get(0).gradient() != null) {
            return Optional.of(out.get(0).gradient());
        }
        return s.find(name).map(t -> refIn(s, name));
    }

    /** Names at call sites and in scripts: the stage's own tensors, then the graph's edges. */
    private List<ValueRef> outside(Stage s, String text) {
        ComputationGraph graph = trace.graph();
        String name = text.startsWith("self.") ? text.substring(5) : text;
        if (s.isUpdate()) {
            return inUpdate(s, name);
        }
        if (s.find(name).isPresent()) {
            return List.of(refIn(s, name));
        }
        Matcher key = SUBSCRIPT.matcher(name);
        if (key.find()) {
            String label = key.group(1);
            boolean gradient = name.startsWith("grads");
            return graph.edgeLabelled(label).map(e -> gradient ? e.gradient() : e.value()).stream().toList();
        }
        for (Edge e : graph.edges()) {
            if (e.label().equals(name)) {
                return List.of(e.value());
            }
            if (e.gradient() != null && e.gradientLabel().equals(name)) {
                return List.of(e.gradient());
            }
        }
        return List.of();
    }

    private List<ValueRef> inUpdate(Stage s, String name) {
        int u = s.index();
        if (name.equals("lr") || name.equals("learning_rate")) {
            return List.of(ValueRef.given(u, "lr"));
        }
        Set<ValueRef> out = new LinkedHashSet<>();
        boolean grads = name.startsWith("grads") || name.equals("dW");
        boolean params = name.startsWith("params") || name.endsWith("params") || name.equals("W")
                || name.startsWith("net.");
        for (Tensor t : s.outputs()) {
            if (params) {
                out.add(ValueRef.given(u, t.name()));
            }
            if (grads) {
                out.add(ValueRef.given(u, "d" + t.name()));
            }
        }
        return List.copyOf(out);
    }

    /** A tensor of a stage: its inputs are known once the stage is about to run, the rest once it ran. */
    private static ValueRef refIn(Stage s, String name) {
        boolean input = s.inputs().stream().anyMatch(t -> t.name().equals(name));
        return new ValueRef(s.index(), name, input ? s.index() - 1 : s.index());
    }
}
