package com.backpropexplorer.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Stepping through iterations, undoing updates, and the refusal of an early backward. */
class WalkthroughTest {

    @Test
    void stepsThroughTheUpdateIntoTheNextIterationAndBack() {
        Walkthrough w = Walkthrough.start(Lessons.tiny());
        assertFalse(w.canGoBack());
        for (int i = 0; i < 9; i++) {
            w = w.next();
        }
        assertEquals(9, w.position());
        assertEquals("U SGD", w.current().orElseThrow().label());
        assertTrue(w.canAdvance(), "after the update comes the next iteration");
        Walkthrough second = w.next();
        assertEquals(1, second.iteration());
        assertEquals(1, second.position());
        assertEquals(w.trace().update().orElseThrow().after(), second.trace().params(),
                "the next forward pass runs on the updated weights");
        assertEquals("F Affine1", second.current().orElseThrow().label());
        Walkthrough back = second.back().back();
        assertEquals(0, back.iteration());
        assertEquals(8, back.position(), "back past the start undoes the update");
        assertEquals(w.trace().params(), back.trace().params());
    }

    @Test
    void backwardBeforeForwardIsRefusedWithTheCodeToPointAt() {
        Walkthrough w = Walkthrough.start(Lessons.tiny());
        assertTrue(w.backwardRefused());
        Walkthrough.Refusal r = w.refusal().orElseThrow();
        assertEquals(List.of("Affine1", "Relu1", "Affine2", "SoftmaxWithLoss"), r.emptyLayers());
        assertEquals("SoftmaxWithLoss", r.firstEmptyLayer());
        assertTrue(r.engineMessage().contains("run forward (loss) before backward"), r.engineMessage());
        var listing = w.lesson().listing();
        assertEquals("self.loss(x, t)", listing.line(r.code().fillsCache().get(0)).code().trim());
        Walkthrough ready = w.moveTo(4);
        assertFalse(ready.backwardRefused());
        assertTrue(ready.refusal().isEmpty());
        assertEquals(List.of("Affine2", "SoftmaxWithLoss"), w.moveTo(2).refusal().orElseThrow().emptyLayers());
    }

    @Test
    void lessonsWithoutAnUpdateStopAtTheEnd() {
        Walkthrough w = Walkthrough.start(Lessons.buyApple()).moveTo(4);
        assertFalse(w.canAdvance());
        assertEquals(w, w.next() == w ? w : null);
        assertEquals("mul_tax_layer", w.reset().refusal().orElseThrow().firstEmptyLayer());
    }

    @Test
    void changingTheLessonKeepsThePlace() {
        Walkthrough w = Walkthrough.start(Lessons.tiny()).moveTo(6);
        Walkthrough one = w.withLesson(w.lesson().withSample(0));
        assertEquals(6, one.position());
        assertEquals(1, one.trace().batchSize());
        Walkthrough faster = w.next().next().next().next().withLesson(w.lesson().next().withLearningRate(0.5));
        assertEquals(0.5, faster.lesson().learningRate(), 0.0);
    }
}
