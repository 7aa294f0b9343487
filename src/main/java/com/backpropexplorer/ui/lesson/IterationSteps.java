package com.backpropexplorer.ui.lesson;

import com.backpropexplorer.explain.Lesson;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The iterations a lesson has stepped through: stepping on from the update stage starts the
 * next iteration's forward pass on the updated weights, stepping back from the start of an
 * iteration returns to the one before with its update undone, and η can be changed for the
 * iteration on show. Keeps at most {@link #LIMIT} iterations behind the current one. FX thread.
 */
public final class IterationSteps {
    /** How many earlier iterations are kept for stepping back. */
    static final int LIMIT = 100;

    private final LessonModel model;
    private final Deque<LessonRun> earlier = new ArrayDeque<>();

    IterationSteps(LessonModel model) {
        this.model = model;
    }

    /** 0 for the pass as loaded, 1 after one update, … */
    public int iteration() {
        LessonRun run = model.run();
        return run == null || run.lesson() == null ? 0 : run.lesson().iteration();
    }

    /** η of the update stage. */
    public double learningRate() {
        LessonRun run = model.run();
        return run == null || run.lesson() == null ? 0.1 : run.lesson().learningRate();
    }

    /** Whether the run on show ends with an update, so that a next iteration exists. */
    boolean hasNext() {
        LessonRun run = model.run();
        return run != null && run.lesson() != null && run.trace().update().isPresent();
    }

    boolean hasPrevious() {
        return !earlier.isEmpty();
    }

    /**
     * The next iteration on the weights the update produced, its first forward stage done. The
     * engine runs here: one pass of the lesson's small batch, milliseconds even for 784-50-10.
     */
    void next() {
        if (!hasNext()) {
            return;
        }
        LessonRun now = model.run();
        earlier.push(now);
        while (earlier.size() > LIMIT) {
            earlier.removeLast();
        }
        model.show(LessonRun.of(now.lesson().next()), 1);
    }

    /** Back to the iteration before, its update undone: the end of its backward pass. */
    void previous() {
        if (earlier.isEmpty()) {
            return;
        }
        LessonRun before = earlier.pop();
        model.show(before, before.trace().stages().size() - 1);
    }

    /**
     * The iteration on show with another η: its update stage changes, nothing before it does.
     *
     * @throws IllegalArgumentException for a negative or non-finite η
     */
    public void setLearningRate(double lr) {
        LessonRun now = model.run();
        if (now == null || now.lesson() == null) {
            return;
        }
        Lesson changed = now.lesson().withLearningRate(lr); // refuses a negative or non-finite η
        model.show(LessonRun.of(changed), model.position());
    }

    /** A new pass from the source: the iterations before it are of another lesson. */
    void clear() {
        earlier.clear();
    }
}
