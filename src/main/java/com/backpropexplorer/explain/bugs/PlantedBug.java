package com.backpropexplorer.explain.bugs;

import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.TwoLayerNet;
import com.backpropexplorer.explain.text.Texts;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.ejml.data.DMatrixRMaj;

/**
 * The bug lab's classic mistakes, each a really wrong backward (see {@link BuggyLayers}), under
 * a neutral name so that guessing the faulty layer stays a guess. Only {@link #layerClass()},
 * {@link #wrongLine()}, {@link #rightLine()} and {@link #reveal(Locale)} tell what it is.
 */
public enum PlantedBug {
    /** Affine.backward: db from the first sample instead of the sum over the batch. */
    BUG_A("Affine", Activation.RELU, "self.db = dout[0]", "self.db = np.sum(dout, axis=0)"),
    /** Relu.backward: the mask inverted, the gradient passes where x ≤ 0. */
    BUG_B("Relu", Activation.RELU, "dx = np.where(self.mask, dout, 0)", "dx = np.where(self.mask, 0, dout)"),
    /** SoftmaxWithLoss.backward: no division by the batch size. */
    BUG_C("SoftmaxWithLoss", Activation.RELU, "dx = dout * (self.y - self.t)",
            "dx = dout * (self.y - self.t) / batch_size"),
    /** Sigmoid.backward: (1 − y) forgotten; planted in a Sigmoid net. */
    BUG_D("Sigmoid", Activation.SIGMOID, "dx = dout * self.out", "dx = dout * (1.0 - self.out) * self.out"),
    /** SoftmaxWithLoss.backward: y instead of y − t. */
    BUG_E("SoftmaxWithLoss", Activation.RELU, "dx = dout * self.y / batch_size",
            "dx = dout * (self.y - self.t) / batch_size");

    private final String layerClass;
    private final Activation net;
    private final String wrongLine;
    private final String rightLine;

    PlantedBug(String layerClass, Activation net, String wrongLine, String rightLine) {
        this.layerClass = layerClass;
        this.net = net;
        this.wrongLine = wrongLine;
        this.rightLine = rightLine;
    }

    /** The neutral name: bug-a, bug-b … */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** "bug A": how the window names it before the reveal. */
    public String label(Locale locale) {
        return Texts.text(locale, "bug.label", name().substring(4));
    }

    /** The net it is planted in: ReLU, or Sigmoid for a Sigmoid bug. */
    public Activation net() {
        return net;
    }

    /** The layer class with the bug (the reveal). */
    public String layerClass() {
        return layerClass;
    }

    /** The method with the bug: always backward (forward is right, so the numerical gradient is too). */
    public String method() {
        return layerClass + ".backward";
    }

    /** The wrong line, as the listing would have it (the reveal). */
    public String wrongLine() {
        return wrongLine;
    }

    /** The right line of our listing, for the side-by-side. */
    public String rightLine() {
        return rightLine;
    }

    /** What the mistake does, in that language (the reveal). */
    public String reveal(Locale locale) {
        return Texts.text(locale, "bug." + id() + ".reveal");
    }

    /**
     * Backprop with this bug planted in a copy of the net: forward as usual, the buggy backward.
     *
     * @throws IllegalArgumentException when the net's activation is not the one the bug lives in
     */
    public Map<String, DMatrixRMaj> gradient(TwoLayerNet net, DMatrixRMaj x, int[] labels) {
        if (net.activation() != this.net) {
            throw new IllegalArgumentException(id() + " is planted in a " + this.net.name().toLowerCase(Locale.ROOT)
                    + " net, not a " + net.activation().name().toLowerCase(Locale.ROOT) + " one");
        }
        return new LabNet(net, this).gradient(x, labels);
    }

    /** Every neutral name, comma-separated, for messages. */
    public static String ids() {
        return Arrays.stream(values()).map(PlantedBug::id).collect(Collectors.joining(", "));
    }

    /** The bug of a neutral name ("bug-a", "bug-A", "a"). */
    public static PlantedBug parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (PlantedBug b : values()) {
            if (b.id().equals(t) || b.id().equals("bug-" + t)) {
                return b;
            }
        }
        throw new IllegalArgumentException("no planted bug '" + text + "': use one of " + ids());
    }
}
