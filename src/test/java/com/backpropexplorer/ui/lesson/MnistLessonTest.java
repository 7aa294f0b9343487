package com.backpropexplorer.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.data.MnistCache;
import com.backpropexplorer.data.SharedMnist;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The mnist lesson takes any first digit and keeps the whole batch inside the test set. */
class MnistLessonTest {
    @Test
    void aFirstDigitNearTheEndShowsTheLastWholeBatch() throws Exception {
        Path mnist = SharedMnist.dir();
        MnistLesson lesson = new MnistLesson(() -> mnist, MnistLesson::untrainedNet, new MnistCache());
        lesson.setFirstDigit(9_999); // the explainer's spinner goes up to the last test digit
        LessonRun three = lesson.compute();
        assertTrue(three.description().endsWith("N = 3, #9997–#9999"), three.description());

        lesson.setBatchSize(100); // the weights panel's real mini-batch
        LessonRun hundred = lesson.compute();
        assertTrue(hundred.description().endsWith("N = 100, #9900–#9999"), hundred.description());

        lesson.setFirstDigit(42);
        assertEquals(42, lesson.firstDigit());
        assertTrue(lesson.compute().description().endsWith("#42–#141"));
    }
}
