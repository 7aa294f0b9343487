package com.backpropexplorer.ui.lesson;

import com.backpropexplorer.engine.EmptyCacheException;
import com.backpropexplorer.explain.CodeMap;
import com.backpropexplorer.explain.Lesson;
import com.backpropexplorer.explain.Trace;

/**
 * What a lesson computed, off the FX thread: the recorded pass, and what the engine says when
 * backward runs before forward on the same net (the answer to "why does gradient() call
 * loss()?"). Both are immutable, so the UI can hold them freely.
 *
 * @param trace the forward and backward stages, then the update stage where the lesson has one
 * @param backwardBeforeForward the engine's own exception for backward on empty caches
 * @param description a short, language-neutral summary such as "784-50-10, N = 3"
 * @param lesson the lesson the pass is of (for the next iteration, η, one sample), or null
 * @param code the pass's code: which lines each stage runs, or null for a pass without a listing
 */
public record LessonRun(Trace trace, EmptyCacheException backwardBeforeForward, String description, Lesson lesson,
                        CodeMap code) {

    /** A pass without its lesson and code. */
    public LessonRun(Trace trace, EmptyCacheException backwardBeforeForward, String description) {
        this(trace, backwardBeforeForward, description, null, null);
    }

    /** A lesson's pass: forward, backward and (for nets) the update, with its code. Runs the engine. */
    public static LessonRun of(Lesson lesson) {
        return new LessonRun(lesson.trace(), lesson.backwardBeforeForward(), lesson.description(), lesson,
                lesson.code());
    }

    /** The same run showing another pass of the same lesson (a weight being dragged): lesson and code stay. */
    public LessonRun withTrace(Trace live) {
        return new LessonRun(live, backwardBeforeForward, description, lesson, code);
    }
}
