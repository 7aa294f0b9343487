package com.backpropexplorer.ui.weights;

import com.backpropexplorer.ui.Numbers;
import java.util.Locale;
import java.util.regex.Pattern;

/** How the weights panel prints numbers and reads what the learner types. */
public final class WeightsText {
    /** A plain decimal number: 0.25, -1.5e-2, .5 (no NaN, Infinity, hex or trailing letters). */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private WeightsText() {
    }

    /** Four decimals, or "∞", "−∞", "NaN" for what is not a number. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        return Numbers.precise(v);
    }

    /** Small differences: 3.1e-10. */
    public static String scientific(double v) {
        if (!Double.isFinite(v)) {
            return number(v);
        }
        return String.format(Locale.ROOT, "%.2e", v);
    }

    /** A short number for an axis end: 3 significant digits. */
    static String tick(double v) {
        if (!Double.isFinite(v)) {
            return number(v);
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e5)) {
            return String.format(Locale.ROOT, "%.2e", v);
        }
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.3f", v);
    }

    /** A range end or learning rate as the learner would type it: 0.1, -2.5, 1e-05. */
    public static String plain(double v) {
        if (!Double.isFinite(v)) {
            return number(v);
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-4 || a >= 1e7)) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        String s = String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** What the learner typed, as a number; accepts the Unicode minus and a full-width one. */
    public static double parse(String text) throws NumberFormatException {
        String s = text == null ? "" : text.trim().replace('−', '-').replace('－', '-').replace('＋', '+');
        if (!DECIMAL.matcher(s).matches()) {
            throw new NumberFormatException(text);
        }
        return Double.parseDouble(s);
    }
}
