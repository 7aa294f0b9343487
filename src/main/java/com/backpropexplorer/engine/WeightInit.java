package com.backpropexplorer.engine;

import java.util.Locale;

/**
 * How the initial weights of an Affine layer are spread (book §6.2): Gaussian with mean 0 and
 * a standard deviation that is either a fixed number (the book's {@code weight_init_std}, 0.01
 * in ch. 5) or follows from n, the number of nodes in the layer before (§6.2.2):
 * Xavier's {@code 1/√n}, suited to sigmoid and tanh, and He's {@code √(2/n)}, suited to ReLU.
 * For 784-50-10 that is 0.0357 and 0.141 for W1, 0.141 and 0.2 for W2. Biases start at zero.
 *
 * @param kind fixed, Xavier or He
 * @param fixedStd the standard deviation of a {@link Kind#FIXED} init (unused otherwise)
 */
public record WeightInit(Kind kind, double fixedStd) {
    /** The three choices of §6.2. */
    public enum Kind {
        FIXED,
        XAVIER,
        HE
    }

    /** Xavier (Glorot): std {@code 1/√n}. */
    public static final WeightInit XAVIER = new WeightInit(Kind.XAVIER, 0);
    /** He: std {@code √(2/n)}. */
    public static final WeightInit HE = new WeightInit(Kind.HE, 0);

    public WeightInit {
        if (kind == null) {
            throw new IllegalArgumentException("choose a weight initialisation");
        }
        if (kind == Kind.FIXED && (!(fixedStd >= 0) || Double.isInfinite(fixedStd))) {
            throw new IllegalArgumentException("weight_init_std must be zero or positive, not " + fixedStd);
        }
        if (kind != Kind.FIXED) {
            fixedStd = 0;
        }
    }

    /** A fixed standard deviation, e.g. the book's 0.01. */
    public static WeightInit fixed(double std) {
        return new WeightInit(Kind.FIXED, std);
    }

    /** The standard deviation for a weight matrix fed by {@code fanIn} nodes. */
    public double std(int fanIn) {
        if (fanIn < 1) {
            throw new IllegalArgumentException("a layer needs at least one input node, not " + fanIn);
        }
        return switch (kind) {
            case FIXED -> fixedStd;
            case XAVIER -> 1 / Math.sqrt(fanIn);
            case HE -> Math.sqrt(2.0 / fanIn);
        };
    }

    /** "xavier", "he" or the number, as {@link #parse} reads it back. */
    public String id() {
        return switch (kind) {
            case FIXED -> stripZeros(fixedStd);
            case XAVIER -> "xavier";
            case HE -> "he";
        };
    }

    /**
     * Reads "xavier", "he" (either case) or a number zero or above, like "0.01".
     *
     * @throws IllegalArgumentException with a sentence naming the three choices
     */
    public static WeightInit parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.equalsIgnoreCase("xavier")) {
            return XAVIER;
        }
        if (t.equalsIgnoreCase("he")) {
            return HE;
        }
        if (t.matches("[+]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            double v = Double.parseDouble(t);
            if (Double.isFinite(v)) {
                return fixed(v);
            }
        }
        throw new IllegalArgumentException("unknown weight initialisation '" + t
                + "': use xavier, he or a standard deviation such as 0.01");
    }

    private static String stripZeros(double v) {
        String s = Double.toString(v);
        if (s.contains("E")) {
            return s.toLowerCase(Locale.ROOT);
        }
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    @Override
    public String toString() {
        return id();
    }
}
