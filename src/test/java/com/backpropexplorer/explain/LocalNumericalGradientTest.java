package com.backpropexplorer.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.data.MnistDataset;
import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.GradientCheck;
import com.backpropexplorer.data.SharedMnist;
import com.backpropexplorer.engine.TwoLayerNet;
import com.backpropexplorer.explain.WeightProbe.Element;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The local (one hidden unit) numerical gradient against the book's plain one. */
class LocalNumericalGradientTest {

    private static DMatrixRMaj sparseInputs(Random random, int rows, int cols) {
        DMatrixRMaj x = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = random.nextDouble() < 0.6 ? 0 : random.nextDouble();
        }
        return x;
    }

    private static void assertClose(Map<String, DMatrixRMaj> expected, Map<String, DMatrixRMaj> actual, double tol) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((name, e) -> {
            DMatrixRMaj a = actual.get(name);
            assertEquals(e.numRows, a.numRows, name);
            assertEquals(e.numCols, a.numCols, name);
            for (int i = 0; i < e.data.length; i++) {
                assertEquals(e.data[i], a.data[i], tol, name + "[" + i + "]");
            }
        });
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void equalsThePlainNumericalGradientOnRandomNets(Activation activation) {
        for (long seed = 1; seed <= 5; seed++) {
            Random random = new Random(seed);
            int inputs = 3 + random.nextInt(12);
            int hidden = 1 + random.nextInt(8);
            int classes = 2 + random.nextInt(5);
            int n = 1 + random.nextInt(7);
            TwoLayerNet net = new TwoLayerNet(inputs, hidden, classes, 0.8, activation, seed);
            DMatrixRMaj x = sparseInputs(random, n, inputs);
            int[] labels = random.ints(n, 0, classes).toArray();
            Map<String, DMatrixRMaj> plain = net.copy().numericalGradient(x, labels);
            Map<String, DMatrixRMaj> local = LocalNumericalGradient.of(net, x, labels);
            // both are central differences of the same loss; they differ only in rounding
            // (the plain one subtracts two whole losses, ~1e−16 · L / 2h ≈ 1e−12)
            assertClose(plain, local, 1e-9);
        }
    }

    @Test
    void equalsThePlainOneOnTheTinyLessonAndLeavesTheNetAlone() {
        Tracer.TinyLesson tiny = Tracer.TinyLesson.of(Tracer.TINY_SEED);
        TwoLayerNet net = tiny.net();
        Map<String, DMatrixRMaj> before = new WeightProbe(net, tiny.x(), tiny.labels()).params();
        Map<String, DMatrixRMaj> local = LocalNumericalGradient.of(net, tiny.x(), tiny.labels());
        assertClose(net.copy().numericalGradient(tiny.x(), tiny.labels()), local, 1e-10);
        assertClose(before, net.params(), 0.0);
        GradientCheck.Result check = GradientCheck.compare(net.gradient(tiny.x(), tiny.labels()), local);
        check.meanAbsDiff().values().forEach(d -> assertTrue(d < 1e-6, "backprop agrees: " + d));
    }

    @Test
    void equalsThePlainOneOnThreeRealDigits() {
        MnistDataset test = SharedMnist.test();
        DMatrixRMaj x = test.images(new int[] {0, 1, 2});
        int[] labels = test.labels(new int[] {0, 1, 2});
        TwoLayerNet net = new TwoLayerNet(784, 50, 10, 0.01, Activation.RELU, 42);
        Map<String, DMatrixRMaj> plain = net.copy().numericalGradient(x, labels);
        Map<String, DMatrixRMaj> local = LocalNumericalGradient.of(net, x, labels);
        assertClose(plain, local, 1e-9);
    }

    @Test
    void reportsProgressAndStopsWhenCancelled() {
        TwoLayerNet net = new TwoLayerNet(20, 5, 3, 0.5, Activation.RELU, 1);
        DMatrixRMaj x = sparseInputs(new Random(3), 4, 20);
        int[] labels = {0, 1, 2, 0};
        AtomicLong last = new AtomicLong();
        LocalNumericalGradient.of(net, x, labels, new LocalNumericalGradient.Monitor() {
            @Override
            public void progress(long done, long total) {
                assertTrue(done > last.get() && done <= total);
                last.set(done);
                assertEquals(20 * 5 + 5 + 5 * 3 + 3, total);
            }
        });
        assertEquals(20 * 5 + 5 + 5 * 3 + 3, last.get());
        AtomicLong calls = new AtomicLong();
        assertThrows(CancellationException.class, () -> LocalNumericalGradient.of(net, x, labels,
                new LocalNumericalGradient.Monitor() {
                    @Override
                    public boolean isCancelled() {
                        return calls.incrementAndGet() > 3;
                    }
                }));
    }

    @Test
    void simpleProbeAnswersLikeTheBooksSimpleNet() {
        SimpleProbe probe = SimpleProbe.book();
        assertEquals(0.9280682857864075, probe.loss(), 1e-15); // §4.4.2's W, with the 1e-7 inside the log
        Element e = new Element("W", 1, 2);
        double w = probe.get(e);
        assertEquals(probe.numericalGradient(e), probe.backpropGradient(e), 1e-6);
        double moved = probe.lossAt(e, w + 1);
        assertEquals(w, probe.get(e), 0.0);
        probe.set(e, w + 1);
        assertEquals(moved, probe.loss(), 0.0);
        assertEquals(moved, probe.trace().loss(), 1e-12);
    }
}
