package com.backpropexplorer.engine;

import org.ejml.data.DMatrixRMaj;
import org.ejml.simple.SimpleMatrix;

/**
 * The book's {@code simpleNet} (§4.4.2): one weight matrix W (2×3), {@code predict = x·W},
 * {@code loss = cross_entropy_error(softmax(x·W), t)}.
 */
public final class SimpleNet {
    /** The W the book prints in §4.4.2, so every number matches the page. */
    public static final double[][] BOOK_W = {
        {-0.78425015, 1.35311457, 0.17493891},
        {-0.44785118, -0.55581795, 0.26695799},
    };
    /** The book's input x. */
    public static final double[] BOOK_X = {0.6, 0.9};
    /** The book's label t (one-hot: class 2). */
    public static final double[] BOOK_T = {0, 0, 1};

    private final DMatrixRMaj weight;
    private final MatMul matMul;
    private final SoftmaxWithLoss lastLayer = new SoftmaxWithLoss();

    /** The book's net, with its printed W. */
    public SimpleNet() {
        this(new DMatrixRMaj(BOOK_W));
    }

    /** A net with the given W (shared, so a numerical gradient can perturb it). */
    public SimpleNet(DMatrixRMaj weight) {
        this.weight = weight;
        this.matMul = new MatMul("MatMul", weight);
    }

    /** The live W. */
    public DMatrixRMaj weight() {
        return weight;
    }

    /** x·W. */
    public DMatrixRMaj predict(DMatrixRMaj x) {
        return SimpleMatrix.wrap(x).mult(SimpleMatrix.wrap(weight)).getDDRM(); // np.dot(x, self.W)
    }

    /** cross_entropy_error(softmax(x·W), t). */
    public double loss(DMatrixRMaj x, DMatrixRMaj t) {
        DMatrixRMaj y = SoftmaxWithLoss.softmax(predict(x));
        return SoftmaxWithLoss.crossEntropyError(y, t);
    }

    /** The x·W layer, whose caches and dW the explainer shows. */
    public MatMul matMul() {
        return matMul;
    }

    public SoftmaxWithLoss lastLayer() {
        return lastLayer;
    }

    /** ∂L/∂W by backpropagation: forward through MatMul and SoftmaxWithLoss, then backward. */
    public DMatrixRMaj gradient(DMatrixRMaj x, DMatrixRMaj t) {
        lastLayer.forward(matMul.forward(x), t);
        matMul.backward(lastLayer.backward(1.0));
        return matMul.dW();
    }

    /** ∂L/∂W by central differences, as the book computes it in §4.4.2. */
    public DMatrixRMaj numericalGradient(DMatrixRMaj x, DMatrixRMaj t) {
        return NumericalGradient.of(() -> loss(x, t), weight);
    }
}
