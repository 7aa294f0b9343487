package com.backpropexplorer.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.NumericalGradient;
import com.backpropexplorer.engine.TwoLayerNet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Chapter 4's numerical gradient, element by element, ends where the gradient check's does. */
class NumericalGradientWalkTest {

    private static Lesson sigmoidLesson() {
        Random random = new Random(11);
        DMatrixRMaj x = new DMatrixRMaj(4, 12);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = random.nextDouble() < 0.5 ? random.nextDouble() : 0;
        }
        TwoLayerNet net = new TwoLayerNet(12, 5, 3, 0.3, Activation.SIGMOID, 2);
        return Lessons.ch4(net, x, new int[] {0, 1, 2, 1}, "N = 4");
    }

    @Test
    void theFinishedWalkIsTheGradientChecksNumericalGradientBitForBit() {
        for (Lesson lesson : List.of(sigmoidLesson(), Lessons.tiny())) {
            TwoLayerPass pass = (TwoLayerPass) lesson.pass();
            Map<String, DMatrixRMaj> check = LocalNumericalGradient.of(pass.net(), pass.rows(), pass.rowLabels());
            Map<String, DMatrixRMaj> book = pass.net().numericalGradient(pass.rows(), pass.rowLabels());
            for (String param : List.of("W1", "b1", "W2", "b2")) {
                NumericalGradientWalk walk = NumericalGradientWalk.of(lesson, param);
                walk.runTo(walk.size(), LocalNumericalGradient.Monitor.NONE);
                assertTrue(walk.finished());
                assertArrayEquals(check.get(param).data, walk.gradientSoFar().toArray(), 0.0, param);
                assertArrayEquals(book.get(param).data, walk.gradientSoFar().toArray(), 1e-9, param
                        + ": the book's loop (a whole forward pass per element) agrees");
            }
        }
    }

    @Test
    void eachStepShowsTheTwoLossesOfTheNudgedNet() {
        Lesson lesson = sigmoidLesson();
        TwoLayerPass pass = (TwoLayerPass) lesson.pass();
        NumericalGradientWalk walk = NumericalGradientWalk.of(lesson, "W2");
        assertEquals(15, walk.size());
        assertEquals(lesson.trace().loss(), walk.loss(), 1e-12);
        NumericalGradientWalk.Step first = walk.next();
        NumericalGradientWalk.Step second = walk.next();
        assertEquals(0, first.index());
        assertEquals(1, second.col());
        TwoLayerNet net = pass.net();
        DMatrixRMaj w2 = net.params().get("W2");
        double original = w2.get(0, 1);
        assertEquals(original, second.original(), 0.0);
        w2.set(0, 1, original + NumericalGradient.H);
        assertEquals(net.loss(pass.rows(), pass.rowLabels()), second.lossPlus(), 1e-12, "f(x + h): the whole loss");
        w2.set(0, 1, original - NumericalGradient.H);
        assertEquals(net.loss(pass.rows(), pass.rowLabels()), second.lossMinus(), 1e-12);
        assertEquals((second.lossPlus() - second.lossMinus()) / (2 * NumericalGradient.H), second.gradient(), 1e-8);
        // in place: during the +h phase the array the net holds has that one element raised
        Tensor held = walk.heldDuring(1, NumericalGradientWalk.Phase.F_PLUS);
        assertEquals(original + NumericalGradient.H, held.get(0, 1), 0.0);
        assertEquals(w2.get(0, 0), held.get(0, 0), 0.0);
        assertEquals(original, walk.heldDuring(1, NumericalGradientWalk.Phase.RESTORE).get(0, 1), 0.0);
        Tensor soFar = walk.gradientSoFar();
        assertEquals(second.gradient(), soFar.get(0, 1), 0.0);
        assertEquals(0.0, soFar.get(0, 2), 0.0, "not done yet: still zero");
    }

    @Test
    void fastForwardReportsProgressAndCanBeCancelled() {
        NumericalGradientWalk walk = NumericalGradientWalk.of(sigmoidLesson(), "W1");
        AtomicInteger reports = new AtomicInteger();
        walk.runTo(30, new LocalNumericalGradient.Monitor() {
            @Override
            public void progress(long done, long total) {
                reports.incrementAndGet();
                assertEquals(60, total);
            }
        });
        assertEquals(30, walk.done());
        assertTrue(reports.get() >= 6);
        assertThrows(CancellationException.class, () -> walk.runTo(60, new LocalNumericalGradient.Monitor() {
            @Override
            public boolean isCancelled() {
                return true;
            }
        }));
        assertEquals(30, walk.done(), "what was done stays done");
        assertThrows(IllegalArgumentException.class, () -> NumericalGradientWalk.of(Lessons.buyApple(), "W1"));
        assertThrows(IllegalArgumentException.class, () -> NumericalGradientWalk.of(sigmoidLesson(), "W3"));
    }

    @Test
    void theCodeOfTheLoopIsInTheCh4Listing() {
        Lesson lesson = sigmoidLesson();
        for (NumericalGradientWalk.Phase phase : NumericalGradientWalk.Phase.values()) {
            assertEquals(1, lesson.listing().withAnchor(phase.anchor()).size(), phase.name());
        }
        int lambda = lesson.listing().withAnchor("numgrad:lambda").get(0);
        assertEquals("loss_W = lambda W: self.loss(x, t)", lesson.listing().line(lambda).code().trim());
        assertTrue(lesson.listing().files().contains("gradient.py"));
        assertEquals("self.layers['Sigmoid1'] = Sigmoid()", lesson.listing().lines().stream()
                .map(l -> l.code().trim()).filter(c -> c.contains("Sigmoid1")).findFirst().orElseThrow());
    }
}
