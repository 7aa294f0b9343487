package com.backpropexplorer.ui.graph;

import com.backpropexplorer.explain.ComputationGraph;
import com.backpropexplorer.explain.Stage;
import com.backpropexplorer.ui.lesson.LessonModel;
import com.backpropexplorer.ui.lesson.Refusal;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.FadeTransition;
import javafx.animation.TranslateTransition;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * Shows on the graph's parts what the learner has stepped to: which values and gradients exist
 * yet, which arrows they travelled, which caches are full, which node runs, which is selected,
 * which weights are picked, which caches a refused backward step would have read.
 */
final class PassPainter {
    private static final Duration FADE_IN = Duration.millis(220);

    private final GraphParts parts;
    private final LessonModel model;

    PassPainter(GraphParts parts, LessonModel model) {
        this.parts = parts;
        this.model = model;
    }

    /** The graph as it is after {@code position} stages; what appears fades in when asked. */
    void show(int position, boolean fadeIn) {
        List<Node> appearing = new ArrayList<>();
        for (EdgeParts e : parts.edges()) {
            boolean backward = e.edge.gradient() != null && e.edge.gradient().knownAt(position);
            show(e.forwardBox, e.edge.value().knownAt(position), fadeIn, appearing);
            if (e.backwardBox != null) {
                show(e.backwardBox, backward, fadeIn, appearing);
            }
            e.forwardArrow.setCarried(travelled(e.edge, position));
            e.backwardArrow.setCarried(backward);
            Label end = parts.terminals().get(e.edge.to());
            if (end != null) {
                end.pseudoClassStateChanged(GraphStates.CARRIED, e.edge.value().knownAt(position));
            }
        }
        Stage current = position == 0 ? null : parts.trace().stage(position - 1);
        for (GraphParts.Operation op : parts.operations()) {
            boolean cached = position > op.node().forwardStage();
            if (op.cache() != null) {
                boolean wasCached = op.cache().isFilled();
                op.cache().setFilled(cached);
                if (cached && !wasCached && fadeIn) {
                    appearing.add(op.cache().values());
                }
            }
            ParamCard card = op.params();
            if (card != null) {
                boolean gradientsDone = position > op.node().backwardStage();
                boolean was = card.gradientShown();
                card.setGradientShown(gradientsDone);
                if (gradientsDone && !was && fadeIn) {
                    appearing.addAll(card.gradientViews());
                }
                card.down.setCarried(cached);
                if (card.up != null) {
                    card.up.setCarried(gradientsDone);
                }
            }
            boolean isCurrent = current != null && current.layer().equals(op.node().id());
            op.box().pseudoClassStateChanged(GraphStates.CURRENT_FORWARD, isCurrent && current.isForward());
            op.box().pseudoClassStateChanged(GraphStates.CURRENT_BACKWARD, isCurrent && !current.isForward());
        }
        for (Node node : appearing) {
            FadeTransition fade = new FadeTransition(FADE_IN, node);
            fade.setFromValue(0);
            fade.setToValue(1);
            fade.play();
        }
        showRefusal(false);
    }

    /**
     * Whether a value has travelled along an edge: once it is computed, or, for a value given
     * from the start (x), once the node it feeds has run.
     */
    private boolean travelled(ComputationGraph.Edge e, int position) {
        if (e.value().readyAfter() >= 0) {
            return e.value().knownAt(position);
        }
        GraphParts.Operation to = parts.operation(e.to());
        return to != null ? position > to.node().forwardStage() : position > 0;
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

    void showSelection() {
        for (GraphParts.Operation op : parts.operations()) {
            op.box().pseudoClassStateChanged(GraphStates.SELECTED, op.node().id().equals(model.selectedLayer()));
        }
    }

    /** Rings the weights panel's element (and the contour map's second) in W and dW. */
    void showPicked() {
        for (GraphParts.Operation op : parts.operations()) {
            if (op.params() != null) {
                op.params().pickable().forEach(view -> ParamCells.highlight(view, model.selectedElement(),
                        model.secondElement()));
            }
        }
    }

    /** Marks the caches a refused backward step would have read; they shake when it just happened. */
    void showRefusal(boolean shake) {
        Refusal refusal = model.refusal();
        for (GraphParts.Operation op : parts.operations()) {
            if (op.cache() == null) {
                continue;
            }
            Region card = op.cache().box;
            boolean refused = refusal != null && refusal.emptyLayers().contains(op.node().id());
            card.pseudoClassStateChanged(GraphStates.REFUSED, refused);
            if (refused && shake) {
                TranslateTransition wobble = new TranslateTransition(Duration.millis(60), card);
                wobble.setByX(5);
                wobble.setAutoReverse(true);
                wobble.setCycleCount(6);
                wobble.setOnFinished(e -> card.setTranslateX(0));
                wobble.play();
            }
        }
    }
}
