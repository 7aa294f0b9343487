package com.backpropexplorer.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a learner is in a lesson: which iteration, and how many of its stages have run. Pure
 * logic and immutable, so a view-model can hold one in a property and the tests need no
 * window.
 *
 * <p>Positions count the stages done in the current iteration: 0 before anything ran,
 * {@code stageCount()} after the update. Stepping on from the update starts the next iteration
 * on the updated weights (its first forward stage done); stepping back from the start of an
 * iteration returns to the one before with its update undone. Asking for a backward stage
 * while forward stages are still to run is refused, with what the engine says and the lines
 * of code to point at.
 */
public final class Walkthrough {

    /**
     * A refused "step backward".
     *
     * @param emptyLayers the layers whose forward has not run yet, in forward order
     * @param firstEmptyLayer the layer backward would start with and fail on
     * @param engineMessage the engine's own sentence (EmptyCacheException)
     * @param code the backward line that would read the empty cache and the line that fills it
     */
    public record Refusal(List<String> emptyLayers, String firstEmptyLayer, String engineMessage,
                          CodeMap.RefusalCode code) {
        public Refusal {
            emptyLayers = List.copyOf(emptyLayers);
        }
    }

    private final Iterations iterations;
    private final int position;

    private Walkthrough(Iterations iterations, int position) {
        this.iterations = iterations;
        this.position = position;
    }

    /** The lesson at its start: iteration 0, nothing run. */
    public static Walkthrough start(Lesson lesson) {
        return new Walkthrough(Iterations.start(lesson), 0);
    }

    public Lesson lesson() {
        return iterations.current();
    }

    /** The current iteration's pass (runs the engine on first use). */
    public Trace trace() {
        return lesson().trace();
    }

    public Iterations iterations() {
        return iterations;
    }

    public int iteration() {
        return iterations.iteration();
    }

    /** Stages done in this iteration. */
    public int position() {
        return position;
    }

    public int stageCount() {
        return trace().stages().size();
    }

    /** The stage just run, if any. */
    public Optional<Stage> current() {
        return position == 0 ? Optional.empty() : Optional.of(trace().stage(position - 1));
    }

    /** The stage the next step runs, if any in this iteration. */
    public Optional<Stage> upcoming() {
        return position < stageCount() ? Optional.of(trace().stage(position)) : Optional.empty();
    }

    /** True while there is something to step to: a stage, or the next iteration after an update. */
    public boolean canAdvance() {
        return position < stageCount() || lesson().hasUpdate();
    }

    public boolean canGoBack() {
        return position > 0 || iterations.hasPrevious();
    }

    /** The next stage, or (after the update) the next iteration's first stage. Runs the engine for a new iteration. */
    public Walkthrough next() {
        if (position < stageCount()) {
            return new Walkthrough(iterations, position + 1);
        }
        if (!lesson().hasUpdate()) {
            return this;
        }
        return new Walkthrough(iterations.next(), 1);
    }

    /** One stage back; from the start of an iteration, back to the one before with its update undone. */
    public Walkthrough back() {
        if (position > 0) {
            return new Walkthrough(iterations, position - 1);
        }
        if (!iterations.hasPrevious()) {
            return this;
        }
        Iterations before = iterations.previous();
        return new Walkthrough(before, before.current().trace().stages().size() - 1);
    }

    /** Back to the start of this iteration: nothing run, every cache empty. */
    public Walkthrough reset() {
        return new Walkthrough(iterations, 0);
    }

    /** Jumps within this iteration (the timeline's click; 0 = start). */
    public Walkthrough moveTo(int newPosition) {
        return new Walkthrough(iterations, Math.max(0, Math.min(newPosition, stageCount())));
    }

    /** The position at which stage {@code index} is the one just run (clicking a line of code). */
    public Walkthrough showStage(int index) {
        return moveTo(index + 1);
    }

    /** Whether asking for a backward stage now would be refused: forward has not filled the caches. */
    public boolean backwardRefused() {
        return upcoming().map(Stage::isForward).orElse(false);
    }

    /** The refusal if backward were asked for now, or empty when it would run. */
    public Optional<Refusal> refusal() {
        if (!backwardRefused()) {
            return Optional.empty();
        }
        List<String> empty = new ArrayList<>();
        for (int i = position; i < stageCount() && trace().stage(i).isForward(); i++) {
            empty.add(trace().stage(i).layer());
        }
        Stage firstBackward = trace().stages().stream().filter(Stage::isBackward).findFirst().orElseThrow();
        return Optional.of(new Refusal(empty, firstBackward.layer(), lesson().backwardBeforeForward().getMessage(),
                lesson().code().refusal()));
    }

    /** The same place with the current iteration replaced (another η, one sample, an edited input, folded). */
    public Walkthrough withLesson(Lesson changed) {
        Walkthrough w = new Walkthrough(iterations.replaceCurrent(changed), 0);
        return w.moveTo(position);
    }
}
