package com.backpropexplorer.ui.explainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.explain.Tracer;
import com.backpropexplorer.ui.HeadlessFx;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.Numbers;
import com.backpropexplorer.ui.lesson.BookLessons;
import com.backpropexplorer.ui.lesson.LessonModel;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The line under a lesson's buttons, stage by stage through the tiny net's pass and into its next iteration. */
class StageCaptionTest {
    private static final I18n ENGLISH = new I18n(Locale.ENGLISH);

    @BeforeAll
    static void toolkit() throws Exception {
        HeadlessFx.start();
    }

    @Test
    void saysTheStageItsDirectionAndAtTheTurnsWhatCameOut() throws Exception {
        LessonModel model = new LessonModel(BookLessons.tiny(Tracer.TINY_SEED), Runnable::run);
        onFx(() -> {
            assertEquals("", StageCaption.of(model, ENGLISH), "nothing before the pass is asked for");
            model.reload();
            return null;
        });
        String start = onFx(() -> StageCaption.of(model, ENGLISH));
        assertEquals("Start: nothing computed yet (0 of 9)", start);

        String afterLoss = onFx(() -> {
            model.moveTo(model.forwardCount());
            return StageCaption.of(model, ENGLISH);
        });
        String loss = onFx(() -> Numbers.precise(model.trace().loss()));
        assertEquals("Stage 4 of 9: forward SoftmaxWithLoss  ·  loss L = " + loss + "  ·  "
                + ENGLISH.text("status.forwardDone"), afterLoss);

        String backward = onFx(() -> {
            model.next();
            return StageCaption.of(model, ENGLISH);
        });
        assertEquals("Stage 5 of 9: backward SoftmaxWithLoss", backward);

        String update = onFx(() -> {
            model.moveTo(model.stageCount());
            return StageCaption.of(model, ENGLISH);
        });
        String[] losses = onFx(() -> new String[] {Numbers.precise(model.trace().update().orElseThrow().lossBefore()),
                Numbers.precise(model.trace().update().orElseThrow().lossAfter())});
        assertTrue(update.startsWith("Stage 9 of 9: update "), update);
        assertTrue(update.endsWith("  ·  " + ENGLISH.text("status.backwardDone") + "  ·  loss " + losses[0]
                + " → " + losses[1]), update);

        String nextIteration = onFx(() -> {
            model.next(); // after the update: the next iteration, its first forward stage
            return StageCaption.of(model, ENGLISH);
        });
        assertEquals("Iteration 2  ·  Stage 1 of 9: forward Affine1", nextIteration);
    }

    private static <T> T onFx(Supplier<T> action) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                result.set(action.get());
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                done.countDown();
            }
        });
        assertTrue(done.await(10, TimeUnit.SECONDS));
        if (failure.get() instanceof Error error) {
            throw error;
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        return result.get();
    }
}
