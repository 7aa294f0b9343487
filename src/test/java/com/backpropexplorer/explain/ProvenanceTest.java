package com.backpropexplorer.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.TwoLayerNet;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Per-sample shares, where a number comes from, and the chain rule at each node. */
class ProvenanceTest {
    private final Trace tiny = Lessons.tiny().trace();

    /** A 30-6-4 net on 7 samples: big enough to cut the list of terms. */
    private static Trace wider(Activation activation) {
        Random random = new Random(5);
        DMatrixRMaj x = new DMatrixRMaj(7, 30);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = random.nextDouble() < 0.4 ? random.nextDouble() : 0; // sparse, like MNIST
        }
        TwoLayerNet net = new TwoLayerNet(30, 6, 4, 0.5, activation, 3);
        return Lessons.mnist(net, x, new int[] {0, 1, 2, 3, 0, 1, 2}, "N = 7").trace();
    }

    private static double sum(Provenance.Origin o) {
        double s = o.rest();
        for (Provenance.Term t : o.terms()) {
            s += t.value();
        }
        return s;
    }

    @Test
    void perSampleTermsAddUpToTheBatchGradient() {
        for (Trace trace : List.of(tiny, wider(Activation.RELU), Lessons.simple().trace())) {
            for (Stage s : trace.stages()) {
                if (!PerSample.applies(s)) {
                    continue;
                }
                List<PerSample.Share> shares = PerSample.all(trace, s.index());
                assertEquals(trace.batchSize(), shares.size());
                assertArrayEquals(s.get("dW").toArray(), PerSample.sum(shares, "dW").toArray(), 1e-12, s.label());
                if (s.kind() == LayerKind.AFFINE) {
                    assertArrayEquals(s.get("db").toArray(), PerSample.sum(shares, "db").toArray(), 1e-12);
                }
            }
        }
        // sample 1's share of dW1 is the outer product of its own x row and dout row
        PerSample.Share one = PerSample.of(tiny, 7, 1);
        Tensor x = tiny.stage(0).get("x");
        Tensor dout = tiny.stage(7).get("dout");
        assertEquals(x.get(1, 1) * dout.get(1, 2), one.dW().get(1, 2), 0.0);
        assertArrayEquals(dout.row(1), one.db().toArray(), 0.0);
    }

    @Test
    void oneOverNEntersInSoftmaxWithLossBackward() {
        PerSample.OneOverN n = PerSample.oneOverN(tiny);
        assertEquals(4, n.stage());
        assertEquals(2, n.batchSize());
        for (int i = 0; i < n.dx().size(); i++) {
            assertEquals(n.yMinusT().at(i) / 2, n.dx().at(i), 1e-15);
        }
        var listing = Lessons.tiny().listing();
        List<Integer> oneOverN = listing.withAnchor(PerSample.ONE_OVER_N_ANCHOR);
        assertEquals(List.of("dx = dout * (self.y - self.t) / batch_size"),
                oneOverN.stream().map(l -> listing.line(l).code().trim()).toList());
        assertEquals(List.of("self.dW = np.dot(self.x.T, dout)", "self.db = np.sum(dout, axis=0)"),
                listing.withAnchor(PerSample.BATCH_SUM_ANCHOR).stream().map(l -> listing.line(l).code().trim()).toList());
    }

    @Test
    void aDw1ElementComesFromAColumnOfXAndAColumnOfDout() {
        Provenance.Origin o = Provenance.of(tiny, 7, "dW", 1, 2);
        assertEquals(List.of(Provenance.Region.column(ValueRef.producedBy(0, "x"), 1),
                Provenance.Region.column(new ValueRef(7, "dout", 7), 2)), o.sources());
        assertTrue(o.complete());
        assertEquals(2, o.termCount(), "one term per sample");
        assertEquals("x[0][1]", o.terms().get(0).factors().get(0).symbol());
        assertEquals("dout[0][2]", o.terms().get(0).factors().get(1).symbol());
        assertEquals(tiny.stage(7).get("dW").get(1, 2), sum(o), 1e-15);
        assertEquals("dW1[1][2] = Σ_n x[n][1] · dout[n][2]", o.formula());
    }

    @Test
    void everyElementOfEveryStageAddsUpItsTerms() {
        for (Trace trace : List.of(tiny, wider(Activation.RELU), wider(Activation.SIGMOID), Lessons.simple().trace())) {
            for (Stage s : trace.stages()) {
                for (Tensor t : s.outputs()) {
                    checkAll(trace, s, t);
                }
                for (Tensor t : s.gradients()) {
                    checkAll(trace, s, t);
                }
            }
        }
    }

    private static void checkAll(Trace trace, Stage s, Tensor t) {
        for (int r = 0; r < t.rows(); r++) {
            for (int c = 0; c < t.cols(); c++) {
                Provenance.Origin o = Provenance.of(trace, s.index(), t.name(), r, c);
                assertEquals(t.get(r, c), o.value(), 0.0);
                if (s.kind() == LayerKind.SOFTMAX_WITH_LOSS && s.isForward() || s.kind() == LayerKind.SIGMOID
                        && s.isForward()) {
                    continue; // the terms there are the value itself or −log terms: checked below
                }
                double expected = s.kind() == LayerKind.RELU ? o.terms().get(0).value() : sum(o);
                assertEquals(t.get(r, c), expected, 1e-12 * Math.max(1, Math.abs(t.get(r, c))), s.label() + " " + t.name()
                        + "[" + r + "][" + c + "]");
                assertFalse(o.sources().isEmpty());
                assertTrue(o.terms().size() <= Provenance.MAX_TERMS);
            }
        }
    }

    @Test
    void bigSumsShowTheLargestTermsAndTheRest() {
        Trace trace = wider(Activation.RELU);
        Provenance.Origin o = Provenance.of(trace, 0, "out", 2, 3);
        assertEquals(31, o.termCount(), "30 products and the bias");
        assertFalse(o.complete());
        assertEquals(Provenance.MAX_TERMS, o.terms().size());
        for (int i = 1; i < o.terms().size(); i++) {
            assertTrue(Math.abs(o.terms().get(i - 1).value()) >= Math.abs(o.terms().get(i).value()));
        }
        assertEquals(o.value(), sum(o), 1e-12);
    }

    @Test
    void theLossIsTheMeanOfMinusLogOfTheTrueClass() {
        Provenance.Origin o = Provenance.of(tiny, 3, "L", 0, 0);
        assertEquals(2, o.termCount());
        assertEquals(tiny.loss(), sum(o), 1e-15);
    }

    @Test
    void aReluGradientComesFromItsMaskCell() {
        Provenance.Origin o = Provenance.of(tiny, 6, "dx", 0, 0);
        assertTrue(o.sources().contains(Provenance.Region.cell(ValueRef.producedBy(1, "mask"), 0, 0)));
    }

    @Test
    void theUpdateIsTheOldWeightMinusEtaTimesItsGradient() {
        Provenance.Origin o = Provenance.of(tiny, 8, "W1", 0, 1);
        assertEquals(2, o.terms().size());
        assertEquals(tiny.stage(8).outputs().get(0).get(0, 1), sum(o), 1e-15);
    }

    @Test
    void downstreamIsUpstreamTimesTheLocalDerivativeAtEveryNode() {
        for (Trace trace : List.of(tiny, wider(Activation.SIGMOID), Lessons.simple().trace())) {
            for (Stage s : trace.stages()) {
                List<ChainRule.Link> links = ChainRule.at(trace, s.index());
                assertEquals(s.isBackward(), !links.isEmpty(), s.label());
                for (ChainRule.Link link : links) {
                    assertArrayEquals(link.result().toArray(), apply(link).toArray(), 1e-12, s.label() + " "
                            + link.formula());
                }
            }
        }
        ChainRule.Link relu = ChainRule.at(tiny, 6).get(0);
        assertEquals("dx = dout ⊙ (x > 0)", relu.formula());
        assertEquals("dx = dout · W1ᵀ", ChainRule.at(tiny, 7).get(0).formula());
    }

    /** upstream × local, the way the link says. */
    static Tensor apply(ChainRule.Link link) {
        Tensor u = link.upstream();
        Tensor l = link.local();
        DMatrixRMaj out;
        switch (link.product()) {
            case UPSTREAM_TIMES_LOCAL -> out = mult(u, l);
            case LOCAL_TIMES_UPSTREAM -> out = mult(l, u);
            case SUM_OVER_BATCH -> {
                out = new DMatrixRMaj(1, u.cols());
                for (int r = 0; r < u.rows(); r++) {
                    for (int c = 0; c < u.cols(); c++) {
                        out.data[c] += u.get(r, c);
                    }
                }
            }
            default -> {
                Tensor shape = u.isScalar() ? l : u;
                out = new DMatrixRMaj(shape.rows(), shape.cols());
                for (int i = 0; i < out.data.length; i++) {
                    out.data[i] = (u.isScalar() ? u.value() : u.at(i)) * (l.isScalar() ? l.value() : l.at(i));
                }
            }
        }
        return Tensor.of("product", out);
    }

    private static DMatrixRMaj mult(Tensor a, Tensor b) {
        DMatrixRMaj out = new DMatrixRMaj(a.rows(), b.cols());
        org.ejml.dense.row.CommonOps_DDRM.mult(a.toMatrix(), b.toMatrix(), out);
        return out;
    }
}
