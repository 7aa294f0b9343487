package com.backpropexplorer.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The mnist lesson takes any first digit and keeps the whole batch inside the test set. */
class MnistLessonTest {
    private static final Path MNIST = Path.of(System.getProperty("shared.dir", "../shared"), "mnist");

    @Test
    void aFirstDigitNearTheEndShowsTheLastWholeBatch() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(MNIST.resolve("t10k-images-idx3-ubyte.gz")),
                "MNIST not found in " + MNIST + ": the lesson's batch clamping is not checked");
        MnistLesson lesson = new MnistLesson(() -> MNIST, MnistLesson::untrainedNet);
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
