package com.backpropexplorer.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.TwoLayerNet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Lessons as data: the update stage, iterations, one sample, presets and the book's numbers. */
class LessonTest {

    @Test
    void tinyEndsWithTheSgdUpdateOfEveryParameter() {
        Trace trace = Lessons.tiny().trace();
        assertEquals(List.of("F Affine1", "F Relu1", "F Affine2", "F SoftmaxWithLoss", "B SoftmaxWithLoss",
                "B Affine2", "B Relu1", "B Affine1", "U SGD"), trace.stages().stream().map(Stage::label).toList());
        Stage update = trace.stage(8);
        assertEquals(LayerKind.SGD, update.kind());
        assertEquals(List.of("SGD.update"), update.calls());
        assertTrue(update.cached().isEmpty() && update.gradients().isEmpty());
        double lr = update.get("lr").value();
        assertEquals(0.1, lr, 0.0);
        for (String name : List.of("W1", "b1", "W2", "b2")) {
            Tensor before = update.inputs().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
            Tensor gradient = update.get("d" + name);
            Tensor after = update.outputs().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
            assertEquals(trace.params().get(name), before, "the update starts from the parameters the pass used");
            for (int i = 0; i < before.size(); i++) {
                assertEquals(before.at(i) - lr * gradient.at(i), after.at(i), 0.0, name + " element " + i);
            }
        }
        // the gradients are the backward stages' own
        assertEquals(trace.stage(7).get("dW").named("dW1"), update.get("dW1"));
        assertEquals(trace.stage(5).get("db").named("db2"), update.get("db2"));
    }

    @Test
    void oneStepAtTheDefaultRateLowersTheLossOnTheSameBatch() {
        for (Lesson lesson : List.of(Lessons.simple(), Lessons.tiny(), Lessons.tiny(7))) {
            Update u = lesson.trace().update().orElseThrow();
            assertEquals(lesson.trace().loss(), u.lossBefore(), 0.0);
            assertTrue(u.lossAfter() < u.lossBefore(), lesson + ": " + u.lossBefore() + " → " + u.lossAfter());
            assertTrue(u.lossChange() < 0);
            // the loss is the mean of −log y[t]: those probabilities rise on the whole (one sample may lose)
            double before = 0;
            double after = 0;
            for (int r = 0; r < u.trueClassBefore().rows(); r++) {
                before -= Math.log(u.trueClassBefore().at(r) + 1e-7);
                after -= Math.log(u.trueClassAfter().at(r) + 1e-7);
            }
            assertEquals(u.lossBefore(), before / u.trueClassBefore().rows(), 1e-12);
            assertEquals(u.lossAfter(), after / u.trueClassAfter().rows(), 1e-12);
        }
        Update simple = Lessons.simple().trace().update().orElseThrow();
        assertTrue(simple.trueClassAfter().value() > simple.trueClassBefore().value());
    }

    @Test
    void theTrueClassProbabilityIsTheSoftmaxOutputAtTheLabel() {
        Trace trace = Lessons.tiny().trace();
        Tensor y = trace.stage(3).get("y");
        Update u = trace.update().orElseThrow();
        for (int r = 0; r < 2; r++) {
            assertEquals(y.get(r, trace.label(r)), u.trueClassBefore().at(r), 0.0);
        }
    }

    @Test
    void theNextIterationRunsOnTheUpdatedWeights() {
        Lesson first = Lessons.tiny();
        Lesson second = first.next();
        assertEquals(1, second.iteration());
        assertEquals(first.trace().update().orElseThrow().after(), second.trace().params());
        assertEquals(first.trace().update().orElseThrow().lossAfter(), second.trace().loss(), 1e-15);
        Lesson third = second.next();
        assertTrue(third.trace().loss() < second.trace().loss() && second.trace().loss() < first.trace().loss(),
                "the loss goes down over iterations");
    }

