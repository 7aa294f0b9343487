package com.backpropexplorer.explain;

import com.backpropexplorer.engine.NumericalGradient;
import com.backpropexplorer.engine.TwoLayerNet;
import com.backpropexplorer.explain.WeightProbe.Element;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.ejml.data.DMatrixRMaj;

/**
 * The book's numerical gradient (central differences, h = 1e−4, every element of W1, b1, W2,
 * b2) computed locally: a perturbation of W1[i][j] only changes hidden unit j, and only in the
 * rows where pixel i is inked, so each difference recomputes those rows' scores and losses
 * instead of a whole forward pass (see {@link BatchState}). Same numbers as
 * {@link TwoLayerNet#numericalGradient} up to rounding (tested); for 784-50-10 on 3 samples,
 * milliseconds instead of seconds.
 */
public final class LocalNumericalGradient {

    /** Told how far the computation is; may ask it to stop. */
    public interface Monitor {
        /** Nothing reported, never cancelled. */
        Monitor NONE = new Monitor() { };

        /** Called now and then with the number of elements done out of all of them. */
        default void progress(long done, long total) {
        }

        /** Checked now and then: true stops the computation with a CancellationException. */
        default boolean isCancelled() {
            return false;
        }
    }

    private LocalNumericalGradient() {
    }

    /** ∂L/∂p for every parameter of the net on the batch; the net is not touched. */
    public static Map<String, DMatrixRMaj> of(TwoLayerNet net, DMatrixRMaj x, int[] labels) {
        return of(net, x, labels, Monitor.NONE);
    }

    /**
     * @throws CancellationException when the monitor asks to stop
     */
    public static Map<String, DMatrixRMaj> of(TwoLayerNet net, DMatrixRMaj x, int[] labels, Monitor monitor) {
        TwoLayerNet copy = net.copy();
        BatchState state = new BatchState(copy, x, labels);
        long total = 0;
        for (String name : TwoLayerNet.PARAM_NAMES) {
            total += copy.params().get(name).getNumElements();
        }
        double h = NumericalGradient.H;
        long done = 0;
        Map<String, DMatrixRMaj> grads = new LinkedHashMap<>();
        for (String name : TwoLayerNet.PARAM_NAMES) {
            DMatrixRMaj p = copy.params().get(name);
            DMatrixRMaj g = new DMatrixRMaj(p.numRows, p.numCols);
            for (int r = 0; r < p.numRows; r++) {
                if (monitor.isCancelled()) {
                    throw new CancellationException("numerical gradient cancelled");
                }
                for (int c = 0; c < p.numCols; c++) {
                    Element e = new Element(name, r, c);
                    g.set(r, c, (state.change(e, h) - state.change(e, -h)) / (2 * h));
                }
                done += p.numCols;
                monitor.progress(done, total);
            }
            grads.put(name, g);
        }
        return grads;
    }
}
