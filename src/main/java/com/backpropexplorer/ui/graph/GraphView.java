package com.backpropexplorer.ui.graph;

import com.backpropexplorer.explain.GraphNode;
import com.backpropexplorer.explain.LayerKind;
import com.backpropexplorer.explain.Stage;
import com.backpropexplorer.explain.Tensor;
import com.backpropexplorer.explain.Trace;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.lesson.LessonModel;
import com.backpropexplorer.ui.lesson.PassState;
import com.backpropexplorer.ui.lesson.Refusal;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.Animation;
import javafx.animation.FadeTransition;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.ParallelTransition;
import javafx.animation.PauseTransition;
import javafx.animation.SequentialTransition;
import javafx.animation.Timeline;
import javafx.animation.TranslateTransition;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.util.Duration;

/**
 * The computational graph, drawn the way the book draws it: x → Affine1 → Relu1 → Affine2 →
 * SoftmaxWithLoss → L, the parameters feeding in from above, each edge carrying a forward
 * arrow (values, blue) over a backward arrow (gradients, orange). Above each edge the value
 * that flowed forward, below it the gradient that flowed back, under each node what it
 * cached. Everything is built once per trace and only shown or hidden as the learner steps,
 * so the layout never jumps.
 *
 * <p>The view renders immutable snapshots from the {@link LessonModel}; a step of one stage is
 * animated (a token travels along the edges through the node), a jump is shown at once.
 */
public final class GraphView extends Region {
    static final PseudoClass CARRIED = PseudoClass.getPseudoClass("carried");
    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    static final PseudoClass CURRENT_FORWARD = PseudoClass.getPseudoClass("current-forward");
    static final PseudoClass CURRENT_BACKWARD = PseudoClass.getPseudoClass("current-backward");
    static final PseudoClass EMPTY = PseudoClass.getPseudoClass("empty");
    static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");
    static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");

    /** How long one stage takes to animate at speed 1. */
    public static final Duration STAGE_DURATION = Duration.millis(650);

    private static final double MARGIN = 18;
    private static final double MIN_EDGE = 54;
    /** Clearance between an edge's value box and the node centres on either side. */
    private static final double BOX_CLEARANCE = 14;
    private static final double ARROW_GAP = 10;
    private static final double ROW_GAP = 12;
    private static final double TERMINAL_SIZE = 38;

    private final LessonModel model;
    private final I18n i18n;
    private final Group tokens = new Group();
    private final List<LayerParts> layers = new ArrayList<>();
    private final List<EdgeParts> edges = new ArrayList<>();
    /** The parameter and gradient views whose elements can be picked (see {@link ParamCells}). */
    private final List<Node> pickable = new ArrayList<>();
    /** Every value view and where its tensor comes from, so a new pass can refresh them in place. */
    private final List<Bound> bound = new ArrayList<>();

    /** A view of one tensor of the pass, and how to find that tensor in a pass of the same net. */
    private record Bound(Node view, java.util.function.Function<PassState, Tensor> source) {
    }
    private Label inputTerminal;
    private Label lossTerminal;
    private Trace trace;
    private int shownPosition;
    private Animation running;
    private boolean animated = true;
    private Runnable onOpenTiles = () -> { };

    // strong references: the model outlives this view (a language switch rebuilds the view)
    private final ChangeListener<Object> onRun = (obs, o, n) -> runChanged();
    private final ChangeListener<Number> onPosition = (obs, o, n) -> positionChanged(o.intValue(), n.intValue());
    private final ChangeListener<Object> onSelection = (obs, o, n) -> showSelection();
    private final ChangeListener<Object> onRefusal = (obs, o, n) -> showRefusal(true);
    private final ChangeListener<Object> onElement = (obs, o, n) -> showPicked();

    public GraphView(LessonModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        getStyleClass().add("graph-view");
        setId("graph");
        tokens.setManaged(false);
        tokens.setMouseTransparent(true);
        model.runProperty().addListener(new WeakChangeListener<>(onRun));
        model.positionProperty().addListener(new WeakChangeListener<>(onPosition));
        model.selectedLayerProperty().addListener(new WeakChangeListener<>(onSelection));
        model.refusalProperty().addListener(new WeakChangeListener<>(onRefusal));
        model.selectedElementProperty().addListener(new WeakChangeListener<>(onElement));
        model.secondElementProperty().addListener(new WeakChangeListener<>(onElement));
        rebuild();
    }

