package com.backpropexplorer.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.TwoLayerNet;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The book's loop against backprop, and the walk against the gradient check. */
class GradientTimingTest {
    private static Lesson lesson() {
        DMatrixRMaj x = new DMatrixRMaj(3, 10);
        java.util.Random random = new java.util.Random(8);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = random.nextDouble() < 0.5 ? random.nextDouble() : 0;
        }
        return Lessons.ch4(new TwoLayerNet(10, 4, 3, 0.3, Activation.SIGMOID, 6), x, new int[] {2, 0, 1}, "N = 3");
    }

    @Test
    void theBooksLoopRunsTwoForwardPassesPerElementAndReportsProgress() {
        AtomicLong last = new AtomicLong();
        GradientTiming.Result r = GradientTiming.run(lesson(), new LocalNumericalGradient.Monitor() {
            @Override
            public void progress(long done, long total) {
                assertTrue(done >= last.get(), "progress only goes forward");
                last.set(done);
                assertEquals(10 * 4 + 4 + 4 * 3 + 3, total);
            }
        });
        assertEquals(59, r.elements());
        assertEquals(118, r.forwardPasses());
        assertEquals(59, last.get());
        assertTrue(r.numericalNanos() > 0 && r.backpropNanos() > 0 && r.ratio() > 0);
        assertEquals(Gradcheck.Method.BOOK, r.check().method());
        assertTrue(r.check().meanAbsDiff().values().stream().allMatch(d -> d < 1e-6));
        assertThrows(CancellationException.class, () -> GradientTiming.run(lesson(), new LocalNumericalGradient.Monitor() {
            @Override
            public boolean isCancelled() {
                return true;
            }
        }));
    }

    @Test
    void theWalksFinalGradientIsTheGradientChecksNumericalGradient() {
        Lesson lesson = lesson();
        TwoLayerPass pass = (TwoLayerPass) lesson.pass();
        GradcheckResult check = Gradcheck.run(pass.net(), pass.rows(), pass.rowLabels(), Gradcheck.Method.LOCAL,
                "test", LocalNumericalGradient.Monitor.NONE);
        for (String param : List.of("W1", "b1", "W2", "b2")) {
            NumericalGradientWalk walk = NumericalGradientWalk.of(lesson, param);
            walk.runTo(walk.size(), LocalNumericalGradient.Monitor.NONE);
            assertArrayEquals(check.numerical().get(param).toArray(), walk.gradientSoFar().toArray(), 0.0, param);
        }
    }
}
