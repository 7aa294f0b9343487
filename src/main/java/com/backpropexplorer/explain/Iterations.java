package com.backpropexplorer.explain;

import java.util.ArrayList;
import java.util.List;

/**
 * The iterations a learner has stepped through, so stepping back past the start of an
 * iteration returns to the end of the one before (undoing its update) and stepping on from the
 * update starts the next one on the updated weights. Immutable; keeps at most {@link #LIMIT}
 * iterations behind the current one.
 */
public final class Iterations {
    /** How many earlier iterations are kept for stepping back. */
    public static final int LIMIT = 100;

    private final List<Lesson> history;

    private Iterations(List<Lesson> history) {
        this.history = List.copyOf(history);
    }

    public static Iterations start(Lesson first) {
        return new Iterations(List.of(first));
    }

    /** The iteration shown. */
    public Lesson current() {
        return history.get(history.size() - 1);
    }

    /** Its number: 0 first, 1 after one update … */
    public int iteration() {
        return current().iteration();
    }

    public boolean hasPrevious() {
        return history.size() > 1;
    }

    /** The next iteration on the weights the current one's update produced (runs the engine). */
    public Iterations next() {
        List<Lesson> more = new ArrayList<>(history);
        more.add(current().next());
        while (more.size() > LIMIT + 1) {
            more.remove(0);
        }
        return new Iterations(more);
    }

    /** Back to the iteration before: its weights, before its update. */
    public Iterations previous() {
        if (!hasPrevious()) {
            throw new IllegalStateException("this is the first iteration kept");
        }
        return new Iterations(history.subList(0, history.size() - 1));
    }

    /** The current iteration replaced (another η, one sample, an edited input); later ones are gone. */
    public Iterations replaceCurrent(Lesson lesson) {
        List<Lesson> changed = new ArrayList<>(history.subList(0, history.size() - 1));
        changed.add(lesson);
        return new Iterations(changed);
    }

    /** The loss of each iteration kept, oldest first (runs the engine for any not yet computed). */
    public double[] losses() {
        return history.stream().mapToDouble(l -> l.trace().loss()).toArray();
    }
}
