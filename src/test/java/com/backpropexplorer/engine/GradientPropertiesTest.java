package com.backpropexplorer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import java.util.function.DoubleSupplier;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ejml.data.DMatrixRMaj;

/**
 * The law under all of chapter 5: for every shape, backpropagation gives the same gradient as
 * central differences (up to their O(h²) error). Checked for every layer on its own, with a random
 * upstream gradient G and the scalar L = Σ out ⊙ G (so ∂L/∂out = G), and for whole random nets.
 */
class GradientPropertiesTest {
    private static final double H = 1e-5;
    /** ReLU is not differentiable at 0: inputs closer than this to it are avoided. */
    private static final double KINK_MARGIN = 1e-3;

    private static DMatrixRMaj random(int rows, int cols, Random random) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = random.nextDouble() * 2 - 1;
        }
        return m;
    }

    private static double dot(DMatrixRMaj a, DMatrixRMaj b) {
        double sum = 0;
        for (int i = 0; i < a.data.length; i++) {
            sum += a.data[i] * b.data[i];
        }
        return sum;
    }

    private static void assertClose(DMatrixRMaj expected, DMatrixRMaj actual, String what) {
        assertEquals(expected.numRows, actual.numRows, what + " rows");
        assertEquals(expected.numCols, actual.numCols, what + " cols");
        for (int i = 0; i < expected.data.length; i++) {
            double e = expected.data[i];
            double a = actual.data[i];
            assertTrue(Math.abs(e - a) <= 1e-7 * Math.max(1, Math.abs(e)),
                    what + "[" + i + "]: numerical " + e + ", backprop " + a);
        }
    }

    /**
     * How far backprop may be from central differences of the book's loss. Backward's
     * {@code (y − t)/N} is the derivative of −log y, but the loss is −log(y + 1e−7): the guard
     * scales the true gradient by y/(y + 1e−7), a relative change of up to 1e−7/y for the smallest
     * true-class probability y. Add the central differences' own O(h²) error.
     */
    private static double guardTolerance(DMatrixRMaj y, int[] labels, DMatrixRMaj gradient) {
        double smallest = 1;
        for (int i = 0; i < labels.length; i++) {
            smallest = Math.min(smallest, y.get(i, labels[i]));
        }
        double scale = 1;
        for (double g : gradient.data) {
            scale = Math.max(scale, Math.abs(g));
        }
        return (1e-7 + 2 * SoftmaxWithLoss.LOG_GUARD / smallest) * scale;
    }

    private static DMatrixRMaj numerical(DoubleSupplier f, DMatrixRMaj p) {
        return NumericalGradient.of(f, p, H);
    }

    @Property(tries = 60)
    void affineBackwardIsItsDerivative(@ForAll @IntRange(min = 1, max = 4) int batch,
                                       @ForAll @IntRange(min = 1, max = 5) int in,
                                       @ForAll @IntRange(min = 1, max = 5) int out, @ForAll long seed) {
        Random random = new Random(seed);
        DMatrixRMaj w = random(in, out, random);
        DMatrixRMaj b = random(1, out, random);
        DMatrixRMaj x = random(batch, in, random);
        DMatrixRMaj g = random(batch, out, random);
        Affine affine = new Affine("Affine1", w, b);
        DoubleSupplier loss = () -> dot(affine.forward(x), g);

        affine.forward(x);
        DMatrixRMaj dx = affine.backward(g);
        assertClose(numerical(loss, x), dx, "dx");
        assertClose(numerical(loss, w), affine.dW(), "dW");
        assertClose(numerical(loss, b), affine.db(), "db");
    }

    @Property(tries = 60)
    void matMulBackwardIsItsDerivative(@ForAll @IntRange(min = 1, max = 4) int batch,
                                       @ForAll @IntRange(min = 1, max = 5) int in,
                                       @ForAll @IntRange(min = 1, max = 5) int out, @ForAll long seed) {
        Random random = new Random(seed);
        DMatrixRMaj w = random(in, out, random);
        DMatrixRMaj x = random(batch, in, random);
        DMatrixRMaj g = random(batch, out, random);
        MatMul matMul = new MatMul("MatMul", w);
        DoubleSupplier loss = () -> dot(matMul.forward(x), g);

        matMul.forward(x);
        DMatrixRMaj dx = matMul.backward(g);
        assertClose(numerical(loss, x), dx, "dx");
        assertClose(numerical(loss, w), matMul.dW(), "dW");
    }

    @Property(tries = 60)
    void reluBackwardIsItsDerivativeAwayFromZero(@ForAll @IntRange(min = 1, max = 4) int rows,
                                                 @ForAll @IntRange(min = 1, max = 5) int cols, @ForAll long seed) {
        Random random = new Random(seed);
        DMatrixRMaj x = random(rows, cols, random);
        for (int i = 0; i < x.data.length; i++) { // nudge off the kink, keeping the sign
            x.data[i] += Math.copySign(KINK_MARGIN, x.data[i]);
        }
        DMatrixRMaj g = random(rows, cols, random);
        Relu relu = new Relu("Relu1");
        DoubleSupplier loss = () -> dot(relu.forward(x), g);

        relu.forward(x);
        DMatrixRMaj dx = relu.backward(g); // before the numerical pass, which leaves a perturbed x in the cache
        assertClose(numerical(loss, x), dx, "dx");
    }

    @Property(tries = 60)
    void sigmoidBackwardIsItsDerivative(@ForAll @IntRange(min = 1, max = 4) int rows,
                                        @ForAll @IntRange(min = 1, max = 5) int cols, @ForAll long seed) {
        Random random = new Random(seed);
        DMatrixRMaj x = random(rows, cols, random);
        x.data[0] *= 5; // reach into the flat tails too
        DMatrixRMaj g = random(rows, cols, random);
        Sigmoid sigmoid = new Sigmoid("Sigmoid1");
        DoubleSupplier loss = () -> dot(sigmoid.forward(x), g);

        sigmoid.forward(x);
        DMatrixRMaj dx = sigmoid.backward(g); // before the numerical pass, which leaves a perturbed x in the cache
        assertClose(numerical(loss, x), dx, "dx");
    }

    @Property(tries = 60)
    void softmaxWithLossBackwardIsItsDerivative(@ForAll @IntRange(min = 1, max = 4) int batch,
                                                @ForAll @IntRange(min = 1, max = 5) int classes,
                                                @ForAll long seed) {
        Random random = new Random(seed);
        DMatrixRMaj x = random(batch, classes, random);
        x.data[0] *= 4;
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = random.nextInt(classes);
        }
        SoftmaxWithLoss layer = new SoftmaxWithLoss();
        DoubleSupplier loss = () -> layer.forward(x, labels);

        layer.forward(x, labels);
        DMatrixRMaj dx = layer.backward(1.0);
        double tolerance = guardTolerance(layer.y(), labels, dx);
        DMatrixRMaj numerical = numerical(loss, x);
        for (int i = 0; i < dx.data.length; i++) {
            assertEquals(numerical.data[i], dx.data[i], tolerance, "dx[" + i + "]");
        }
    }

    @Property(tries = 80)
    void twoLayerNetBackpropEqualsNumericalGradient(@ForAll @IntRange(min = 1, max = 5) int inputs,
                                                    @ForAll @IntRange(min = 1, max = 5) int hidden,
                                                    @ForAll @IntRange(min = 1, max = 5) int classes,
                                                    @ForAll @IntRange(min = 1, max = 4) int batch,
                                                    @ForAll Activation activation, @ForAll long seed) {
        Random random = new Random(seed);
        TwoLayerNet net = new TwoLayerNet(random(inputs, hidden, random), random(1, hidden, random),
                random(hidden, classes, random), random(1, classes, random), activation);
        DMatrixRMaj x = random(batch, inputs, random);
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = random.nextInt(classes);
        }
        if (activation == Activation.RELU) {
            // a perturbation of h must not carry a hidden unit across ReLU's kink
            DMatrixRMaj preActivation = net.layers().get("Affine1").forward(x);
            for (double a : preActivation.data) {
                Assume.that(Math.abs(a) > KINK_MARGIN);
            }
        }

        Map<String, DMatrixRMaj> backprop = net.gradient(x, labels);
        DMatrixRMaj y = net.lastLayer().y();
        for (String name : TwoLayerNet.PARAM_NAMES) {
            DMatrixRMaj numerical = numerical(() -> net.loss(x, labels), net.params().get(name));
            double tolerance = guardTolerance(y, labels, backprop.get(name));
            for (int i = 0; i < numerical.data.length; i++) {
                assertEquals(numerical.data[i], backprop.get(name).data[i], tolerance, name + "[" + i + "]");
            }
        }
    }
}
