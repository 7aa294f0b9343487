package com.backpropexplorer.ui.inspector;

import static com.backpropexplorer.ui.inspector.Formulas.formula;
import static com.backpropexplorer.ui.inspector.Formulas.muted;
import static com.backpropexplorer.ui.inspector.Formulas.named;
import static com.backpropexplorer.ui.inspector.Formulas.sectionTitle;

import com.backpropexplorer.explain.GraphNode;
import com.backpropexplorer.explain.LayerKind;
import com.backpropexplorer.explain.Stage;
import com.backpropexplorer.explain.Tensor;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.graph.Flow;
import com.backpropexplorer.ui.graph.ParamCells;
import com.backpropexplorer.ui.graph.TensorViews;
import com.backpropexplorer.ui.lesson.LessonModel;
import com.backpropexplorer.ui.lesson.PassState;
import com.backpropexplorer.explain.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The inspector: for the selected node, its shapes, what it cached, and its forward and
 * backward formulas with the live numbers substituted. Tensor views carry ids
 * {@code inspector-fwd-<name>}, {@code inspector-cache-<name>} and {@code inspector-bwd-<name>}
 * (the tensor names of the stage: x, W1, b1, out, L, y, mask, dout, dx, dW, db), so tests and
 * screen readers can find each value.
 */
public final class InspectorView extends VBox {
    private final LessonModel model;
    private final I18n i18n;
    private final ChangeListener<Object> refresh = (obs, o, n) -> render();
    /**
     * A new pass of the same lesson (a weight being dragged) arrives many times a second; the
     * inspector shows new numbers at most every {@link #LIVE_GAP_NANOS} (its heatmaps are large), and
     * always shows the last.
     */
    private static final long LIVE_GAP_NANOS = 150_000_000L;
    /**
     * How long after the gap the last live pass waits for one more answer before the timer shows
     * it: while answers come (up to every 17 ms), the next answer brings the refresh instead.
     */
    private static final long TRAILING_GRACE_NANOS = 40_000_000L;
    private final javafx.animation.PauseTransition pendingRender = new javafx.animation.PauseTransition();
    private long lastRender;
    /** True while the pass on show here is older than the model's. */
    private boolean stale;
    /** True while a refresh waits in the FX queue. */
    private boolean refreshQueued;
    private final ChangeListener<Object> onRun = (obs, o, n) -> runChanged();
    /** The tensor views render made, in order, and the pass they show (null: nothing to update). */
    private final List<Node> shownViews = new ArrayList<>();
    private Trace shownTrace;
    /** While updating in place: the tensors the views would show now, in the same order. */
    private List<Tensor> collecting;
    /** The formulas with the numbers in them. */
    private final Substitutions substitutions;
    /** The inspected node's forward and backward stage while rendering (provenance hover). */
    private Stage[] shownStages = new Stage[2];
    /** Told where a hovered number comes from (null: the pointer left it). */
    private java.util.function.Consumer<com.backpropexplorer.explain.Provenance.Origin> onProvenance = o -> { };
    /** The node being rendered: which parameter a dW or db belongs to. */
    private GraphNode shownNode;
    /** The sections of nodes whose values are plain numbers (the shopping graphs, Sigmoid taken apart). */
    private final ScalarNodeSections scalars;

    public InspectorView(LessonModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        this.scalars = new ScalarNodeSections(i18n);
        this.substitutions = new Substitutions(i18n, this::view);
        setId("inspector");
        getStyleClass().add("inspector");
        model.positionProperty().addListener(new WeakChangeListener<>(refresh));
        model.selectedLayerProperty().addListener(new WeakChangeListener<>(refresh));
        model.runProperty().addListener(new WeakChangeListener<>(onRun));
        pendingRender.setOnFinished(e -> {
            if (model.showsLivePass()) {
                queueRefresh(); // after this pulse, not in its animation phase
            } else {
                showNewValues();
            }
        });
        model.selectedElementProperty().addListener(new WeakChangeListener<>(refresh));
        model.secondElementProperty().addListener(new WeakChangeListener<>(refresh));
        model.samples().rowProperty().addListener(new WeakChangeListener<>(refresh));
        render();
    }

    /** What to do with where a hovered number comes from (the page highlights and explains it). */
    public void setOnProvenance(java.util.function.Consumer<com.backpropexplorer.explain.Provenance.Origin> action) {
        onProvenance = action;
    }

