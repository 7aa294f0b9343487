package com.backpropexplorer.ui.lesson;

import com.backpropexplorer.engine.SimpleNet;
import com.backpropexplorer.explain.Example;
import com.backpropexplorer.explain.Tracer;

/** The two lessons that need no data: the book's simpleNet and the tiny 2-3-2 TwoLayerNet. */
public final class BookLessons {
    private BookLessons() {
    }

    /** §4.4.2's simpleNet with the book's printed W, x and t. */
    public static LessonSource simple() {
        return new LessonSource() {
            @Override
            public Example example() {
                return Example.SIMPLE;
            }

            @Override
            public LessonRun compute() {
                return new LessonRun(Tracer.simple(), Tracer.backwardBeforeForward(new SimpleNet()), "2×3, N = 1");
            }
        };
    }

    /** A 2-3-2 TwoLayerNet on a batch of two, every number small enough to print. */
    public static LessonSource tiny(long seed) {
        return new LessonSource() {
            @Override
            public Example example() {
                return Example.TINY;
            }

            @Override
            public LessonRun compute() {
                Tracer.TinyLesson lesson = Tracer.TinyLesson.of(seed);
                return new LessonRun(Tracer.tiny(seed), Tracer.backwardBeforeForward(lesson.net()),
                        "2-3-2, N = 2, seed " + seed);
            }
        };
    }
}
