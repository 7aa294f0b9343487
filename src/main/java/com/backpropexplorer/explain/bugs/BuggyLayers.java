package com.backpropexplorer.explain.bugs;

import com.backpropexplorer.engine.EmptyCacheException;
import com.backpropexplorer.engine.Layer;
import com.backpropexplorer.engine.Matrices;
import com.backpropexplorer.engine.Relu;
import com.backpropexplorer.engine.Sigmoid;
import com.backpropexplorer.engine.SoftmaxWithLoss;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The planted bugs: layers whose forward is right and whose backward has one classic mistake,
 * written out as a learner would write it. They live here, not in engine/, which stays the
 * book's classes done right.
 */
final class BuggyLayers {
    private BuggyLayers() {
    }

    /** SoftmaxWithLoss whose backward forgets to divide by the batch size. */
    static final class SoftmaxWithoutBatchDivision implements LossLayer {
        private final SoftmaxWithLoss right = new SoftmaxWithLoss();

        @Override
        public double forward(DMatrixRMaj x, int[] labels) {
            return right.forward(x, labels);
        }

        @Override
        public DMatrixRMaj backward(double dout) {
            DMatrixRMaj y = right.y();
            DMatrixRMaj t = right.t();
            DMatrixRMaj dx = new DMatrixRMaj(y.numRows, y.numCols);
            for (int i = 0; i < dx.data.length; i++) {
                dx.data[i] = dout * (y.data[i] - t.data[i]); // the bug: no "/ batch_size"
            }
            return dx;
        }
    }

    /** SoftmaxWithLoss whose backward sends y back instead of y − t. */
    static final class SoftmaxWithoutLabels implements LossLayer {
        private final SoftmaxWithLoss right = new SoftmaxWithLoss();

        @Override
        public double forward(DMatrixRMaj x, int[] labels) {
            return right.forward(x, labels);
        }

        @Override
        public DMatrixRMaj backward(double dout) {
            DMatrixRMaj y = right.y();
            DMatrixRMaj dx = new DMatrixRMaj(y.numRows, y.numCols);
            for (int i = 0; i < dx.data.length; i++) {
                dx.data[i] = dout * y.data[i] / y.numRows; // the bug: y, not y − t
            }
            return dx;
        }
    }

    /** The engine's SoftmaxWithLoss, as a lab net's last layer. */
    static final class RightSoftmax implements LossLayer {
        private final SoftmaxWithLoss right = new SoftmaxWithLoss();

        @Override
        public double forward(DMatrixRMaj x, int[] labels) {
            return right.forward(x, labels);
        }

        @Override
        public DMatrixRMaj backward(double dout) {
            return right.backward(dout);
        }
    }

    /** Affine whose backward takes db from the first sample instead of summing over the batch. */
    static final class AffineDbFromOneSample implements Layer {
        private final String name;
        private final DMatrixRMaj weight;
        private final DMatrixRMaj bias;
        private DMatrixRMaj x;
        private DMatrixRMaj dW;
        private DMatrixRMaj db;

        AffineDbFromOneSample(String name, DMatrixRMaj weight, DMatrixRMaj bias) {
            this.name = name;
            this.weight = weight;
            this.bias = bias;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public DMatrixRMaj forward(DMatrixRMaj input) {
            x = input.copy();
            DMatrixRMaj out = new DMatrixRMaj(input.numRows, weight.numCols);
            CommonOps_DDRM.mult(input, weight, out);
            Matrices.addRowInPlace(out, bias);
            return out;
        }

        @Override
        public DMatrixRMaj backward(DMatrixRMaj dout) {
            if (x == null) {
                throw new EmptyCacheException(name, "x", "input x");
            }
            DMatrixRMaj dx = new DMatrixRMaj(dout.numRows, weight.numRows);
            CommonOps_DDRM.multTransB(dout, weight, dx);
            dW = new DMatrixRMaj(weight.numRows, weight.numCols);
            CommonOps_DDRM.multTransA(x, dout, dW);
            db = CommonOps_DDRM.extractRow(dout, 0, null); // the bug: dout[0], not the sum over axis 0
            return dx;
        }

        @Override
        public Map<String, DMatrixRMaj> cache() {
            return x == null ? Map.of() : Map.of("x", x.copy());
        }

        @Override
        public Map<String, DMatrixRMaj> gradients() {
            Map<String, DMatrixRMaj> out = new LinkedHashMap<>();
            if (dW != null) {
                out.put("dW", dW.copy());
                out.put("db", db.copy());
            }
            return out;
        }
    }

    /** ReLU whose backward lets the gradient through where x ≤ 0 and blocks it where x &gt; 0. */
    static final class ReluInvertedMask implements Layer {
        private final Relu right;
        private DMatrixRMaj mask;

        ReluInvertedMask(String name) {
            this.right = new Relu(name);
        }

        @Override
        public String name() {
            return right.name();
        }

        @Override
        public DMatrixRMaj forward(DMatrixRMaj x) {
            DMatrixRMaj out = right.forward(x);
            mask = right.mask();
            return out;
        }

        @Override
        public DMatrixRMaj backward(DMatrixRMaj dout) {
            if (mask == null) {
                throw new EmptyCacheException(name(), "mask", "mask (x <= 0)");
            }
            DMatrixRMaj dx = new DMatrixRMaj(dout.numRows, dout.numCols);
            for (int i = 0; i < dx.data.length; i++) {
                if (mask.data[i] == 1.0) { // the bug: passes where x <= 0 instead of where x > 0
                    dx.data[i] = dout.data[i];
                }
            }
            return dx;
        }

        @Override
        public Map<String, DMatrixRMaj> cache() {
            return right.cache();
        }
    }

    /** Sigmoid whose backward multiplies by y only, forgetting (1 − y). */
    static final class SigmoidWithoutOneMinusY implements Layer {
        private final Sigmoid right;
        private DMatrixRMaj out;

        SigmoidWithoutOneMinusY(String name) {
            this.right = new Sigmoid(name);
        }

        @Override
        public String name() {
            return right.name();
        }

        @Override
        public DMatrixRMaj forward(DMatrixRMaj x) {
            out = right.forward(x);
            return out.copy();
        }

        @Override
        public DMatrixRMaj backward(DMatrixRMaj dout) {
            if (out == null) {
                throw new EmptyCacheException(name(), "out", "output out");
            }
            DMatrixRMaj dx = new DMatrixRMaj(dout.numRows, dout.numCols);
            for (int i = 0; i < dx.data.length; i++) {
                dx.data[i] = dout.data[i] * out.data[i]; // the bug: (1 − out) is missing
            }
            return dx;
        }

        @Override
        public Map<String, DMatrixRMaj> cache() {
            return right.cache();
        }
    }
}
