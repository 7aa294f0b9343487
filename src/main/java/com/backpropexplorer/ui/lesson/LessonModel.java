package com.backpropexplorer.ui.lesson;

import com.backpropexplorer.explain.Example;
import com.backpropexplorer.explain.Stage;
import com.backpropexplorer.explain.Trace;
import com.backpropexplorer.explain.WeightProbe.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.concurrent.Task;

/**
 * The view-model of one lesson: which pass is shown, how far the learner has stepped, which
 * node is selected, and whether the last step was refused. Views observe the read-only
 * properties and call the commands; everything here runs on the FX thread except
 * {@link LessonSource#compute()}, which runs on the background executor.
 *
 * <p>{@code position} counts the stages done: 0 before anything ran, {@code stageCount()} after
 * the last backward stage. Stage {@code position - 1} is the one just shown.
 */
public final class LessonModel {
    /** Where the lesson is in its life: computing, ready, or unable to run (e.g. no MNIST). */
    public enum Status { IDLE, LOADING, READY, MNIST_MISSING, FAILED }

    private final ReadOnlyObjectWrapper<LessonSource> source = new ReadOnlyObjectWrapper<>(this, "source");
    private final Executor background;
    /** Counts reloads, so that only the newest one's result is shown. */
    private long loads;

    private final ReadOnlyObjectWrapper<LessonRun> run = new ReadOnlyObjectWrapper<>(this, "run");
    /** The run as the source computed it (the starting weights); {@code run} may be a live copy. */
    private final ReadOnlyObjectWrapper<LessonRun> loaded = new ReadOnlyObjectWrapper<>(this, "loaded");
    /** The parameter element the weights panel moves (W1[0][1], b2[1], ...), or null. */
    private final ReadOnlyObjectWrapper<Element> selectedElement = new ReadOnlyObjectWrapper<>(this, "selectedElement");
    /** A second element, the contour map's other axis, or null. */
    private final ReadOnlyObjectWrapper<Element> secondElement = new ReadOnlyObjectWrapper<>(this, "secondElement");
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(this, "status", Status.IDLE);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    /** FX thread: what made the last load fail, rendered by {@link #problemText}. */
    private Throwable problemCause;
    private final ReadOnlyIntegerWrapper position = new ReadOnlyIntegerWrapper(this, "position", 0);
    private final ReadOnlyStringWrapper selectedLayer = new ReadOnlyStringWrapper(this, "selectedLayer");
    private final ReadOnlyObjectWrapper<Refusal> refusal = new ReadOnlyObjectWrapper<>(this, "refusal");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing", false);
    /** Animation speed: 1 is normal (about 600 ms a stage), 2 twice as fast. */
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1.0);
    private final IterationSteps iterations = new IterationSteps(this);
    private final SampleChoice samples = new SampleChoice(this);

    /**
     * @param source where the lesson's passes come from
     * @param background where they are computed
     */
    public LessonModel(LessonSource source, Executor background) {
        this.source.set(source);
        this.background = background;
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
        if (status.get() == Status.IDLE || status.get() == Status.FAILED || status.get() == Status.MNIST_MISSING) {
            reload();
        }
    }

    /** Computes the pass again (e.g. after MNIST was downloaded or another net was trained). */
    public void reload() {
        status.set(Status.LOADING);
        LessonSource from = source.get();
        long generation = ++loads;
        Task<LessonRun> task = new Task<>() {
            @Override
            protected LessonRun call() throws Exception {
                return from.compute();
            }
        };
        task.setOnSucceeded(e -> {
            if (generation != loads) {
                return; // a newer reload (another source, digit or net) is on its way
            }
            LessonRun computed = task.getValue();
            Element first = selectedElement.get();
            if (first != null && !fits(computed, first)) {
                selectedElement.set(null);
                secondElement.set(null);
            } else if (secondElement.get() != null && !fits(computed, secondElement.get())) {
                secondElement.set(null);
            }
            iterations.clear();
            // clamped first: a pass with fewer stages (a lesson folded) must not meet a position past its end
            position.set(Math.min(position.get(), computed.trace().stages().size()));
            run.set(computed);
            samples.reset();
            loaded.set(computed);
            if (selectedLayer.get() == null || layerIndex(selectedLayer.get()) < 0) {
                selectedLayer.set(task.getValue().trace().nodes().get(0).layer());
            }
            problem.set("");
            problemCause = null;
            status.set(Status.READY);
        });
        task.setOnFailed(e -> {
            if (generation != loads) {
                return;
            }
            Throwable error = task.getException();
            problemCause = error;
            problem.set(error.getMessage() == null ? error.toString() : error.getMessage());
            status.set(error instanceof MnistMissingException ? Status.MNIST_MISSING : Status.FAILED);
        });
        try {
            background.execute(task);
        } catch (RejectedExecutionException closing) {
            // the app is closing (its executor shut down): nothing will show the pass any more
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
        run.set(current.withTrace(trace));
    }

    public ReadOnlyObjectProperty<Element> selectedElementProperty() {
        return selectedElement.getReadOnlyProperty();
    }

    public Element selectedElement() {
        return selectedElement.get();
    }

    public ReadOnlyObjectProperty<Element> secondElementProperty() {
        return secondElement.getReadOnlyProperty();
    }

    public Element secondElement() {
        return secondElement.get();
    }

    /** Picks the element the weights panel moves; the second one is dropped if it is the same. */
    public void selectElement(Element e) {
        if (e != null && e.equals(secondElement.get())) {
            secondElement.set(selectedElement.get());
        }
        selectedElement.set(e);
    }

    /** Picks the contour map's second element (shift-click); the first if none is chosen yet. */
    public void selectSecondElement(Element e) {
        if (selectedElement.get() == null || selectedElement.get().equals(e)) {
            selectElement(e);
            return;
        }
        secondElement.set(e);
    }

    public void clearSecondElement() {
        secondElement.set(null);
    }

    private static boolean fits(LessonRun run, Element e) {
        var p = run.trace().params().get(e.param());
        return p != null && e.row() < p.rows() && e.col() < p.cols();
    }

    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public Status status() {
        return status.get();
    }

    /** Why the lesson could not run (where MNIST was looked for), or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Why the lesson could not run, in {@code locale}'s language ({@link com.backpropexplorer.ui.I18n#describe}). */
    public String problemText(java.util.Locale locale) {
        Throwable cause = problemCause;
        return cause == null ? problem.get() : com.backpropexplorer.ui.I18n.describe(cause, locale);
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

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public boolean isPlaying() {
        return playing.get();
    }

    public DoubleProperty speedProperty() {
        return speed;
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

    /** Shows another run (an iteration, another η, one sample) at a position, for the helpers. */
    void show(LessonRun next, int at) {
        refusal.set(null);
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
        stop();
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

    /** Starts playing from here (or from the start when at the end); the view drives the clock. */
    public void play() {
        if (trace() == null) {
            return;
        }
        if (position.get() >= stageCount()) {
            moveTo(0);
        }
        playing.set(true);
    }

    public void stop() {
        playing.set(false);
    }

    public void togglePlay() {
        if (playing.get()) {
            stop();
        } else {
            play();
        }
    }

    /** One tick of the play clock: the next stage, or stop at the end. */
    public void playTick() {
        if (!playing.get()) {
            return;
        }
        if (position.get() >= stageCount()) {
            stop();
            return;
        }
        moveTo(position.get() + 1);
        if (position.get() >= stageCount()) {
            stop();
        }
    }

    private void refuseBackward() {
        stop();
        List<String> empty = new ArrayList<>();
        for (int i = position.get(); i < forwardCount(); i++) {
            empty.add(trace().stage(i).layer());
        }
        String first = trace().nodes().get(trace().nodes().size() - 1).layer();
        refusal.set(new Refusal(empty, run.get().backwardBeforeForward().getMessage(), first));
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