    /** Whether single steps animate (off for screenshots and snapshots). */
    public void setAnimated(boolean animated) {
        this.animated = animated;
    }

    /** What the W1 card's "tiles" button does (the page opens the 28×28 tiles view). */
    public void setOnOpenTiles(Runnable action) {
        this.onOpenTiles = action;
    }

    /** True while a stage is being animated. */
    public boolean isAnimating() {
        return running != null && running.getStatus() == Animation.Status.RUNNING;
    }

    // ---------------------------------------------------------------- building

    private void rebuild() {
        stopAnimation();
        getChildren().clear();
        layers.clear();
        edges.clear();
        pickable.clear();
        bound.clear();
        trace = model.trace();
        if (trace == null) {
            return;
        }
        PassState all = new PassState(trace, trace.stages().size());
        inputTerminal = terminal("x", "terminal-input");
        lossTerminal = terminal("L", "terminal-loss");
        for (int j = 0; j < all.layerCount(); j++) {
            layers.add(new LayerParts(j, all));
        }
        for (int e = 0; e < all.edgeCount(); e++) {
            edges.add(new EdgeParts(e, all));
        }
        for (LayerParts layer : layers) {
            getChildren().addAll(layer.sideArrows);
            getChildren().add(layer.cacheLink);
        }
        for (EdgeParts edge : edges) {
            getChildren().addAll(edge.forwardArrow, edge.backwardArrow, edge.chip, edge.forwardBox, edge.backwardBox);
        }
        for (LayerParts layer : layers) {
            if (layer.params != null) {
                getChildren().add(layer.params.box);
            }
            getChildren().addAll(layer.node, layer.cache.box);
        }
        getChildren().addAll(inputTerminal, lossTerminal, tokens);
        shownPosition = model.position();
        apply(shownPosition, false);
        showSelection();
        showPicked();
        showRefusal(false);
        requestLayout();
    }

    /**
     * A new pass of the same net on the same batch (the weights panel moved a weight): the
     * numbers change, the nodes stay. Refreshing the views in place keeps the graph live while
     * the learner drags; anything else rebuilds it.
     */
    private void runChanged() {
        Trace next = model.trace();
        if (trace == null || next == null || next.example() != trace.example() || !next.nodes().equals(trace.nodes())
                || next.stages().size() != trace.stages().size() || next.batchSize() != trace.batchSize()) {
            rebuild();
            return;
        }
        PassState all = new PassState(next, next.stages().size());
        for (Bound b : bound) {
            if (!TensorViews.update(b.view(), b.source().apply(all))) {
                rebuild();
                return;
            }
        }
        trace = next;
    }

    private Label terminal(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().addAll("terminal", styleClass);
        label.setAlignment(Pos.CENTER);
        label.setManaged(false);
        return label;
    }

