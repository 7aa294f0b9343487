package com.backpropexplorer.explain.bugs;

import com.backpropexplorer.engine.TwoLayerNet;
import com.backpropexplorer.explain.Gradcheck;
import com.backpropexplorer.explain.GradcheckResult;
import com.backpropexplorer.explain.LocalNumericalGradient;
import org.ejml.data.DMatrixRMaj;

/**
 * The bug lab's check: the gradient check with a bug planted in a copy of the net. The
 * learner reads the per-parameter differences and the heatmaps of relative errors
 * ({@link GradcheckResult}), guesses the layer, then asks for the reveal
 * ({@link PlantedBug#reveal}).
 */
public final class BugLab {
    /** A mean |backprop − numerical| above this in some parameter: the bug is caught. */
    public static final double CAUGHT = 1e-4;

    private BugLab() {
    }

    /** The book's freshly initialised 784-50-10 net (weight_init_std 0.01) with the activation the bug lives in. */
    public static TwoLayerNet netFor(PlantedBug bug, long seed) {
        return new TwoLayerNet(784, 50, 10, 0.01, bug.net(), seed);
    }

    /**
     * Backprop with the bug against the numerical gradient on the batch (the net is not touched).
     *
     * @throws IllegalArgumentException when the net's activation is not the bug's
     * @throws java.util.concurrent.CancellationException when the monitor asks to stop
     */
    public static GradcheckResult check(PlantedBug bug, TwoLayerNet net, DMatrixRMaj x, int[] labels,
                                        Gradcheck.Method how, LocalNumericalGradient.Monitor monitor) {
        if (net.activation() != bug.net()) {
            bug.gradient(net, x, labels); // throws the sentence that says which net the bug needs
        }
        return Gradcheck.run(net, x, labels, how, Gradcheck.describe(net, x) + ", " + bug.id(), monitor,
                bug::gradient);
    }

    /** Whether the check caught a bug: some parameter's mean |difference| is above {@link #CAUGHT}. */
    public static boolean caught(GradcheckResult result) {
        return result.meanAbsDiff().values().stream().anyMatch(d -> d > CAUGHT);
    }
}
