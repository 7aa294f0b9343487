package com.backpropexplorer.ui.lesson;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * What the mnist lesson puts through the net: MNIST test digits from a chosen first one, or the
 * learner's own drawing. Recomputes the lesson when that changes, and when one of its inputs
 * does (the learner's net, the MNIST folder) while the lesson is on show. FX thread.
 */
public final class MnistDigits {
    private final LessonModel lesson;
    private final MnistLesson testDigits;
    private final ObjectProperty<Integer> firstDigit = new SimpleObjectProperty<>(this, "firstDigit", 0);

    /**
     * @param lesson the mnist lesson's model
     * @param testDigits its source of test digits
     * @param inputs what the lesson is computed from besides the digits (the learner's net, the
     *     MNIST folder): a change recomputes the lesson unless it was never shown
     */
    public MnistDigits(LessonModel lesson, MnistLesson testDigits, ObservableValue<?>... inputs) {
        this.lesson = lesson;
        this.testDigits = testDigits;
        firstDigit.addListener((obs, old, now) -> {
            testDigits.setFirstDigit(now == null ? 0 : now);
            if (lesson.source() != testDigits) {
                lesson.setSource(testDigits); // a drawn digit was shown: back to the test digits
            } else {
                lesson.reload();
            }
        });
        for (ObservableValue<?> input : inputs) {
            input.addListener((obs, old, now) -> {
                if (lesson.status() != LessonModel.Status.IDLE) {
                    lesson.reload();
                }
            });
        }
    }

    /** The first of the test digits shown (the lesson keeps the whole batch inside the test set). */
    public ObjectProperty<Integer> firstDigitProperty() {
        return firstDigit;
    }

    /** The mnist lesson these digits go to. */
    public LessonModel lesson() {
        return lesson;
    }

    /** The lesson's source of test digits (its batch size is the weights panel's choice). */
    public MnistLesson testDigits() {
        return testDigits;
    }

    /** Shows the learner's drawing in the lesson instead of the test digits. */
    public void showDrawn(DrawnDigitLesson drawn) {
        lesson.setSource(drawn);
    }
}