    /**
     * A new pass. The lesson's own passes show at once (or at the end of the gap). A live pass of
     * the weights panel never refreshes the inspector inside the answer that brought it, which
     * the learner waits for on the graph and the panel: once the gap has passed, the refresh
     * runs next in the FX queue, after that answer has set its values and while the engine
     * thread is idle until the next slider event; it reads the newest pass then (latest wins).
     * When the answers stop, the timer shows the last pass.
     */
    private void runChanged() {
        stale = true;
        long since = System.nanoTime() - lastRender;
        boolean live = model.showsLivePass();
        if (live && since >= LIVE_GAP_NANOS) {
            queueRefresh();
        } else if (pendingRender.getStatus() == javafx.animation.Animation.Status.RUNNING) {
            return; // the update already scheduled will show this pass
        } else if (since >= LIVE_GAP_NANOS) {
            showNewValues();
        } else {
            long wait = LIVE_GAP_NANOS - since + (live ? TRAILING_GRACE_NANOS : 0);
            pendingRender.setDuration(javafx.util.Duration.millis(wait / 1e6));
            pendingRender.playFromStart();
        }
    }

    /** Shows the newest pass next in the FX queue, once however many passes arrive until then. */
    private void queueRefresh() {
        if (refreshQueued) {
            return;
        }
        refreshQueued = true;
        javafx.application.Platform.runLater(() -> {
            refreshQueued = false;
            if (stale) {
                showNewValues();
            }
        });
    }

    /** The current pass's numbers: in the views on show if they can take them, else built anew. */
    private void showNewValues() {
        pendingRender.stop();
        stale = false;
        if (updateInPlace()) {
            lastRender = System.nanoTime();
        } else {
            render();
        }
    }

    private void render() {
        pendingRender.stop();
        stale = false;
        lastRender = System.nanoTime();
        getChildren().clear();
        shownViews.clear();
        shownTrace = null;
        if (model.trace() == null || model.selectedLayer() == null) {
            Label hint = new Label(i18n.text("inspector.none"));
            hint.getStyleClass().add("text-muted");
            hint.setWrapText(true);
            getChildren().add(hint);
            return;
        }
        Stage update = model.trace().stages().stream().filter(Stage::isUpdate)
                .filter(st -> st.layer().equals(model.selectedLayer())).findFirst().orElse(null);
        if (update != null) {
            getChildren().add(new UpdateView(model, i18n, update));
            return;
        }
        List<Node> content = new ArrayList<>();
        if (build(content)) {
            getChildren().setAll(content);
            shownTrace = model.trace();
        }
    }

    /**
     * A pass of the same lesson with other values (a weight being dragged), the same node and
     * position shown: puts the new numbers into the views already there instead of building the
     * inspector again (new nodes cost a CSS pass each). The content is built once more off the
     * scene only to learn which tensor each view shows now, in the order render made them.
     *
     * @return false when the views cannot take the new pass (another lesson or shape): render
     */
    private boolean updateInPlace() {
        Trace next = model.trace();
        if (!fits(next)) {
            return false;
        }
        List<Tensor> tensors = new ArrayList<>();
        collecting = tensors;
        try {
            build(new ArrayList<>());
        } finally {
            collecting = null;
        }
        if (tensors.size() != shownViews.size()) {
            return false;
        }
        for (int i = 0; i < tensors.size(); i++) {
            if (!TensorViews.update(shownViews.get(i), tensors.get(i))) {
                return false;
            }
        }
        shownTrace = next;
        return true;
    }

    /** Whether the views on show can take the pass's numbers in place: the same lesson, graph and shapes. */
    private boolean fits(Trace next) {
        return shownTrace != null && next != null && !shownViews.isEmpty() && next.example() == shownTrace.example()
                && next.nodes().equals(shownTrace.nodes()) && next.stages().size() == shownTrace.stages().size()
                && next.batchSize() == shownTrace.batchSize()
                // a node of plain numbers is a few labels: built anew
                && !(shownNode != null && ScalarNodeSections.KINDS.contains(shownNode.kind()));
    }

