package com.backpropexplorer.explain;

import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.GradientCheck;
import com.backpropexplorer.engine.NumericalGradient;
import com.backpropexplorer.engine.TwoLayerNet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.ejml.data.DMatrixRMaj;

/**
 * The gradient check the app and the {@code gradcheck} command run: the book's
 * {@code gradient_check.py} (§5.7.3, {@link GradientCheck}: the mean |backprop − numerical| of
 * each parameter), with the numerical gradient computed locally or by the book's loop, the
 * relative error of every element, and a count of the places where ReLU's kink makes the two
 * disagree for good reason. Reports progress and can be cancelled.
 */
public final class Gradcheck {
    /** Which numerical gradient: the local one (one hidden unit per element) or the book's loop. */
    public enum Method { LOCAL, BOOK }

    /** Relative error's floor in the denominator, so two gradients that are both ~0 do not count. */
    public static final double EPSILON = 1e-8;

    private Gradcheck() {
    }

    /**
     * Backprop against the numerical gradient on the batch; the net is not touched.
     *
     * @param description what was checked, e.g. "784-50-10, N = 3", kept in the result
     * @throws CancellationException when the monitor asks to stop
     */
    public static GradcheckResult run(TwoLayerNet net, DMatrixRMaj x, int[] labels, Method how, String description,
                                      LocalNumericalGradient.Monitor monitor) {
        return run(net, x, labels, how, description, monitor, (n, xs, ls) -> n.copy().gradient(xs, ls));
    }

    /** Where the gradient under test comes from: the net's own backprop, or one with a planted bug. */
    @FunctionalInterface
    public interface Backprop {
        /** dL/dp for W1, b1, W2, b2 on the batch; must leave the net as it was. */
        Map<String, DMatrixRMaj> gradient(TwoLayerNet net, DMatrixRMaj x, int[] labels);
    }

    /**
     * The same check with another backprop under test (the bug lab plants a wrong backward in a
     * copy of the net; the numerical gradient only needs forward, which stays right).
     */
    public static GradcheckResult run(TwoLayerNet net, DMatrixRMaj x, int[] labels, Method how, String description,
                                      LocalNumericalGradient.Monitor monitor, Backprop backpropUnderTest) {
        long start = System.nanoTime();
        Map<String, DMatrixRMaj> numerical = how == Method.LOCAL ? LocalNumericalGradient.of(net, x, labels, monitor)
                : bookNumericalGradient(net.copy(), x, labels, monitor);
        long nanos = System.nanoTime() - start;
        Map<String, DMatrixRMaj> backprop = backpropUnderTest.gradient(net, x, labels);
        GradientCheck.Result compared = GradientCheck.compare(backprop, numerical);
        Map<String, Double> maxRelative = new LinkedHashMap<>();
        Map<String, Tensor> relative = new LinkedHashMap<>();
        Map<String, Tensor> backpropT = new LinkedHashMap<>();
        Map<String, Tensor> numericalT = new LinkedHashMap<>();
        for (String name : TwoLayerNet.PARAM_NAMES) {
            DMatrixRMaj a = backprop.get(name);
            DMatrixRMaj b = numerical.get(name);
            DMatrixRMaj rel = new DMatrixRMaj(a.numRows, a.numCols);
            double max = 0;
            for (int i = 0; i < a.data.length; i++) {
                rel.data[i] = relativeError(a.data[i], b.data[i]);
                max = Math.max(max, rel.data[i]);
            }
            maxRelative.put(name, max);
            if (name.startsWith("W")) {
                relative.put(name, Tensor.of(name, rel));
            }
            backpropT.put(name, Tensor.of(name, a));
            numericalT.put(name, Tensor.of(name, b));
        }
        return new GradcheckResult(description, how, compared.meanAbsDiff(), maxRelative, relative, backpropT,
                numericalT, nanos, kinks(net, x));
    }

    /** "784-50-10, N = 3": the net's shape and the batch size. */
    public static String describe(TwoLayerNet net, DMatrixRMaj x) {
        return net.inputSize() + "-" + net.hiddenSize() + "-" + net.outputSize() + ", N = " + x.numRows;
    }

    /**
     * Hidden inputs a1 = x·W1 + b1 (Affine1's output) within h of 0, where a central difference
     * straddles ReLU's kink and sees half a slope (sigmoid has no kink: 0).
     */
    static int kinks(TwoLayerNet net, DMatrixRMaj x) {
        if (net.activation() != Activation.RELU) {
            return 0;
        }
        DMatrixRMaj a1 = net.copy().layers().get("Affine1").forward(x);
        int count = 0;
        for (double a : a1.data) {
            if (Math.abs(a) < NumericalGradient.H) {
                count++;
            }
        }
        return count;
    }

    /** |a − b| / max(|a|, |b|, ε). */
    public static double relativeError(double a, double b) {
        return Math.abs(a - b) / Math.max(EPSILON, Math.max(Math.abs(a), Math.abs(b)));
    }

    /**
     * The book's loop: each element moved by ±h and the whole loss recomputed, element by
     * element; kept to show what the local version saves.
     */
    private static Map<String, DMatrixRMaj> bookNumericalGradient(TwoLayerNet net, DMatrixRMaj x, int[] labels,
                                                                  LocalNumericalGradient.Monitor monitor) {
        long total = 0;
        for (String name : TwoLayerNet.PARAM_NAMES) {
            total += net.params().get(name).getNumElements();
        }
        long done = 0;
        Map<String, DMatrixRMaj> grads = new LinkedHashMap<>();
        for (String name : TwoLayerNet.PARAM_NAMES) {
            DMatrixRMaj p = net.params().get(name);
            DMatrixRMaj g = new DMatrixRMaj(p.numRows, p.numCols);
            for (int i = 0; i < p.data.length; i++) {
                if (i % p.numCols == 0) {
                    if (monitor.isCancelled()) {
                        throw new CancellationException("numerical gradient cancelled");
                    }
                    monitor.progress(done, total);
                }
                g.data[i] = NumericalGradient.centralDifference(() -> net.loss(x, labels), p, i, NumericalGradient.H);
                done++;
            }
            grads.put(name, g);
        }
        monitor.progress(total, total);
        return grads;
    }
}
