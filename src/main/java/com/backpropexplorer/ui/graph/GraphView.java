package com.backpropexplorer.ui.graph;

import com.backpropexplorer.explain.Direction;
import com.backpropexplorer.explain.Stage;
import com.backpropexplorer.explain.Trace;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.graph.layout.GraphLayout;
import com.backpropexplorer.ui.lesson.LessonModel;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * The computational graph of a lesson, drawn the way the book draws it: values flow left to
 * right through the operations, each edge carrying a forward arrow (values, blue) over a
 * backward arrow (gradients, orange), the value that flowed forward above it and the gradient
 * that flowed back below it, what each operation cached under it, and its parameters (or the
 * labels t) in a card above it. Any DAG: a chain like TwoLayerNet's, or branches that meet like
 * the shopping graph's.
 *
 * <p>The parts ({@link GraphParts}) are built once per lesson and pass structure and laid out by
 * {@link GraphLayout} ({@link GraphPlacer}); stepping only shows or hides them
 * ({@link PassPainter}), so the graph never jumps. The view renders immutable snapshots from the
 * {@link LessonModel}; a step of one stage is animated ({@link StageAnimator}), a jump is shown
 * at once.
 */
public final class GraphView extends Region {
    /** How long one stage takes to animate at speed 1. */
    public static final Duration STAGE_DURATION = StageAnimator.STAGE_DURATION;

    private final LessonModel model;
    private final I18n i18n;
    private final Binder binder = new Binder();
    private final StageAnimator animator;
    private GraphParts parts;
    private PassPainter painter;
    private Trace trace;
    private int shownPosition;
    private boolean animated = true;
    private Runnable onOpenTiles = () -> { };

    // strong references: the model outlives this view (a language switch rebuilds the view)
    private final ChangeListener<Object> onRun = (obs, o, n) -> runChanged();
    private final ChangeListener<Number> onPosition = (obs, o, n) -> positionChanged(o.intValue(), n.intValue());
    private final ChangeListener<Object> onSelection = (obs, o, n) -> withPainter(PassPainter::showSelection);
    private final ChangeListener<Object> onRefusal = (obs, o, n) -> withPainter(p -> p.showRefusal(true));
    private final ChangeListener<Object> onElement = (obs, o, n) -> withPainter(PassPainter::showPicked);

    public GraphView(LessonModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        this.animator = new StageAnimator(() -> model.playback().speedProperty().get());
        getStyleClass().add("graph-view");
        setId("graph");
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

    /** What a W's "tiles" button does (the page opens the 28×28 tiles view). */
    public void setOnOpenTiles(Runnable action) {
        this.onOpenTiles = action;
    }

    /** True while a stage is being animated. */
    public boolean isAnimating() {
        return animator.isAnimating();
    }

    private void withPainter(java.util.function.Consumer<PassPainter> action) {
        if (painter != null) {
            action.accept(painter);
        }
    }

    private void rebuild() {
        animator.stop();
        getChildren().clear();
        binder.clear();
        trace = model.trace();
        parts = null;
        painter = null;
        if (trace == null) {
            return;
        }
        parts = new GraphParts(trace, model, i18n, binder, () -> onOpenTiles.run());
        painter = new PassPainter(parts, model);
        getChildren().addAll(parts.children());
        getChildren().add(animator.tokens());
        shownPosition = model.position();
        painter.show(shownPosition, false);
        painter.showSelection();
        painter.showPicked();
        requestLayout();
    }

    /**
     * A new pass of the same lesson (the weights panel moved a weight): the numbers change, the
     * nodes stay. Refreshing the views in place keeps the graph live while the learner drags;
     * anything else rebuilds it.
     */
    private void runChanged() {
        Trace next = model.trace();
        if (trace == null || next == null || next.example() != trace.example() || !next.graph().equals(trace.graph())
                || next.stages().size() != trace.stages().size() || next.batchSize() != trace.batchSize()
                || !binder.refresh(next)) {
            rebuild();
            return;
        }
        trace = next;
    }

    @Override
    protected double computePrefWidth(double height) {
        return parts == null ? 400 : GraphPlacer.layout(parts).width();
    }

    @Override
    protected double computePrefHeight(double width) {
        return parts == null ? 300 : GraphPlacer.layout(parts).height();
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
        if (parts != null) {
            GraphPlacer.place(parts, GraphPlacer.layout(parts));
        }
    }

    private void positionChanged(int from, int to) {
        if (trace == null || model.trace() != trace) {
            return;
        }
        boolean wasRunning = animator.isAnimating();
        animator.stop();
        if (wasRunning) {
            painter.show(shownPosition, false);
        }
        boolean oneStep = to == from + 1 && animated && from == shownPosition;
        if (!oneStep || !animateStage(trace.stage(from), to)) {
            painter.show(to, false);
        }
        shownPosition = to;
    }

    /**
     * Tokens travel in along the arrows into the stage's node, it lights up, they travel out:
     * forward, the values into it then its output; backward, the gradients coming back into it,
     * then the gradients it sends on and those of its parameters.
     *
     * @return false when the stage has no node to animate (the graph then just shows the result)
     */
    private boolean animateStage(Stage stage, int target) {
        GraphParts.Operation op = parts.operation(stage.layer());
        if (op == null || stage.direction() == Direction.UPDATE) {
            return false;
        }
        List<Arrow> into = new ArrayList<>();
        List<Arrow> outOf = new ArrayList<>();
        for (EdgeParts e : parts.edges()) {
            if (e.edge.to().equals(op.node().id())) {
                into.add(stage.isForward() ? e.forwardArrow : e.backwardArrow);
            }
            if (e.edge.from().equals(op.node().id())) {
                outOf.add(stage.isForward() ? e.forwardArrow : e.backwardArrow);
            }
        }
        List<Arrow> arriving = new ArrayList<>(stage.isForward() ? into : outOf);
        List<Arrow> leaving = new ArrayList<>(stage.isForward() ? outOf : into);
        if (op.params() != null) {
            if (stage.isForward()) {
                arriving.add(op.params().down);
            } else if (op.params().up != null) {
                leaving.add(op.params().up);
            }
        }
        animator.play(arriving, op.box(), stage.isForward() ? GraphStates.CURRENT_FORWARD
                : GraphStates.CURRENT_BACKWARD, leaving, () -> painter.show(target, true));
        return true;
    }
}
