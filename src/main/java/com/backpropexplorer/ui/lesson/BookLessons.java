package com.backpropexplorer.ui.lesson;

import com.backpropexplorer.explain.Example;
import com.backpropexplorer.explain.Lessons;

/**
 * The lessons that need no data: the book's simpleNet, the tiny 2-3-2 TwoLayerNet, the shopping
 * graphs and Sigmoid taken apart.
 */
public final class BookLessons {
    private BookLessons() {
    }

    /** §4.4.2's simpleNet with the W, x and t the book prints (p. 111). */
    public static LessonSource simple() {
        return of(Example.SIMPLE);
    }

    /** A 2-3-2 TwoLayerNet on a batch of two, every number small enough to print. */
    public static LessonSource tiny(long seed) {
        return new EditableLesson(Lessons.tiny(seed));
    }

    /**
     * Any lesson that needs no data, as it starts, its inputs editable.
     *
     * @throws IllegalArgumentException for a lesson that runs on MNIST
     */
    public static EditableLesson of(Example example) {
        return new EditableLesson(Lessons.withoutData(example));
    }
}
