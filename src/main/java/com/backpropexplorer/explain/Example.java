package com.backpropexplorer.explain;

import com.backpropexplorer.explain.text.Texts;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The lessons, by the id the command line and the sidebar use. What each lesson is (its graph,
 * stages, code and texts) is data built by {@link Lessons}.
 */
public enum Example {
    /** The book's simpleNet, §4.4.2, with the W the book prints. */
    SIMPLE("simple", false, true),
    /** A 2-3-2 TwoLayerNet on two samples, every number printable. */
    TINY("tiny", false, true),
    /** The book's 784-50-10 TwoLayerNet (ReLU, ch. 5) on real MNIST digits. */
    MNIST("mnist", true, true),
    /** §5.3–5.4: two apples at 100 each and a tax of 1.1, with MulLayer. */
    BUY_APPLE("buy-apple", false, false),
    /** §5.3–5.4: apples and oranges, MulLayer and AddLayer; two branches meet. */
    BUY_APPLE_ORANGE("buy-apple-orange", false, false),
    /** §5.5.2: Sigmoid taken apart into ×(−1), exp, +1 and /, or folded into one node. */
    SIGMOID("sigmoid", false, false),
    /** Chapter 4's TwoLayerNet (Sigmoid) on MNIST, with its numerical gradient. */
    CH4("ch4", true, true);

    private final String id;
    private final boolean needsMnist;
    private final boolean hasWeights;

    Example(String id, boolean needsMnist, boolean hasWeights) {
        this.id = id;
        this.needsMnist = needsMnist;
        this.hasWeights = hasWeights;
    }

    /** Whether the lesson is a net with weights the learner can move (the shopping graphs have none). */
    public boolean hasWeights() {
        return hasWeights;
    }

    /** "simple", "tiny", "buy-apple" …, as on the command line. */
    public String id() {
        return id;
    }

    /** Whether the lesson runs on MNIST digits (and so needs the data folder). */
    public boolean needsMnist() {
        return needsMnist;
    }

    /** Its name in a list of lessons (the sidebar), in that language. */
    public String navLabel(Locale locale) {
        return Texts.text(locale, "lesson." + id + ".nav");
    }

    /** Its title, in that language. */
    public String title(Locale locale) {
        return Texts.text(locale, "lesson." + id + ".title");
    }

    /** Every id, comma-separated, for messages. */
    public static String ids() {
        return Arrays.stream(values()).map(Example::id).collect(Collectors.joining(", "));
    }

    public static Example parse(String text) {
        for (Example e : values()) {
            if (e.id().equalsIgnoreCase(text.trim())) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown example '" + text + "': use one of " + ids());
    }
}
