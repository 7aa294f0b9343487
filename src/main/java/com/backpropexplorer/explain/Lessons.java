package com.backpropexplorer.explain;

import com.backpropexplorer.engine.TwoLayerNet;
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

    /** A lesson of any TwoLayerNet, under the example that fits its activation (mnist or ch4 for 784 inputs). */
    public static Lesson twoLayer(Example example, TwoLayerNet net, DMatrixRMaj x, int[] labels, String batch) {
        return switch (example) {
            case TINY, MNIST -> new Lesson(example, new TwoLayerPass(net, x, labels, -1, batch, List.of()));
            default -> throw new IllegalArgumentException(example.id() + " is not a TwoLayerNet lesson");
        };
    }

    /** "N = 3, #0–#2": digits first … first + n − 1 of a set. */
    public static String digits(int first, int n) {
        return "N = " + n + ", #" + first + "–#" + (first + n - 1);
    }
}
