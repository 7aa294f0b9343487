package com.backpropexplorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.explain.Tracer;
import com.backpropexplorer.ui.lesson.BookLessons;
import com.backpropexplorer.ui.lesson.LessonModel;
import com.backpropexplorer.ui.lesson.PassState;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The lesson view-model's rules, without any view. */
class LessonModelTest {

    @BeforeAll
    static void toolkit() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyStarted) {
            started.countDown();
        }
        assertTrue(started.await(10, TimeUnit.SECONDS));
    }

    private static LessonModel loadedTiny() throws Exception {
        LessonModel model = new LessonModel(BookLessons.tiny(Tracer.TINY_SEED), Runnable::run);
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            model.reload();
            done.countDown();
        });
        assertTrue(done.await(10, TimeUnit.SECONDS));
        return model;
    }

    private static void onFx(Runnable action) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                action.run();
            } finally {
                done.countDown();
            }
        });
        assertTrue(done.await(10, TimeUnit.SECONDS));
    }

    @Test
    void backwardIsRefusedUntilTheLossIsComputedNamingTheEmptyLayersInOrder() throws Exception {
        LessonModel model = loadedTiny();
        onFx(() -> {
            assertFalse(model.stepBackward());
            assertNotNull(model.refusal());
            assertEquals(List.of("Affine1", "Relu1", "Affine2", "SoftmaxWithLoss"), model.refusal().emptyLayers());
            assertTrue(model.refusal().engineMessage().startsWith("SoftmaxWithLoss has no cached"));
            model.stepForward();
            model.stepForward();
            assertFalse(model.stepBackward());
            assertEquals(List.of("Affine2", "SoftmaxWithLoss"), model.refusal().emptyLayers());
            model.stepForward();
            assertNull(model.refusal(), "a step clears the refusal");
            model.stepForward();
            assertTrue(model.stepBackward());
            assertEquals(5, model.position());
        });
    }

    @Test
    void passStateShowsWhatHasFlowed() throws Exception {
        LessonModel model = loadedTiny();
        onFx(() -> {
            PassState start = new PassState(model.trace(), 0);
            assertTrue(start.forwardValue(0).isPresent(), "x is there from the start");
            assertFalse(start.forwardValue(1).isPresent());
            assertTrue(start.cache(0).isEmpty());
            PassState afterLoss = new PassState(model.trace(), 4);
            assertEquals(model.trace().loss(), afterLoss.forwardValue(4).orElseThrow().value(), 0.0);
            assertFalse(afterLoss.backwardValue(4).isPresent(), "dout = 1 appears once backward starts");
            PassState end = new PassState(model.trace(), 8);
            assertEquals(1.0, end.backwardValue(4).orElseThrow().value(), 0.0);
            assertTrue(end.parameterGradient(0, "W1").isPresent());
            assertFalse(new PassState(model.trace(), 7).parameterGradient(0, "W1").isPresent());
        });
    }
}