    @Test
    void iterationsStepBackToTheWeightsBeforeTheUpdate() {
        Iterations it = Iterations.start(Lessons.tiny());
        assertFalse(it.hasPrevious());
        Iterations later = it.next().next();
        assertEquals(2, later.iteration());
        assertEquals(1, later.previous().iteration());
        assertEquals(it.current().trace().params(), later.previous().previous().current().trace().params());
        assertEquals(3, later.losses().length);
        assertThrows(IllegalStateException.class, it::previous);
        Iterations many = it;
        for (int i = 0; i < Iterations.LIMIT + 5; i++) {
            many = many.next();
        }
        int kept = 0;
        for (Iterations back = many; back.hasPrevious(); back = back.previous()) {
            kept++;
        }
        assertEquals(Iterations.LIMIT, kept, "only so many iterations are kept behind");
    }

    @Test
    void anotherLearningRateChangesOnlyTheUpdate() {
        Lesson lesson = Lessons.tiny();
        Lesson faster = lesson.withLearningRate(0.5);
        for (int i = 0; i < 8; i++) {
            assertEquals(lesson.trace().stage(i), faster.trace().stage(i));
        }
        assertNotEquals(lesson.trace().stage(8), faster.trace().stage(8));
        assertEquals(0.5, faster.trace().update().orElseThrow().learningRate(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> lesson.withLearningRate(-1));
        assertThrows(IllegalArgumentException.class, () -> lesson.withLearningRate(Double.NaN));
    }

    @Test
    void oneSampleRerunsTheLessonWithNOne() {
        Lesson batch = Lessons.tiny();
        assertTrue(batch.canPickSample());
        Lesson one = batch.withSample(1);
        assertEquals(1, one.trace().batchSize());
        assertEquals(1, one.sample().getAsInt());
        assertArrayEquals(batch.trace().x().row(1), one.trace().x().row(0), 0.0);
        assertEquals(batch.trace().label(1), one.trace().label(0));
        assertEquals(batch.trace().params(), one.trace().params());
        assertTrue(one.description().endsWith("sample 1 alone (N = 1)"), one.description());
        assertEquals(batch.trace().stages(), one.withWholeBatch().trace().stages());
        assertFalse(Lessons.simple().canPickSample());
        assertThrows(IllegalArgumentException.class, () -> batch.withSample(2));
    }

    @Test
    void simpleIsTheBooksWithItsPrintedNumbersBeside() {
        Lesson simple = Lessons.simple();
        assertEquals("book", simple.preset());
        BookValues book = simple.book().orElseThrow();
        assertEquals("§4.4.2, p. 111", book.source());
        assertTrue(book.value("net.predict(x)").maxAbsDifference() < 5e-9);
        assertTrue(book.value("loss without 1e-7").maxAbsDifference() < 5e-9);
        double withGuard = book.value("loss").maxAbsDifference();
        assertTrue(withGuard > 2e-7 && withGuard < 3e-7, "the 1e-7 moves our loss by " + withGuard);
        assertTrue(book.value("dW").maxAbsDifference() < 5e-9);
        assertEquals("0.92806853663411326", book.value("loss").printedText());
        assertEquals(ValueRef.producedBy(3, "dW"), book.value("dW").where());
        for (BookValues.Value v : book.values()) {
            if (v.noteKey() != null) {
                assertFalse(com.backpropexplorer.explain.text.Texts.text(Locale.JAPANESE, v.noteKey()).startsWith("!"));
            }
        }
    }

    @Test
    void theReadersOwnRunIsASecondPresetWithoutTheBooksNumbers() {
        Lesson reader = Lessons.simple().withPreset("reader");
        assertEquals("reader", reader.preset());
        assertEquals(-0.78425015, reader.trace().params().get("W").get(0, 0), 0.0);
        assertEquals(0.81648668, reader.trace().loss(), 5e-9);
        assertTrue(reader.book().isEmpty(), "the book does not print this run");
        assertFalse(reader.presets().get(1).fromTheBook());
        assertTrue(reader.withPreset("book").book().isPresent());
        assertTrue(Lessons.simple().next().book().isEmpty(), "after an update the numbers are no longer the book's");
    }

    @Test
    void backwardBeforeForwardIsTheEnginesOwnRefusal() {
        assertEquals("SoftmaxWithLoss", Lessons.tiny().backwardBeforeForward().layer());
        assertEquals("SoftmaxWithLoss", Lessons.simple().backwardBeforeForward().layer());
    }

    @Test
    void everyLessonAndEveryNodeKindHasItsTextsInBothLanguages() {
        for (Example example : Example.values()) {
            for (Locale locale : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
                assertFalse(example.title(locale).startsWith("!"), example.id());
                assertFalse(example.navLabel(locale).startsWith("!"), example.id());
                String subtitle = com.backpropexplorer.explain.text.Texts.text(locale,
                        "lesson." + example.id() + ".subtitle", "…");
                assertFalse(subtitle.startsWith("!"), example.id());
                assertTrue(subtitle.contains("…"), example.id() + " puts the run's description in its subtitle");
            }
        }
        for (LayerKind kind : LayerKind.values()) {
            if (kind != LayerKind.SGD) {
                assertFalse(ChainRule.explanation(kind, Locale.ENGLISH).startsWith("!"), kind.name());
                assertFalse(ChainRule.explanation(kind, Locale.JAPANESE).startsWith("!"), kind.name());
            }
        }
    }

    @Test
    void textsExistInBothLanguages() {
        for (Lesson lesson : List.of(Lessons.simple(), Lessons.tiny(), Lessons.buyApple(), Lessons.buyAppleOrange(),
                Lessons.sigmoid())) {
            for (Locale locale : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
                assertFalse(lesson.title(locale).startsWith("!"), lesson.id());
                assertFalse(lesson.subtitle(locale).startsWith("!"), lesson.id());
                assertFalse(lesson.navLabel(locale).startsWith("!"), lesson.id());
            }
            assertNotEquals(lesson.title(Locale.ENGLISH), lesson.title(Locale.JAPANESE));
        }
    }

    @Test
    void graphEdgesFindTheirNumbersInThePass() {
        Trace trace = Lessons.tiny().trace();
        ComputationGraph g = trace.graph();
        assertEquals(List.of("x", "W1", "b1", "Affine1", "Relu1", "W2", "b2", "Affine2", "t", "SoftmaxWithLoss", "L"),
                g.nodes().stream().map(ComputationGraph.Node::id).toList());
        assertTrue(g.isChain());
        ComputationGraph.Edge hidden = g.outOf("Affine1").get(0);
        assertEquals(trace.stage(0).output().toArray().length, hidden.value().in(trace).size());
        assertArrayEquals(trace.stage(1).get("x").toArray(), hidden.value().in(trace).toArray(), 0.0);
        assertArrayEquals(trace.stage(6).output().toArray(), hidden.gradient().in(trace).toArray(), 0.0);
        assertFalse(hidden.value().knownAt(0));
        assertTrue(hidden.value().knownAt(1));
        ComputationGraph.Edge w1 = g.outOf("W1").get(0);
        assertTrue(w1.value().knownAt(0), "parameters exist before anything runs");
        assertEquals("W", w1.port());
        assertEquals("dW1", w1.gradientLabel());
        assertArrayEquals(trace.stage(7).get("dW").toArray(), w1.gradient().in(trace).toArray(), 0.0);
        assertTrue(g.outOf("t").get(0).gradientRef().isEmpty(), "no gradient flows into the labels");
        assertEquals(List.of("W1", "b1"), trace.node("Affine1").sideInputs());
        assertEquals(List.of("t"), trace.node("SoftmaxWithLoss").sideInputs());
        assertEquals(3, g.node("Affine2").forwardStage() + 1);
        assertEquals(5, g.node("Affine2").backwardStage());
    }

    @Test
    void mnistSizedLessonsDescribeTheirBatch() {
        TwoLayerNet net = new TwoLayerNet(4, 3, 2, 0.1, Activation.RELU, 1);
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{0, 1, 0, 1}, {1, 0, 0, 0}, {0, 0, 1, 1}});
        Lesson lesson = Lessons.mnist(net, x, new int[] {0, 1, 1}, Lessons.digits(7, 3));
        assertEquals("4-3-2, N = 3, #7–#9", lesson.description());
        assertEquals(Example.MNIST, lesson.example());
        Map<String, Tensor> after = lesson.trace().updatedParams();
        assertEquals(lesson.next().trace().params(), after);
    }
}
