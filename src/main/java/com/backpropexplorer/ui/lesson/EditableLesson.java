package com.backpropexplorer.ui.lesson;

import com.backpropexplorer.explain.Example;
import com.backpropexplorer.explain.Lesson;
import java.util.function.UnaryOperator;

/**
 * A lesson that needs no data, held as an immutable {@link Lesson} that the learner may replace
 * with a changed one: an input edited (the price of an apple), the nodes folded into one. Which
 * inputs there are and whether anything folds is the lesson's data; nothing here knows a lesson.
 * The lesson is swapped on the FX thread and read by {@link #compute()} on the background one.
 */
public final class EditableLesson implements LessonSource {
    private final Lesson start;
    private volatile Lesson lesson;

    /** @param lesson the lesson as it starts (and as {@link #restart()} brings it back) */
    public EditableLesson(Lesson lesson) {
        this.start = lesson;
        this.lesson = lesson;
    }

    @Override
    public Example example() {
        return lesson.example();
    }

    /** The lesson as it is now. */
    public Lesson lesson() {
        return lesson;
    }

    /** The lesson as it started. */
    public Lesson start() {
        return start;
    }

    /** Replaces the lesson with a changed one; the next {@link #compute()} runs it. */
    public void change(UnaryOperator<Lesson> how) {
        lesson = how.apply(lesson);
    }

    /** Back to the lesson as it started. */
    public void restart() {
        lesson = start;
    }

    @Override
    public LessonRun compute() {
        return LessonRun.of(lesson);
    }
}
