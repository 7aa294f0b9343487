package com.backpropexplorer.engine;

import org.ejml.data.DMatrixRMaj;
import org.ejml.simple.SimpleMatrix;

/**
 * The book's {@code simpleNet} (§4.4.2, p. 111): one weight matrix W (2×3), {@code predict = x·W},
 * {@code loss = cross_entropy_error(softmax(x·W), t)}.
 */
public final class SimpleNet {
    /**
     * The W the book prints in §4.4.2 (p. 111). With it the book prints predict(x) =
     * [1.05414809, 0.63071653, 1.1328074] and loss 0.92806853663411326; this net, with the
     * 1e−7 inside the log, gives 0.9280682857864075 (the book's figure is the loss without it).
     */
    public static final double[][] BOOK_W = {
        {0.47355232, 0.9977393, 0.84668094},
        {0.85557411, 0.03563661, 0.69422093},
    };
    /** The book's input x. */
    public static final double[] BOOK_X = {0.6, 0.9};
    /** The book's label t (one-hot: class 2). */
    public static final double[] BOOK_T = {0, 0, 1};

    private final DMatrixRMaj weight;
    private final MatMul matMul;
    private final SoftmaxWithLoss lastLayer = new SoftmaxWithLoss();

    /** The book's net, with the W it prints. */
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
