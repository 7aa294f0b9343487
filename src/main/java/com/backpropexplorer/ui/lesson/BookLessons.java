package com.backpropexplorer.ui.lesson;

import com.backpropexplorer.explain.Example;
import com.backpropexplorer.explain.Lessons;

/** The two lessons that need no data: the book's simpleNet and the tiny 2-3-2 TwoLayerNet. */
public final class BookLessons {
    private BookLessons() {
    }

    /** §4.4.2's simpleNet with the W, x and t the book prints (p. 111). */
    public static LessonSource simple() {
        return new LessonSource() {
            @Override
            public Example example() {
                return Example.SIMPLE;
            }

            @Override
            public LessonRun compute() {
                return LessonRun.of(Lessons.simple());
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
                return LessonRun.of(Lessons.tiny(seed));
            }
        };
    }
}
