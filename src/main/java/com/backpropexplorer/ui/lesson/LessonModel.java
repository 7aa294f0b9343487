package com.backpropexplorer.ui.lesson;

import com.backpropexplorer.explain.Example;
import com.backpropexplorer.explain.Stage;
import com.backpropexplorer.explain.Trace;
import com.backpropexplorer.explain.WeightProbe.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The view-model of one lesson: which pass is shown, how far the learner has stepped, which
 * node is selected, and whether the last step was refused. Views observe the read-only
 * properties and call the commands; everything here runs on the FX thread except
 * {@link LessonSource#compute()}, which runs on the background executor ({@link PassLoading}).
 * Its helpers: the elements picked for the weights panel ({@link ElementChoice}), playing
 * ({@link Playback}), iterations ({@link IterationSteps}) and samples ({@link SampleChoice}).
 *
 * <p>{@code position} counts the stages done: 0 before anything ran, {@code stageCount()} after
 * the last backward stage. Stage {@code position - 1} is the one just shown.
 */
public final class LessonModel {
    /** Where the lesson is in its life: computing, ready, or unable to run (e.g. no MNIST). */
    public enum Status { IDLE, LOADING, READY, MNIST_MISSING, FAILED }

    private final ReadOnlyObjectWrapper<LessonSource> source = new ReadOnlyObjectWrapper<>(this, "source");
    private final PassLoading loading;

    private final ReadOnlyObjectWrapper<LessonRun> run = new ReadOnlyObjectWrapper<>(this, "run");
    /** The run as the source computed it (the starting weights); {@code run} may be a live copy. */
    private final ReadOnlyObjectWrapper<LessonRun> loaded = new ReadOnlyObjectWrapper<>(this, "loaded");
    /** Whether run holds a live pass of the weights panel. */
    private boolean live;
    private final ElementChoice elements = new ElementChoice();
    private final ReadOnlyIntegerWrapper position = new ReadOnlyIntegerWrapper(this, "position", 0);
    private final ReadOnlyStringWrapper selectedLayer = new ReadOnlyStringWrapper(this, "selectedLayer");
    private final ReadOnlyObjectWrapper<Refusal> refusal = new ReadOnlyObjectWrapper<>(this, "refusal");
    private final Playback playback = new Playback(this);
    private final IterationSteps iterations = new IterationSteps(this);
    private final SampleChoice samples = new SampleChoice(this);

    /**
     * @param source where the lesson's passes come from
     * @param background where they are computed
     */
    public LessonModel(LessonSource source, Executor background) {
        this.source.set(source);
        this.loading = new PassLoading(background, this::loaded);
    }

    public Example example() {
        return source.get().example();
    }

    /** Where the lesson's passes come from. */
    public LessonSource source() {
        return source.get();
    }

    public ReadOnlyObjectProperty<LessonSource> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /**
     * Shows passes from another source of the same lesson (the mnist lesson on a drawn digit,
     * or back on the test digits): computed now, at the same position.
     */
    public void setSource(LessonSource next) {
        if (next.example() != example()) {
            throw new IllegalArgumentException(next.example() + " is not a source of the " + example() + " lesson");
        }
        source.set(next);
        reload();
    }

    /** The bundle key of the lesson's subtitle (a custom lesson, e.g. a drawn digit, has its own). */
    public String subtitleKey() {
        return source.get().subtitleKey();
    }

    /** Computes the lesson's pass in the background unless it is already there or on its way. */
    public void ensureLoaded() {
        if (status() == Status.IDLE || status() == Status.FAILED || status() == Status.MNIST_MISSING) {
            reload();
        }
    }

    /** Computes the pass again (e.g. after MNIST was downloaded or another net was trained). */
    public void reload() {
        loading.load(source.get());
    }

    /** A newly computed pass: shown at the same position (as far as it goes), the same node and elements if it has them. */
    private void loaded(LessonRun computed) {
        elements.keepFitting(computed);
        iterations.clear();
        // clamped first: a pass with fewer stages (a lesson folded) must not meet a position past its end
        position.set(Math.min(position.get(), computed.trace().stages().size()));
        live = false;
        run.set(computed);
        samples.reset();
        loaded.set(computed);
        if (selectedLayer.get() == null || layerIndex(selectedLayer.get()) < 0) {
            selectedLayer.set(computed.trace().nodes().get(0).layer());
        }
    }

    // ---- read-only state

    public ReadOnlyObjectProperty<LessonRun> runProperty() {
        return run.getReadOnlyProperty();
    }

    public LessonRun run() {
        return run.get();
    }

    /** The trace, or null while loading. */
    public Trace trace() {
        return run.get() == null ? null : run.get().trace();
    }

    /** The run as last computed by the source: the weights "reset" goes back to. */
    public ReadOnlyObjectProperty<LessonRun> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /**
     * Shows a pass of the same lesson with other weights (the weights panel's live result):
     * the graph and inspector redraw, the position and selection stay.
     */
    public void showLive(Trace trace) {
        LessonRun current = run.get();
        if (current == null) {
            return;
        }
        // a live pass has no update stage: step off it before the views see the shorter pass
        position.set(Math.min(position.get(), trace.stages().size()));
        if (position.get() > 0 && trace.nodes().stream().noneMatch(n -> n.layer().equals(selectedLayer.get()))) {
            selectedLayer.set(trace.stage(position.get() - 1).layer());
        }
        live = true;
        run.set(current.withTrace(trace));
    }

    /**
     * True while the pass on show is a live answer of the weights panel ({@link #showLive}),
     * false once the lesson's own pass is back: views that can lag a little may refresh such a
     * pass later, off the answer.
     */
    public boolean showsLivePass() {
        return live;
    }

    /** The parameter element the weights panel moves (W1[0][1], b2[1], ...), or null. */
    public ReadOnlyObjectProperty<Element> selectedElementProperty() {
        return elements.firstProperty();
    }

    public Element selectedElement() {
        return elements.firstProperty().get();
    }

    /** A second element, the contour map's other axis, or null. */
    public ReadOnlyObjectProperty<Element> secondElementProperty() {
        return elements.secondProperty();
    }

    public Element secondElement() {
        return elements.secondProperty().get();
    }

    /** Picks the element the weights panel moves; the second one is dropped if it is the same. */
    public void selectElement(Element e) {
        elements.select(e);
    }

    /** Picks the contour map's second element (shift-click); the first if none is chosen yet. */
    public void selectSecondElement(Element e) {
        elements.selectSecond(e);
    }

    public void clearSecondElement() {
        elements.clearSecond();
    }

    public ReadOnlyObjectProperty<Status> statusProperty() {
        return loading.statusProperty();
    }

    public Status status() {
        return loading.statusProperty().get();
    }

    /** Why the lesson could not run (where MNIST was looked for), or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return loading.problemProperty();
    }

    /** The problem in {@code locale}'s language where it is a data error, else as {@link #problemProperty()}. */
    public String problemText(java.util.Locale locale) {
        return loading.problemText(locale);
    }

    public ReadOnlyIntegerProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    public int position() {
        return position.get();
    }

    public ReadOnlyStringProperty selectedLayerProperty() {
        return selectedLayer.getReadOnlyProperty();
    }

    public String selectedLayer() {
        return selectedLayer.get();
    }

    public ReadOnlyObjectProperty<Refusal> refusalProperty() {
        return refusal.getReadOnlyProperty();
    }

    public Refusal refusal() {
        return refusal.get();
    }

    public int stageCount() {
        return trace() == null ? 0 : trace().stages().size();
    }

    public int forwardCount() {
        return trace() == null ? 0 : trace().forwardCount();
    }

    /** The stage shown last, or null at the start. */
    public Stage currentStage() {
        return position.get() == 0 || trace() == null ? null : trace().stage(position.get() - 1);
    }

    /** The stage the next step would run, or null at the end. */
    public Stage nextStage() {
        return trace() == null || position.get() >= stageCount() ? null : trace().stage(position.get());
    }

    /** True while there is a stage after the current one, or a next iteration after the update. */
    public BooleanBinding canAdvanceBinding() {
        return Bindings.createBooleanBinding(() -> trace() != null && (position.get() < stageCount()
                || iterations.hasNext()), position, run);
    }

    /** True while the learner can go back a stage (from an iteration's start: to the iteration before). */
    public BooleanBinding canGoBackBinding() {
        return Bindings.createBooleanBinding(() -> trace() != null && (position.get() > 0 || iterations.hasPrevious()),
                position, run);
    }

    /** True while forward stages remain, or after the update (the next iteration's forward pass). */
    public BooleanBinding canStepForwardBinding() {
        return Bindings.createBooleanBinding(() -> trace() != null && (position.get() < forwardCount()
                || position.get() == stageCount() && iterations.hasNext()), position, run);
    }

    /** The iterations stepped through, η. */
    public IterationSteps iterations() {
        return iterations;
    }

    /** One sample of the batch or the whole batch. */
    public SampleChoice samples() {
        return samples;
    }

    /** Playing the lesson through, and how fast. */
    public Playback playback() {
        return playback;
    }

    /** Shows another run (an iteration, another η, one sample) at a position, for the helpers. */
    void show(LessonRun next, int at) {
        refusal.set(null);
        live = false;
        run.set(next);
        moveTo(at);
    }

    // ---- commands

    /** Runs the next stage, forward, backward or the update; after the update the next iteration. */
    public void next() {
        if (trace() != null && position.get() < stageCount()) {
            moveTo(position.get() + 1);
        } else if (trace() != null) {
            iterations.next();
        }
    }

    /** Runs the next forward stage (after the update: the next iteration's first); nothing else. */
    public void stepForward() {
        if (trace() != null && position.get() < forwardCount()) {
            moveTo(position.get() + 1);
        } else if (trace() != null && position.get() == stageCount()) {
            iterations.next();
        }
    }

    /**
     * Runs the next backward stage, or refuses when forward has not filled the caches yet:
     * backward reads what forward cached, so it cannot start before the loss was computed.
     *
     * @return true if a stage ran, false if refused or already at the end
     */
    public boolean stepBackward() {
        if (trace() == null) {
            return false;
        }
        if (position.get() < forwardCount()) {
            refuseBackward();
            return false;
        }
        if (position.get() < stageCount()) {
            moveTo(position.get() + 1);
            return true;
        }
        return false;
    }

    /** Goes back one stage, undoing its effect; from an iteration's start, to the one before. */
    public void back() {
        if (position.get() > 0) {
            moveTo(position.get() - 1);
        } else {
            iterations.previous();
        }
    }

    /** Back to before the first stage: nothing computed, every cache empty. */
    public void reset() {
        playback.stop();
        moveTo(0);
    }

    /** Jumps so that stage {@code index} is the one just shown (the timeline's click). */
    public void showStage(int index) {
        if (trace() != null && index >= 0 && index < stageCount()) {
            moveTo(index + 1);
        }
    }

    /** Jumps to a position (0 = start); used by the timeline's start cell and by tests. */
    public void moveTo(int newPosition) {
        if (trace() == null) {
            return;
        }
        refusal.set(null);
        position.set(Math.max(0, Math.min(newPosition, stageCount())));
        // the inspector follows the stage just run; the learner can still click any other node
        if (position.get() > 0) {
            selectedLayer.set(trace().stage(position.get() - 1).layer());
        }
    }

    public void select(String layer) {
        selectedLayer.set(layer);
    }

    private void refuseBackward() {
        playback.stop();
        List<String> empty = new ArrayList<>();
        for (int i = position.get(); i < forwardCount(); i++) {
            empty.add(trace().stage(i).layer());
        }
        var engine = run.get().backwardBeforeForward();
        // a record equal to the last refusal would change nothing: asked again, the banner must show again
        refusal.set(null);
        refusal.set(new Refusal(empty, engine.layer(), engine.cacheName()));
    }

    /** The index of the layer among the graph's nodes, forward order. */
    public int layerIndex(String layer) {
        if (trace() == null) {
            return -1;
        }
        var nodes = trace().nodes();
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).layer().equals(layer)) {
                return i;
            }
        }
        return -1;
    }
}
