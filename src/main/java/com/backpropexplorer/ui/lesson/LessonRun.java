package com.backpropexplorer.ui.lesson;

import com.backpropexplorer.engine.EmptyCacheException;
import com.backpropexplorer.explain.Lesson;
import com.backpropexplorer.explain.Trace;

/**
 * What a lesson computed, off the FX thread: the recorded pass, and what the engine says when
 * backward runs before forward on the same net (the answer to "why does gradient() call
 * loss()?"). Both are immutable, so the UI can hold them freely.
 *
 * @param trace the forward and backward stages
 * @param backwardBeforeForward the engine's own exception for backward on empty caches
 * @param description a short, language-neutral summary such as "784-50-10, N = 3"
 */
public record LessonRun(Trace trace, EmptyCacheException backwardBeforeForward, String description) {

    /** A lesson's pass, forward and backward (the update stage is not shown here yet). */
    public static LessonRun of(Lesson lesson) {
        return new LessonRun(lesson.trace().withoutUpdate(), lesson.backwardBeforeForward(), lesson.description());
    }
}
