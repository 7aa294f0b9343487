package com.backpropexplorer.explain;

import com.backpropexplorer.engine.TwoLayerNet;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import org.ejml.data.DMatrixRMaj;

/**
 * The book's point in numbers (§4.5 against §5.7): chapter 4's numerical gradient, the book's
 * loop with one whole forward pass per nudge, against backpropagation, on the same net and the
 * same batch. The loop reports its progress and can be cancelled (on 784-50-10 it takes
 * seconds, backprop a millisecond).
 */
public final class GradientTiming {
    /** How many times backprop is timed; the median is reported. */
    static final int BACKPROP_RUNS = 7;

    /**
     * @param numericalNanos the book's loop over every element of W1, b1, W2, b2
     * @param backpropNanos one backprop (forward and backward), the median of several
     * @param elements how many parameters were nudged
     * @param forwardPasses how many whole forward passes the loop ran (two per element)
     * @param check the two gradients compared, as the gradient check reports them
     */
    public record Result(long numericalNanos, long backpropNanos, long elements, long forwardPasses,
                         GradcheckResult check) {
        /** How many times longer the numerical gradient took. */
        public double ratio() {
            return (double) numericalNanos / Math.max(1, backpropNanos);
        }
    }

    private GradientTiming() {
    }

    /**
     * Times both on the net and batch (the net is not touched).
     *
     * @throws CancellationException when the monitor asks to stop
     */
    public static Result run(TwoLayerNet net, DMatrixRMaj x, int[] labels, LocalNumericalGradient.Monitor monitor) {
        GradcheckResult check = Gradcheck.run(net, x, labels, Gradcheck.Method.BOOK, Gradcheck.describe(net, x),
                monitor);
        return besides(check, net, x, labels);
    }

    /** Backprop timed beside a gradient check that ran the book's loop on the same net and batch. */
    public static Result besides(GradcheckResult check, TwoLayerNet net, DMatrixRMaj x, int[] labels) {
        if (check.method() != Gradcheck.Method.BOOK) {
            throw new IllegalArgumentException("the timing compares the book's loop, not the local numerical gradient");
        }
        TwoLayerNet copy = net.copy();
        long[] nanos = new long[BACKPROP_RUNS];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            copy.gradient(x, labels);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        long elements = 0;
        for (String name : TwoLayerNet.PARAM_NAMES) {
            elements += net.params().get(name).getNumElements();
        }
        return new Result(check.nanos(), nanos[nanos.length / 2], elements, 2 * elements, check);
    }

    /** The same on a TwoLayerNet lesson's net and batch (ch4, mnist, tiny). */
    public static Result run(Lesson lesson, LocalNumericalGradient.Monitor monitor) {
        if (!(lesson.pass() instanceof TwoLayerPass pass)) {
            throw new IllegalArgumentException(lesson.id() + " has no TwoLayerNet to time");
        }
        return run(pass.net(), pass.rows(), pass.rowLabels(), monitor);
    }
}
