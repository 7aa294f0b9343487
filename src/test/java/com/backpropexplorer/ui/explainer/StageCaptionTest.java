package com.backpropexplorer.ui.explainer;

import static com.backpropexplorer.ui.HeadlessFx.fromFx;
import static com.backpropexplorer.ui.HeadlessFx.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.explain.Tracer;
import com.backpropexplorer.ui.HeadlessFx;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.Numbers;
import com.backpropexplorer.ui.lesson.BookLessons;
import com.backpropexplorer.ui.lesson.LessonModel;
import java.util.Locale;
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
        });
        String start = fromFx(() -> StageCaption.of(model, ENGLISH));
        assertEquals("Start: nothing computed yet (0 of 9)", start);

        String afterLoss = fromFx(() -> {
            model.moveTo(model.forwardCount());
            return StageCaption.of(model, ENGLISH);
        });
        String loss = fromFx(() -> Numbers.precise(model.trace().loss()));
        assertEquals("Stage 4 of 9: forward SoftmaxWithLoss  ·  loss L = " + loss + "  ·  "
                + ENGLISH.text("status.forwardDone"), afterLoss);

        String backward = fromFx(() -> {
            model.next();
            return StageCaption.of(model, ENGLISH);
        });
        assertEquals("Stage 5 of 9: backward SoftmaxWithLoss", backward);

        String update = fromFx(() -> {
            model.moveTo(model.stageCount());
            return StageCaption.of(model, ENGLISH);
        });
        String[] losses = fromFx(() -> new String[] {Numbers.precise(model.trace().update().orElseThrow().lossBefore()),
                Numbers.precise(model.trace().update().orElseThrow().lossAfter())});
        assertTrue(update.startsWith("Stage 9 of 9: update "), update);
        assertTrue(update.endsWith("  ·  " + ENGLISH.text("status.backwardDone") + "  ·  loss " + losses[0]
                + " → " + losses[1]), update);

        String nextIteration = fromFx(() -> {
            model.next(); // after the update: the next iteration, its first forward stage
            return StageCaption.of(model, ENGLISH);
        });
        assertEquals("Iteration 2  ·  Stage 1 of 9: forward Affine1", nextIteration);
    }
}
