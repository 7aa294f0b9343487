package com.backpropexplorer.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.engine.EmptyCacheException;
import com.backpropexplorer.engine.TwoLayerNet;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class TracerTest {

    @Test
    void tinyHasTheEightStagesInTheBooksOrder() {
        Trace trace = Tracer.tiny();
        List<String> labels = trace.stages().stream().map(Stage::label).toList();
        assertEquals(List.of("F Affine1", "F Relu1", "F Affine2", "F SoftmaxWithLoss",
                "B SoftmaxWithLoss", "B Affine2", "B Relu1", "B Affine1"), labels);
        assertEquals(4, trace.forwardCount());
    }

    @Test
    void tinyStagesCarryTheEnginesNumbers() {
        Tracer.TinyLesson lesson = Tracer.TinyLesson.of(Tracer.TINY_SEED);
        Trace trace = Tracer.tiny();
        TwoLayerNet net = lesson.net();
        Map<String, DMatrixRMaj> grads = net.gradient(lesson.x(), lesson.labels());

        assertEquals(net.lastLayer().loss(), trace.loss(), 0.0);
        assertEquals(trace.loss(), trace.stage(3).get("L").value(), 0.0);
        assertArrayEquals(grads.get("W2").data, trace.stage(5).get("dW").toArray(), 0.0);
        assertArrayEquals(grads.get("b2").data, trace.stage(5).get("db").toArray(), 0.0);
        assertArrayEquals(grads.get("W1").data, trace.stage(7).get("dW").toArray(), 0.0);
        assertArrayEquals(grads.get("b1").data, trace.stage(7).get("db").toArray(), 0.0);
        // Forward fills what backward reads: Affine1 caches its input x.
        assertArrayEquals(lesson.x().data, trace.stage(0).get("x").toArray(), 0.0);
        // Edges connect: what leaves one stage is what enters the next.
        assertArrayEquals(trace.stage(0).output().toArray(), trace.stage(1).get("x").toArray(), 0.0);
        assertArrayEquals(trace.stage(4).output().toArray(), trace.stage(5).get("dout").toArray(), 0.0);
    }

    @Test
    void tinyShowsBothSidesOfRelu() {
        Trace trace = Tracer.tiny();
        Tensor mask = trace.stage(1).get("mask");
        Tensor in = trace.stage(1).get("x");
        for (int i = 0; i < mask.rows(); i++) {
            for (int j = 0; j < mask.cols(); j++) {
                assertEquals(in.get(i, j) <= 0 ? 1.0 : 0.0, mask.get(i, j));
            }
        }
        double masked = java.util.Arrays.stream(mask.toArray()).sum();
        assertTrue(masked > 0 && masked < mask.size(), "the tiny lesson should show ReLU blocking some units, not all");
    }

    @Test
    void simpleIsTheBooksExampleOnPage111() {
        Trace trace = Tracer.simple();
        assertEquals(0.9280682857864075, trace.loss(), 1e-15); // the book's 0.92806853663411326 has no 1e-7
        assertArrayEquals(new double[] {1.05414809, 0.63071653, 1.1328074}, trace.stage(0).output().toArray(), 5e-9);
        assertArrayEquals(new double[] {0.21924763, 0.14356247, -0.36281009, 0.32887144, 0.2153437, -0.54421514},
                trace.stage(3).get("dW").toArray(), 5e-9);
    }

    @Test
    void backwardBeforeForwardNamesTheEmptyCache() {
        EmptyCacheException e = Tracer.backwardBeforeForward(Tracer.TinyLesson.of(1).net());
        assertEquals("SoftmaxWithLoss", e.layer());
        assertTrue(e.getMessage().contains("run forward (loss) before backward"), e.getMessage());
    }
}