    /** The inspector's content for the selected node, added to out; false if the node is not in the pass. */
    private boolean build(List<Node> out) {
        substitutions.newBuild();
        PassState state = new PassState(model.trace(), model.position());
        int j = model.layerIndex(model.selectedLayer());
        if (j < 0) {
            return false;
        }
        GraphNode node = state.node(j);
        shownNode = node;
        Stage forward = state.forwardStage(j);
        Stage backward = state.backwardStage(j);
        shownStages = new Stage[] {forward, backward};

        Label title = new Label(node.layer());
        title.setId("inspector-title");
        title.getStyleClass().addAll("inspector-title");
        Label kind = new Label(i18n.text("layer.kind." + key(node.kind())));
        kind.getStyleClass().add("inspector-kind");
        Label description = new Label(i18n.text("layer.desc." + key(node.kind())));
        description.getStyleClass().add("inspector-description");
        description.setWrapText(true);
        out.addAll(List.of(title, kind, description));
        boolean scalar = ScalarNodeSections.KINDS.contains(node.kind());
        if (!scalar) {
            out.add(shapes(node, forward, backward));
        }

        out.add(sectionTitle(i18n.text("inspector.forward"), Flow.FORWARD));
        if (scalar) {
            out.addAll(scalars.forward(forward, state.forwardDone(j)));
        } else {
            interleave(out, LayerFormulas.forward(node), state.forwardDone(j)
                    ? substitutions.forward(node, forward, state.trace().batchSize()) : List.of());
        }
        if (!scalar && !state.forwardDone(j)) {
            out.add(muted(i18n.text("inspector.notYetForward"), "inspector-forward-pending"));
        }

        out.add(sectionTitle(i18n.text("inspector.cache"), Flow.NEUTRAL));
        out.add(muted(i18n.text("inspector.cache.why"), null));
        if (state.forwardDone(j)) {
            for (Tensor cached : forward.cached()) {
                out.add(named(cached.name(), cached.isScalar() ? "" : cached.shape(),
                        view(cached, Flow.FORWARD, "inspector-cache-" + cached.name())));
            }
        } else {
            Label empty = muted(i18n.text("inspector.cache.empty"), "inspector-cache-empty");
            empty.getStyleClass().add("danger-text");
            out.add(empty);
        }

        if (scalar) {
            out.addAll(scalars.localAndBackward(model.trace(), forward, backward, state.forwardDone(j),
                    state.backwardDone(j)));
            return true;
        }
        out.add(sectionTitle(i18n.text("inspector.backward"), Flow.BACKWARD));
        interleave(out, LayerFormulas.backward(node, i18n), state.backwardDone(j)
                ? substitutions.backward(node, forward, backward, state.trace().batchSize()) : List.of());
        if (!state.backwardDone(j)) {
            out.add(muted(i18n.text("inspector.notYetBackward"), "inspector-backward-pending"));
        } else {
            out.addAll(ChainRuleView.of(state.trace(), backward.index(), i18n, this::view));
            int picked = model.samples().isAlone() ? -1 : model.samples().row();
            out.addAll(SampleShares.of(state.trace(), backward.index(), picked, i18n, this::view));
        }
        return true;
    }

    /** Each formula, then the same formula with the numbers in it (once they exist). */
    private void interleave(List<Node> out, List<String> formulas, List<Node> substituted) {
        for (int i = 0; i < formulas.size(); i++) {
            out.add(formula(formulas.get(i)));
            if (i < substituted.size()) {
                out.add(substituted.get(i));
            }
        }
    }

    private static String key(LayerKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private Node shapes(GraphNode node, Stage forward, Stage backward) {
        List<String> parts = new ArrayList<>();
        for (Tensor t : forward.inputs()) {
            parts.add(t.name() + " " + t.shape());
        }
        parts.add(forward.output().name() + " " + (forward.output().isScalar() ? i18n.text("graph.scalar")
                : forward.output().shape()));
        Label label = new Label(i18n.text("inspector.shapes") + "  " + String.join(",  ", parts));
        label.setId("inspector-shapes");
        label.getStyleClass().add("inspector-shapes");
        label.setWrapText(true);
        return label;
    }

    private Node view(Tensor tensor, Flow flow, String id) {
        if (collecting != null) {
            collecting.add(tensor);
            return new javafx.scene.layout.Region();
        }
        Node view = TensorViews.of(tensor, flow, TensorViews.Density.INSPECTOR);
        shownViews.add(view);
        if (id != null) {
            view.setId(id);
            ProvenanceHover.install(view, tensor, id, shownStages, model, onProvenance);
        }
        String param = parameterOf(tensor.name());
        if (param != null) {
            // a parameter or its gradient: its numbers can be picked for the weights panel
            ParamCells.install(view, param, model);
            ParamCells.highlight(view, model.selectedElement(), model.secondElement());
        }
        return view;
    }

    /** W1 for W1 and for Affine1's dW; null for anything that is not a parameter element. */
    private String parameterOf(String tensorName) {
        if (ParamCells.isParameter(tensorName)) {
            return tensorName;
        }
        if (shownNode != null && !shownNode.sideInputs().isEmpty() && !shownNode.sideInputs().get(0).equals("t")) {
            if (tensorName.equals("dW")) {
                return shownNode.sideInputs().get(0);
            }
            if (tensorName.equals("db") && shownNode.sideInputs().size() > 1) {
                return shownNode.sideInputs().get(1);
            }
        }
        return null;
    }
}