    private String kindName(LayerKind kind) {
        return i18n.text("layer.kind." + kind.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** A layer's node box, its cache card under it and its parameter cards above it. */
    private final class LayerParts {
        final int index;
        final GraphNode graphNode;
        final VBox node = new VBox();
        final CacheCard cache;
        final ParamCard params;
        final List<Arrow> sideArrows = new ArrayList<>();
        final Line cacheLink = new Line();

        LayerParts(int index, PassState all) {
            this.index = index;
            this.graphNode = all.node(index);
            Label name = new Label(graphNode.layer());
            name.getStyleClass().add("node-name");
            Label kind = new Label(kindName(graphNode.kind()));
            kind.getStyleClass().add("node-kind");
            node.getChildren().addAll(name, kind);
            node.setAlignment(Pos.CENTER);
            node.getStyleClass().addAll("graph-node", "kind-" + graphNode.kind().name().toLowerCase(java.util.Locale.ROOT));
            node.setId("node-" + graphNode.layer());
            node.setManaged(false);
            node.setOnMouseClicked(e -> model.select(graphNode.layer()));
            TensorViews.lazyTooltip(node, () -> new Tooltip(i18n.text("graph.node.tooltip")));

            cache = new CacheCard(graphNode.layer(), all.forwardStage(index).cached());
            cache.box.setOnMouseClicked(e -> model.select(graphNode.layer()));
            cacheLink.getStyleClass().add("cache-link");
            cacheLink.setManaged(false);

            if (graphNode.sideInputs().isEmpty()) {
                params = null;
            } else {
                params = new ParamCard(index, graphNode.sideInputs(), all);
                params.box.setOnMouseClicked(e -> model.select(graphNode.layer()));
                sideArrows.add(params.down);
                if (params.up != null) {
                    sideArrows.add(params.up);
                }
            }
        }

        double columnWidth() {
            double w = node.prefWidth(-1);
            w = Math.max(w, cache.box.prefWidth(-1));
            return Math.max(w, paramsWidth());
        }

        double paramsWidth() {
            return params == null ? 0 : params.box.prefWidth(-1);
        }
    }

    /** What a layer cached in forward: shown under the node, "empty" until its forward ran. */
    private final class CacheCard {
        final VBox box = new VBox();
        final Label empty = new Label();
        final VBox values = new VBox();

        CacheCard(String layer, List<Tensor> cached) {
            box.getStyleClass().add("cache-card");
            box.setId("cache-" + layer);
            box.setManaged(false);
            Label title = new Label(i18n.text("graph.cache"));
            title.getStyleClass().add("card-title");
            empty.setText(i18n.text("graph.cache.empty"));
            empty.getStyleClass().add("cache-empty-text");
            values.getStyleClass().add("cache-values");
            for (Tensor t : cached) {
                Label name = new Label(t.name());
                name.getStyleClass().add("value-name");
                Flow flow = t.name().equals("mask") || t.name().equals("t") ? Flow.NEUTRAL : Flow.FORWARD;
                Node view = TensorViews.of(t, flow, TensorViews.Density.GRAPH);
                String cacheName = t.name();
                int layerIndex = model.layerIndex(layer);
                bound.add(new Bound(view, all -> all.forwardStage(layerIndex).cached().stream()
                        .filter(c -> c.name().equals(cacheName)).findFirst().orElseThrow()));
                HBox row = new HBox(name, view);
                row.getStyleClass().add("cache-row");
                row.setAlignment(Pos.CENTER_LEFT);
                values.getChildren().add(row);
            }
            StackPane content = new StackPane(values, empty);
            content.setAlignment(Pos.TOP_LEFT);
            box.getChildren().addAll(title, content);
        }

        void setFilled(boolean filled) {
            values.setVisible(filled);
            empty.setVisible(!filled);
            box.pseudoClassStateChanged(EMPTY, !filled);
        }
    }

    /**
     * What feeds into a node from above: its parameters (W1 and b1) with their gradients beside
     * them once backward produced them, or the labels t. One card per node, centred over it, so
     * its arrows run straight down into the node and never cross the edge values.
     */
    private final class ParamCard {
        final GridPane box = new GridPane();
        final List<Node> gradientNodes = new ArrayList<>();
        /** Always shown, faint until backward fills the gradient in: the learner sees where it will go. */
        final List<Label> gradientHeaders = new ArrayList<>();
        final Arrow down = new Arrow(Flow.FORWARD);
        final Arrow up;

        ParamCard(int layer, List<String> names, PassState all) {
            box.getStyleClass().add("param-card");
            box.setId("params-" + all.node(layer).layer());
            box.setManaged(false);
            int row = 0;
            boolean anyGradient = false;
            for (String name : names) {
                Tensor value = all.sideInput(name);
                Flow flow = name.equals("t") ? Flow.NEUTRAL : Flow.FORWARD;
                Label header = new Label(name + "  " + value.shape());
                header.getStyleClass().addAll("value-header", flow.styleClass());
                Node view = TensorViews.of(value, flow, TensorViews.Density.GRAPH);
                view.setId("param-" + name);
                bound.add(new Bound(view, all2 -> all2.sideInput(name)));
                if (ParamCells.isParameter(name)) {
                    ParamCells.install(view, name, model);
                    pickable.add(view);
                }
                box.add(header, 0, row);
                box.add(view, 0, row + 1);
                Tensor gradient = all.parameterGradient(layer, name).orElse(null);
                if (gradient != null) {
                    anyGradient = true;
                    Label gradientHeader = new Label(PassState.gradientName(name) + name.substring(1) + "  "
                            + gradient.shape());
                    gradientHeader.getStyleClass().addAll("value-header", Flow.BACKWARD.styleClass());
                    Node gradientView = TensorViews.of(gradient, Flow.BACKWARD, TensorViews.Density.GRAPH);
                    gradientView.setId("param-d" + name);
                    bound.add(new Bound(gradientView, all2 -> all2.parameterGradient(layer, name).orElseThrow()));
                    ParamCells.install(gradientView, name, model);
                    pickable.add(gradientView);
                    box.add(gradientHeader, 1, row);
                    box.add(gradientView, 1, row + 1);
                    gradientHeaders.add(gradientHeader);
                    gradientNodes.add(gradientView);
                }
                row += 2;
                if (value.rows() == 28 * 28 && name.startsWith("W")) {
                    Button tiles = new Button(i18n.text("graph.tiles"));
                    tiles.getStyleClass().addAll("small", "flat", "tiles-button");
                    tiles.setId("tiles-" + name);
                    tiles.setOnAction(e -> onOpenTiles.run());
                    box.add(tiles, 0, row++, 2, 1);
                }
            }
            up = anyGradient ? new Arrow(Flow.BACKWARD) : null;
        }

        void setGradientShown(boolean shown) {
            gradientNodes.forEach(n -> n.setVisible(shown));
            gradientHeaders.forEach(h -> h.pseudoClassStateChanged(PENDING, !shown));
        }

        boolean gradientShown() {
            return !gradientNodes.isEmpty() && gradientNodes.get(0).isVisible();
        }
    }

    /** An edge: the two arrows, the shape chip, the value above and the gradient below. */
    private final class EdgeParts {
        final int index;
        final Arrow forwardArrow = new Arrow(Flow.FORWARD);
        final Arrow backwardArrow = new Arrow(Flow.BACKWARD);
        final Label chip = new Label();
        final VBox forwardBox;
        final VBox backwardBox;

        EdgeParts(int index, PassState all) {
            this.index = index;
            Tensor value = all.forwardValueAnyway(index);
            chip.setText(symbolicShape(value, all.trace().batchSize()));
            chip.getStyleClass().add("shape-chip");
            chip.setId("edge-shape-" + index);
            chip.setManaged(false);
            String forwardName = index == 0 ? "x" : index == all.layerCount() ? "L" : "out";
            forwardBox = valueBox(forwardName, value, Flow.FORWARD);
            forwardBox.setId("edge-forward-" + index);
            bound.add(new Bound(forwardBox.getChildren().get(1), a -> a.forwardValueAnyway(index)));
            Tensor gradient = all.backwardValue(index).orElseThrow();
            backwardBox = valueBox(index == all.layerCount() ? "dout" : "dx", gradient, Flow.BACKWARD);
            backwardBox.setId("edge-backward-" + index);
            bound.add(new Bound(backwardBox.getChildren().get(1), a -> a.backwardValue(index).orElseThrow()));
        }

        private VBox valueBox(String name, Tensor value, Flow flow) {
            Label header = new Label(value.isScalar() ? name : name + "  " + value.shape());
            header.getStyleClass().addAll("value-header", flow.styleClass());
            VBox box = new VBox(header, TensorViews.of(value, flow, TensorViews.Density.GRAPH));
            box.getStyleClass().addAll("value-box", flow.styleClass());
            box.setAlignment(Pos.CENTER);
            box.setManaged(false);
            return box;
        }
    }

    /** N×784, N×50, N×10 or "scalar": the shape as the book writes it, with N the batch size. */
    private String symbolicShape(Tensor value, int batch) {
        if (value.isScalar()) {
            return i18n.text("graph.scalar");
        }
        return (value.rows() == batch ? "N" : String.valueOf(value.rows())) + "×" + value.cols();
    }

    // ---------------------------------------------------------------- layout

    /** Horizontal centres of the columns: x terminal, each layer, the L terminal. */
    private double[] columnCentres() {
        int m = layers.size();
        double[] widths = new double[m + 2];
        double[] nodeWidths = new double[m + 2];
        double[] cacheWidths = new double[m + 2];
        double[] paramWidths = new double[m + 2];
        widths[0] = TERMINAL_SIZE;
        nodeWidths[0] = TERMINAL_SIZE;
        widths[m + 1] = TERMINAL_SIZE;
        nodeWidths[m + 1] = TERMINAL_SIZE;
        for (int j = 0; j < m; j++) {
            LayerParts layer = layers.get(j);
            widths[j + 1] = layer.columnWidth();
            nodeWidths[j + 1] = layer.node.prefWidth(-1);
            cacheWidths[j + 1] = layer.cache.box.prefWidth(-1);
            paramWidths[j + 1] = layer.paramsWidth();
        }
        double[] centres = new double[m + 2];
        EdgeParts first = edges.get(0);
        double leftOverhang = Math.max(0, boxWidth(first) / 2 - (MIN_EDGE / 2 + TERMINAL_SIZE / 2));
        centres[0] = MARGIN + Math.max(widths[0] / 2, leftOverhang);
        for (int c = 1; c < m + 2; c++) {
            EdgeParts edge = edges.get(c - 1);
            double distance = nodeWidths[c - 1] / 2 + nodeWidths[c] / 2 + MIN_EDGE;
            distance = Math.max(distance, boxWidth(edge) + 2 * BOX_CLEARANCE);
            distance = Math.max(distance, (cacheWidths[c - 1] + cacheWidths[c]) / 2 + 16);
            distance = Math.max(distance, (paramWidths[c - 1] + paramWidths[c]) / 2 + 16);
            centres[c] = centres[c - 1] + distance;
        }
        return centres;
    }

    private static double boxWidth(EdgeParts edge) {
        return Math.max(edge.forwardBox.prefWidth(-1), edge.backwardBox.prefWidth(-1));
    }

    private double contentWidth(double[] centres) {
        EdgeParts last = edges.get(edges.size() - 1);
        double rightOverhang = Math.max(TERMINAL_SIZE / 2, boxWidth(last) / 2 - MIN_EDGE / 2);
        return centres[centres.length - 1] + rightOverhang + MARGIN;
    }

    /** The heights of the rows: parameters, forward values, nodes, gradients, caches. */
    private double[] rowHeights() {
        double params = 0;
        double nodes = TERMINAL_SIZE;
        double caches = 0;
        for (LayerParts layer : layers) {
            if (layer.params != null) {
                params = Math.max(params, layer.params.box.prefHeight(-1));
            }
            nodes = Math.max(nodes, layer.node.prefHeight(-1));
            caches = Math.max(caches, layer.cache.box.prefHeight(-1));
        }
        double forward = 0;
        double backward = 0;
        for (EdgeParts edge : edges) {
            forward = Math.max(forward, edge.forwardBox.prefHeight(-1));
            backward = Math.max(backward, edge.backwardBox.prefHeight(-1));
        }
        return new double[] {params, forward, nodes, backward, caches};
    }

    @Override
    protected double computePrefWidth(double height) {
        return trace == null ? 400 : contentWidth(columnCentres());
    }

    @Override
    protected double computePrefHeight(double width) {
        if (trace == null) {
            return 300;
        }
        double sum = 2 * MARGIN;
        for (double h : rowHeights()) {
            sum += h;
        }
        return sum + ROW_GAP * 2 + 26 + ARROW_GAP * 2 + 18;
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        if (trace == null) {
            return;
        }
        double[] centres = columnCentres();
        double[] rows = rowHeights();
        double paramTop = MARGIN;
        double forwardTop = paramTop + rows[0] + (rows[0] > 0 ? 26 : 0);
        double nodeTop = forwardTop + rows[1] + ROW_GAP;
        double nodeHeight = rows[2];
        double midY = nodeTop + nodeHeight / 2;
        double backwardTop = nodeTop + nodeHeight + ROW_GAP;
        double cacheTop = backwardTop + rows[3] + 18;

        place(inputTerminal, centres[0], midY, TERMINAL_SIZE, TERMINAL_SIZE);
        place(lossTerminal, centres[centres.length - 1], midY, TERMINAL_SIZE, TERMINAL_SIZE);
        double[] nodeHalf = new double[centres.length];
        nodeHalf[0] = TERMINAL_SIZE / 2;
        nodeHalf[centres.length - 1] = TERMINAL_SIZE / 2;

        for (LayerParts layer : layers) {
            double cx = centres[layer.index + 1];
            double w = layer.node.prefWidth(-1);
            nodeHalf[layer.index + 1] = w / 2;
            place(layer.node, cx, midY, w, nodeHeight);
            double cacheW = layer.cache.box.prefWidth(-1);
            layer.cache.box.resizeRelocate(cx - cacheW / 2, cacheTop, cacheW, layer.cache.box.prefHeight(-1));
            layer.cacheLink.setStartX(cx);
            layer.cacheLink.setStartY(nodeTop + nodeHeight);
            layer.cacheLink.setEndX(cx);
            layer.cacheLink.setEndY(cacheTop);

            ParamCard card = layer.params;
            if (card != null) {
                double w2 = card.box.prefWidth(-1);
                double h2 = card.box.prefHeight(-1);
                double bottom = paramTop + rows[0];
                card.box.resizeRelocate(cx - w2 / 2, bottom - h2, w2, h2);
                double offset = card.up == null ? 0 : 7;
                card.down.setPoints(cx - offset, bottom + 2, cx - offset, nodeTop - 2);
                if (card.up != null) {
                    card.up.setPoints(cx + offset, nodeTop - 2, cx + offset, bottom + 2);
                }
            }
        }
        for (EdgeParts edge : edges) {
            double left = centres[edge.index] + nodeHalf[edge.index] + 4;
            double right = centres[edge.index + 1] - nodeHalf[edge.index + 1] - 4;
            edge.forwardArrow.setPoints(left, midY - ARROW_GAP, right, midY - ARROW_GAP);
            edge.backwardArrow.setPoints(right, midY + ARROW_GAP, left, midY + ARROW_GAP);
            double cx = (left + right) / 2;
            double chipW = edge.chip.prefWidth(-1);
            double chipH = edge.chip.prefHeight(-1);
            edge.chip.resizeRelocate(cx - chipW / 2, midY - chipH / 2, chipW, chipH);
            double fw = edge.forwardBox.prefWidth(-1);
            double fh = edge.forwardBox.prefHeight(-1);
            edge.forwardBox.resizeRelocate(cx - fw / 2, nodeTop - ROW_GAP - fh, fw, fh);
            double bw = edge.backwardBox.prefWidth(-1);
            double bh = edge.backwardBox.prefHeight(-1);
            edge.backwardBox.resizeRelocate(cx - bw / 2, backwardTop, bw, bh);
        }
    }

    private static void place(Region node, double cx, double cy, double w, double h) {
        node.resizeRelocate(cx - w / 2, cy - h / 2, w, h);
    }

    // ---------------------------------------------------------------- state

    /** Shows the graph as it is after {@code position} stages. */
    private void apply(int position, boolean fadeIn) {
        if (trace == null) {
            return;
        }
        PassState state = new PassState(trace, position);
        List<Node> appearing = new ArrayList<>();
        for (EdgeParts edge : edges) {
            boolean forward = state.forwardValue(edge.index).isPresent();
            boolean backward = state.backwardValue(edge.index).isPresent();
            show(edge.forwardBox, forward, fadeIn, appearing);
            show(edge.backwardBox, backward, fadeIn, appearing);
            // edge 0 holds x from the start, but nothing has travelled on it yet
            edge.forwardArrow.setCarried(edge.index == 0 ? position > 0 : forward);
            edge.backwardArrow.setCarried(backward);
        }
        Stage current = state.current();
        for (LayerParts layer : layers) {
            boolean cached = state.forwardDone(layer.index);
            boolean wasCached = layer.cache.values.isVisible();
            layer.cache.setFilled(cached);
            if (cached && !wasCached && fadeIn) {
                appearing.add(layer.cache.values);
            }
            boolean gradientsDone = state.backwardDone(layer.index);
            ParamCard card = layer.params;
            if (card != null) {
                boolean was = card.gradientShown();
                card.setGradientShown(gradientsDone);
                if (gradientsDone && !was && fadeIn) {
                    appearing.addAll(card.gradientNodes);
                }
                card.down.setCarried(cached);
                if (card.up != null) {
                    card.up.setCarried(gradientsDone);
                }
            }
            boolean isCurrent = current != null && current.layer().equals(layer.graphNode.layer());
            layer.node.pseudoClassStateChanged(CURRENT_FORWARD, isCurrent && current.isForward());
            layer.node.pseudoClassStateChanged(CURRENT_BACKWARD, isCurrent && !current.isForward());
        }
        lossTerminal.pseudoClassStateChanged(CARRIED, state.forwardValue(layers.size()).isPresent());
        for (Node node : appearing) {
            FadeTransition fade = new FadeTransition(Duration.millis(220), node);
            fade.setFromValue(0);
            fade.setToValue(1);
            fade.play();
        }
        showRefusal(false);
    }

    private static void show(Node node, boolean visible, boolean fadeIn, List<Node> appearing) {
        if (visible && !node.isVisible() && fadeIn) {
            appearing.add(node);
        }
        node.setVisible(visible);
        if (visible && !fadeIn) {
            node.setOpacity(1);
        }
    }

    private void showSelection() {
        for (LayerParts layer : layers) {
            layer.node.pseudoClassStateChanged(SELECTED, layer.graphNode.layer().equals(model.selectedLayer()));
        }
    }

    /** Rings the weights panel's element (and the contour map's second) in W and dW. */
    private void showPicked() {
        for (Node view : pickable) {
            ParamCells.highlight(view, model.selectedElement(), model.secondElement());
        }
    }

    private void showRefusal(boolean shake) {
        Refusal refusal = model.refusal();
        for (LayerParts layer : layers) {
            boolean refused = refusal != null && refusal.emptyLayers().contains(layer.graphNode.layer());
            layer.cache.box.pseudoClassStateChanged(REFUSED, refused);
            if (refused && shake) {
                TranslateTransition wobble = new TranslateTransition(Duration.millis(60), layer.cache.box);
                wobble.setByX(5);
                wobble.setAutoReverse(true);
                wobble.setCycleCount(6);
                wobble.setOnFinished(e -> layer.cache.box.setTranslateX(0));
                wobble.play();
            }
        }
    }

    // ---------------------------------------------------------------- animation

    private void positionChanged(int from, int to) {
        if (trace == null || model.trace() != trace) {
            return;
        }
        boolean wasRunning = isAnimating();
        stopAnimation();
        if (wasRunning) {
            apply(shownPosition, false);
        }
        if (to == from + 1 && animated && from == shownPosition) {
            animateStage(trace.stage(from), to);
        } else {
            apply(to, false);
        }
        shownPosition = to;
    }

    private void stopAnimation() {
        if (running != null) {
            running.stop();
            running = null;
        }
        tokens.getChildren().clear();
    }

    private Duration scaled(double fraction) {
        double speed = Math.max(0.1, model.speedProperty().get());
        return STAGE_DURATION.multiply(fraction / speed);
    }

    /** A token travels in along one edge, the node lights up, the result travels out. */
    private void animateStage(Stage stage, int target) {
        int j = model.layerIndex(stage.layer());
        LayerParts layer = layers.get(j);
        Flow flow = stage.isForward() ? Flow.FORWARD : Flow.BACKWARD;
        Arrow in = stage.isForward() ? edges.get(j).forwardArrow : edges.get(j + 1).backwardArrow;
        Arrow out = stage.isForward() ? edges.get(j + 1).forwardArrow : edges.get(j).backwardArrow;

        ParallelTransition arrive = new ParallelTransition(travel(in, flow));
        ParallelTransition leave = new ParallelTransition(travel(out, flow));
        if (layer.params != null) {
            if (stage.isForward()) {
                arrive.getChildren().add(travel(layer.params.down, Flow.FORWARD));
            } else if (layer.params.up != null) {
                leave.getChildren().add(travel(layer.params.up, Flow.BACKWARD));
            }
        }
        PseudoClass glow = stage.isForward() ? CURRENT_FORWARD : CURRENT_BACKWARD;
        PauseTransition compute = new PauseTransition(scaled(0.12));
        compute.setOnFinished(e -> layer.node.pseudoClassStateChanged(glow, true));
        SequentialTransition all = new SequentialTransition(arrive, compute, leave);
        arrive.setOnFinished(e -> layer.node.pseudoClassStateChanged(glow, true));
        all.setOnFinished(e -> {
            tokens.getChildren().clear();
            running = null;
            apply(target, true);
        });
        running = all;
        all.play();
    }

    /** A glowing dot moving along an arrow from its start to its head. */
    private Animation travel(Arrow arrow, Flow flow) {
        Circle token = new Circle(6.5);
        token.getStyleClass().addAll("token", flow.styleClass());
        token.setCenterX(arrow.startX());
        token.setCenterY(arrow.startY());
        token.setVisible(false);
        tokens.getChildren().add(token);
        Timeline move = new Timeline(
                new KeyFrame(Duration.ZERO, e -> token.setVisible(true),
                        new KeyValue(token.centerXProperty(), arrow.startX()),
                        new KeyValue(token.centerYProperty(), arrow.startY())),
                new KeyFrame(scaled(0.44),
                        new KeyValue(token.centerXProperty(), arrow.endX()),
                        new KeyValue(token.centerYProperty(), arrow.endY())));
        move.setOnFinished(e -> token.setVisible(false));
        return move;
    }
}
