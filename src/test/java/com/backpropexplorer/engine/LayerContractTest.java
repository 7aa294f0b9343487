package com.backpropexplorer.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** What every layer promises beyond its arithmetic. */
class LayerContractTest {
    private final DMatrixRMaj dout = Matrices.of(new double[][] {{1, -2, 3}, {-4, 5, -6}});

    @Test
    void reluBackwardLeavesTheUpstreamGradientAlone() {
        Relu relu = new Relu("Relu1");
        relu.forward(Matrices.of(new double[][] {{1, -1, 0}, {-3, 2, 5}}));
        double[] before = dout.data.clone();
        DMatrixRMaj dx = relu.backward(dout);
        assertArrayEquals(before, dout.data, 0.0); // the book's Relu would have zeroed dout in place
        assertArrayEquals(new double[] {1, 0, 0, 0, 5, -6}, dx.data, 0.0);
    }

    @Test
    void sigmoidAndAffineBackwardLeaveTheUpstreamGradientAlone() {
        double[] before = dout.data.clone();
        Sigmoid sigmoid = new Sigmoid("Sigmoid1");
        sigmoid.forward(dout.copy());
        sigmoid.backward(dout);
        Affine affine = new Affine("Affine2", new DMatrixRMaj(2, 3), new DMatrixRMaj(1, 3));
        affine.forward(new DMatrixRMaj(2, 2));
        affine.backward(dout);
        assertArrayEquals(before, dout.data, 0.0);
    }

    @Test
    void backwardBeforeForwardNamesTheEmptyCache() {
        assertMessage("Affine1 has no cached input x: run forward (loss) before backward",
                () -> new Affine("Affine1", new DMatrixRMaj(3, 3), new DMatrixRMaj(1, 3)).backward(dout));
        assertMessage("Relu1 has no cached mask (x <= 0): run forward (loss) before backward",
                () -> new Relu("Relu1").backward(dout));
        assertMessage("Sigmoid1 has no cached output out: run forward (loss) before backward",
                () -> new Sigmoid("Sigmoid1").backward(dout));
        assertMessage("SoftmaxWithLoss has no cached output y and labels t: run forward (loss) before backward",
                () -> new SoftmaxWithLoss().backward(1.0));
        assertMessage("MatMul has no cached input x: run forward (loss) before backward",
                () -> new MatMul("MatMul", new DMatrixRMaj(3, 3)).backward(dout));
        // the whole net fails at its first backward stage, the loss layer
        assertMessage("SoftmaxWithLoss has no cached output y and labels t: run forward (loss) before backward",
                () -> new TwoLayerNet(4, 3, 2, 0.01, Activation.RELU, 1).backward());
    }

    @Test
    void emptyCacheExceptionsNameLayerAndCache() {
        EmptyCacheException e = assertThrows(EmptyCacheException.class, () -> new Relu("Relu1").backward(dout));
        assertEquals("Relu1", e.layer());
        assertEquals("mask", e.cacheName());
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable action) {
        EmptyCacheException e = assertThrows(EmptyCacheException.class, action);
        assertEquals(expected, e.getMessage());
    }
}
