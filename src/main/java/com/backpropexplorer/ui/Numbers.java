package com.backpropexplorer.ui;

import java.util.Locale;

/**
 * How numbers are printed: few digits where space is tight (on the graph), more in the
 * inspector, and in full on hover. Always with a decimal point, whatever the OS locale, so a
 * number on screen reads like the book's NumPy output.
 */
public final class Numbers {
    private Numbers() {
    }

    /**
     * On the graph: two decimals, or as many as it takes to show two significant digits of a
     * small value (0.0016, not 0.00), switching to 1.6e-05 below a thousandth.
     */
    public static String compact(double v) {
        double a = Math.abs(v);
        if (a == 0 || a >= 0.095) {
            return format(v, 2);
        }
        if (a >= 0.0095) {
            return format(v, 3);
        }
        if (a >= 0.00095) {
            return format(v, 4);
        }
        return format(v, 3);
    }

    /** Four decimals: in the inspector. */
    public static String precise(double v) {
        return format(v, 4);
    }

    /**
     * A number with at most four significant digits, written without the noise of binary
     * floating point: 100 × 2 × 1.1 = 220.00000000000003 is "220", 2.2000000000000006 is "2.2",
     * as the book's prices are read; null for any other number (0.6224593…).
     */
    public static String plain(double v) {
        if (!Double.isFinite(v) || Math.abs(v) >= 1e7 || (v != 0 && Math.abs(v) < 1e-3)) {
            return null;
        }
        java.math.BigDecimal rounded = new java.math.BigDecimal(v).round(new java.math.MathContext(4));
        if (Math.abs(rounded.doubleValue() - v) > 1e-12 * Math.max(1, Math.abs(v))) {
            return null;
        }
        String s = rounded.stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /** Every digit a double has, for tooltips. */
    public static String full(double v) {
        return Double.toString(v);
    }

    private static String format(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v != 0 && Math.abs(v) < 0.5 * Math.pow(10, -decimals)) {
            // too small to show at this precision, yet not zero: say so instead of "0.00"
            return String.format(Locale.ROOT, "%." + Math.max(1, decimals - 2) + "e", v);
        }
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return s.startsWith("-") && Double.parseDouble(s) == 0 ? s.substring(1) : s;
    }
}
