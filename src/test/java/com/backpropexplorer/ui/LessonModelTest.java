package com.backpropexplorer.ui;

import static com.backpropexplorer.ui.HeadlessFx.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.data.DataException;
import com.backpropexplorer.explain.Example;
import com.backpropexplorer.explain.Tracer;
import com.backpropexplorer.explain.WeightProbe.Element;
import com.backpropexplorer.ui.lesson.BookLessons;
import com.backpropexplorer.ui.lesson.LessonModel;
import com.backpropexplorer.ui.lesson.LessonRun;
import com.backpropexplorer.ui.lesson.LessonSource;
import com.backpropexplorer.ui.lesson.MnistMissingException;
import com.backpropexplorer.ui.lesson.PassState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The lesson view-model's rules, without any view. */
class LessonModelTest {

    @BeforeAll
    static void toolkit() throws Exception {
        HeadlessFx.start();
    }

    private static LessonModel loadedTiny() throws Exception {
        LessonModel model = new LessonModel(BookLessons.tiny(Tracer.TINY_SEED), Runnable::run);
        onFx(model::reload);
        return model;
    }

    @Test
    void backwardIsRefusedUntilTheLossIsComputedNamingTheEmptyLayersInOrder() throws Exception {
        LessonModel model = loadedTiny();
        onFx(() -> {
            assertFalse(model.stepBackward());
            assertNotNull(model.refusal());
            assertEquals(List.of("Affine1", "Relu1", "Affine2", "SoftmaxWithLoss"), model.refusal().emptyLayers());
            // the engine's own refusal, as its parts: backward starts in the loss layer and finds no y
            assertEquals("SoftmaxWithLoss", model.refusal().firstEmptyLayer());
            assertEquals("y", model.refusal().emptyCache());
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

    @Test
    void playingStepsOneStageATickAndStopsAtTheEndFromWhichItStartsOver() throws Exception {
        LessonModel model = loadedTiny();
        onFx(() -> {
            int stages = model.stageCount();
            model.moveTo(stages);
            model.playback().play();
            assertEquals(0, model.position(), "played from the end: from the start again");
            assertTrue(model.playback().isPlaying());
            for (int i = 1; i <= stages; i++) {
                model.playback().tick();
                assertEquals(i, model.position());
            }
            assertFalse(model.playback().isPlaying(), "the last stage stops it");
            model.playback().tick();
            assertEquals(stages, model.position(), "a tick while stopped does nothing");
            model.playback().toggle();
            assertTrue(model.playback().isPlaying());
            model.stepBackward(); // at position 0: refused, which stops playing
            assertFalse(model.playback().isPlaying());
        });
    }

    @Test
    void theTwoPickedElementsAreNeverTheSameAndANewPassDropsWhatItHasNoElementFor() throws Exception {
        LessonModel model = loadedTiny();
        Element w1 = new Element("W1", 0, 1);
        Element w2 = new Element("W2", 1, 0);
        onFx(() -> {
            model.selectSecondElement(w2);
            assertEquals(w2, model.selectedElement(), "a second element with no first becomes the first");
            assertNull(model.secondElement());
            model.selectSecondElement(w1);
            assertEquals(w1, model.secondElement());
            model.selectElement(w1);
            assertEquals(w1, model.selectedElement());
            assertEquals(w2, model.secondElement(), "picking the second as the first swaps them");
            model.selectSecondElement(w1);
            assertEquals(w2, model.secondElement(), "the first cannot be the second too");
            model.clearSecondElement();
            assertNull(model.secondElement());

            model.selectSecondElement(new Element("W2", 2, 1)); // tiny's W2 is 3×2: it fits
            model.selectElement(new Element("W1", 5, 0)); // tiny's W1 is 2×3: it does not
            model.reload();
        });
        onFx(() -> {
            assertEquals(LessonModel.Status.READY, model.status());
            assertNull(model.selectedElement(), "dropped: the pass has no W1[5][0]");
            assertNull(model.secondElement(), "the second goes with the first");
        });
    }

    @Test
    void aFailedLoadSaysWhyAndOnlyTheNewestLoadIsShown() throws Exception {
        LessonSource tiny = BookLessons.tiny(Tracer.TINY_SEED);
        List<Runnable> queued = new ArrayList<>();
        LessonModel model = new LessonModel(tiny, queued::add);
        onFx(() -> {
            model.reload();
            model.reload();
        });
        assertEquals(2, queued.size());
        LessonRun[] shown = new LessonRun[1];
        onFx(() -> queued.get(1).run());
        onFx(() -> {
            assertEquals(LessonModel.Status.READY, model.status());
            shown[0] = model.run();
        });
        onFx(() -> queued.get(0).run());
        onFx(() -> assertTrue(model.run() == shown[0], "the older load's pass came later and is not shown"));

        DataException notThere = new DataException("file.missing", "MNIST", "/nowhere");
        onFx(() -> model.setSource(failing(tiny.example(), new MnistMissingException(notThere))));
        onFx(() -> queued.get(2).run());
        onFx(() -> {
            assertEquals(LessonModel.Status.MNIST_MISSING, model.status());
            assertEquals(notThere.getMessage(), model.problemProperty().get());
            assertEquals(notThere.message(Locale.JAPANESE), model.problemText(Locale.JAPANESE),
                    "where MNIST was looked for, in the window's language");
            assertTrue(model.run() == shown[0], "the last pass stays on show");
        });
        onFx(() -> model.setSource(failing(tiny.example(), new IllegalStateException("the engine broke"))));
        onFx(() -> queued.get(3).run());
        onFx(() -> {
            assertEquals(LessonModel.Status.FAILED, model.status());
            assertEquals("the engine broke", model.problemProperty().get());
            model.ensureLoaded(); // a failed lesson tries again when shown
            assertEquals(LessonModel.Status.LOADING, model.status());
        });
    }

    private static LessonSource failing(Example example, Exception why) {
        return new LessonSource() {
            @Override
            public Example example() {
                return example;
            }

            @Override
            public LessonRun compute() throws Exception {
                throw why;
            }
        };
    }
}
