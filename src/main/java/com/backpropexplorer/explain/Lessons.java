package com.backpropexplorer.explain;

import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.TwoLayerNet;
import com.backpropexplorer.explain.code.Listing;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Builds every lesson. The ones that need no data are ready to run; the MNIST ones take the
 * net and the digits (from the data folder, a trained net, a drawing).
 */
public final class Lessons {
    /** How many test digits the MNIST lessons put through the net by default. */
    public static final int MNIST_BATCH = 3;

    private Lessons() {
    }

    /** The book's simpleNet (§4.4.2, p. 111) with the W, x and t it prints. */
    public static Lesson simple() {
        return new Lesson(Example.SIMPLE, SimplePass.book());
    }

    /** The tiny 2-3-2 TwoLayerNet on two samples, from the default seed. */
    public static Lesson tiny() {
        return tiny(Tracer.TINY_SEED);
    }

    /** The tiny 2-3-2 TwoLayerNet on two samples; its weights and inputs come from the seed. */
    public static Lesson tiny(long seed) {
        Tracer.TinyLesson tiny = Tracer.TinyLesson.of(seed);
        return new Lesson(Example.TINY, new TwoLayerPass(tiny.net(), tiny.x(), tiny.labels(), -1,
                "N = " + tiny.x().numRows + ", seed " + seed, List.of()));
    }

    /**
     * The ch. 5 TwoLayerNet (ReLU) on MNIST digits.
     *
     * @param batch which digits, e.g. "N = 3, #0–#2" (the net's sizes are put in front)
     */
    public static Lesson mnist(TwoLayerNet net, DMatrixRMaj x, int[] labels, String batch) {
        return new Lesson(Example.MNIST, new TwoLayerPass(net, x, labels, -1, batch, List.of()));
    }

    /**
     * Chapter 4's TwoLayerNet: Sigmoid in the hidden layer, on MNIST digits, with the book's
     * {@code numerical_gradient} in its code.
     *
     * @throws IllegalArgumentException if the net's activation is not Sigmoid
     */
    public static Lesson ch4(TwoLayerNet net, DMatrixRMaj x, int[] labels, String batch) {
        if (net.activation() != Activation.SIGMOID) {
            throw new IllegalArgumentException("chapter 4's net uses Sigmoid, not " + net.activation());
        }
        return new Lesson(Example.CH4, new TwoLayerPass(net, x, labels, -1, batch,
                List.of(Listing.Part.of("gradient.py"))));
    }

    /** §5.3–5.4: apple 100 × 2, tax 1.1 → 220, on the book's MulLayer. */
    public static Lesson buyApple() {
        return new Lesson(Example.BUY_APPLE, ShoppingPass.book(ShoppingPass.Variant.APPLE));
    }

    /** §5.3–5.4: apple 100 × 2, orange 150 × 3, added, tax 1.1 → 715: MulLayer and AddLayer. */
    public static Lesson buyAppleOrange() {
        return new Lesson(Example.BUY_APPLE_ORANGE, ShoppingPass.book(ShoppingPass.Variant.APPLE_ORANGE));
    }

    /** The x of the Sigmoid lesson at the start. */
    public static final double SIGMOID_X = 0.5;

    /** §5.5.2: Sigmoid at x = 0.5 taken apart into ×(−1), exp, +1 and /, with dout = 1 coming back. */
    public static Lesson sigmoid() {
        return new Lesson(Example.SIGMOID, new SigmoidPass(SIGMOID_X, 1.0, false));
    }

    /** The lessons that need no data, by example (the others need MNIST). */
    public static Lesson withoutData(Example example) {
        return switch (example) {
            case SIMPLE -> simple();
            case TINY -> tiny();
            case BUY_APPLE -> buyApple();
            case BUY_APPLE_ORANGE -> buyAppleOrange();
            case SIGMOID -> sigmoid();
            case MNIST, CH4 -> throw new IllegalArgumentException(example.id() + " runs on MNIST digits");
        };
    }

    /** A lesson of any TwoLayerNet, under the example that fits its activation (mnist or ch4 for 784 inputs). */
    public static Lesson twoLayer(Example example, TwoLayerNet net, DMatrixRMaj x, int[] labels, String batch) {
        return switch (example) {
            case CH4 -> ch4(net, x, labels, batch);
            case TINY, MNIST -> new Lesson(example, new TwoLayerPass(net, x, labels, -1, batch, List.of()));
            default -> throw new IllegalArgumentException(example.id() + " is not a TwoLayerNet lesson");
        };
    }

    /** The book's 784-50-10 net, freshly initialised (weight_init_std = 0.01) from a seed. */
    public static TwoLayerNet bookNet(Activation activation, long seed) {
        return new TwoLayerNet(784, 50, 10, 0.01, activation, seed);
    }

    /** "N = 3, #0–#2": digits first … first + n − 1 of a set. */
    public static String digits(int first, int n) {
        return "N = " + n + ", #" + first + "–#" + (first + n - 1);
    }
}
