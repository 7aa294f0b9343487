package com.backpropexplorer.ui.draw;

import java.util.Arrays;

/**
 * A square sheet of ink, 0 (paper) to 1 (full ink), and a soft round brush that draws on it
 * like a felt marker: each stroke segment is a capsule (every point within the brush radius of
 * the segment between two pointer positions), so fast movements still give a continuous line,
 * with a solid core and a smooth anti-aliased rim. Pure Java (no JavaFX), so what the canvas
 * shows, what the net reads and what the tests draw are the same numbers.
 *
 * <p>Not thread-safe: the FX thread owns the paper; readers get {@link #copyInk() copies}.
 */
final class Paper {
    /** The solid core's share of the radius; ink fades smoothly from there to one pixel past it. */
    private static final double CORE = 0.55;
    /** The eraser's radius relative to the brush radius. */
    static final double ERASER_SCALE = 1.5;
    /** Ink below this (about 5 of 255 grey levels) left by the eraser's rim is cleared. */
    private static final double FAINTEST = 0.02;

    private final int side;
    private final double[] ink;

    Paper(int side) {
        this.side = side;
        this.ink = new double[side * side];
    }

    int side() {
        return side;
    }

    /** The ink at pixel (x, y). */
    double inkAt(int x, int y) {
        return ink[y * side + x];
    }

    /** A copy of all the ink, row-major. */
    double[] copyInk() {
        return ink.clone();
    }

    boolean isBlank() {
        for (double v : ink) {
            if (v > 0) {
                return false;
            }
        }
        return true;
    }

    void clear() {
        Arrays.fill(ink, 0);
    }

    /** Replaces all the ink (a picture opened from a file), row-major side×side. */
    void setInk(double[] values) {
        if (values.length != ink.length) {
            throw new IllegalArgumentException(values.length + " values for a " + side + "×" + side + " paper");
        }
        System.arraycopy(values, 0, ink, 0, ink.length);
    }

    /**
     * Draws (or erases) one segment of a stroke from (x0, y0) to (x1, y1); a dot when the two
     * points are the same.
     *
     * @return the pixels that may have changed, or null if none did (the segment is off the paper)
     */
    Region stroke(double x0, double y0, double x1, double y1, double radius, boolean erase) {
        // the eraser is wider than the pen and hard up to its rim, so one pass over a line
        // takes all of it, soft rim included, instead of leaving a faint ghost
        double inner = erase ? radius * ERASER_SCALE - 1 : radius * CORE;
        double outer = erase ? radius * ERASER_SCALE + 1 : radius + 1;
        int left = Math.max(0, (int) Math.floor(Math.min(x0, x1) - outer));
        int top = Math.max(0, (int) Math.floor(Math.min(y0, y1) - outer));
        int right = Math.min(side - 1, (int) Math.ceil(Math.max(x0, x1) + outer));
        int bottom = Math.min(side - 1, (int) Math.ceil(Math.max(y0, y1) + outer));
        if (left > right || top > bottom) {
            return null;
        }
        double dx = x1 - x0;
        double dy = y1 - y0;
        double lengthSquared = dx * dx + dy * dy;
        for (int y = top; y <= bottom; y++) {
            double py = y + 0.5;
            for (int x = left; x <= right; x++) {
                double px = x + 0.5;
                // distance from the pixel centre to the nearest point of the segment
                double t = lengthSquared == 0 ? 0 : ((px - x0) * dx + (py - y0) * dy) / lengthSquared;
                t = Math.max(0, Math.min(1, t));
                double ex = px - (x0 + t * dx);
                double ey = py - (y0 + t * dy);
                double distance = Math.sqrt(ex * ex + ey * ey);
                if (distance >= outer) {
                    continue;
                }
                double coverage = distance <= inner ? 1 : 1 - smoothstep((distance - inner) / (outer - inner));
                int i = y * side + x;
                if (erase) {
                    double remaining = Math.min(ink[i], 1 - coverage);
                    // what is too faint to see is no ink: it would still count when cropping
                    ink[i] = remaining < FAINTEST ? 0 : remaining;
                } else {
                    ink[i] = Math.max(ink[i], coverage);
                }
            }
        }
        return new Region(left, top, right - left + 1, bottom - top + 1);
    }

    /**
     * Ink of any size fitted into a side×side paper, keeping the aspect ratio and centred, the
     * longer side filling {@code fill} of the paper: area-averaged when shrinking (no aliasing
     * of thin strokes), linearly interpolated when enlarging (no blocks).
     */
    static double[] fit(double[] source, int width, int height, int side, double fill) {
        double scale = fill * side / Math.max(width, height);
        int outWidth = Math.max(1, (int) Math.round(width * scale));
        int outHeight = Math.max(1, (int) Math.round(height * scale));
        double[] rows = new double[height * outWidth];
        double[] line = new double[Math.max(width, height)];
        for (int y = 0; y < height; y++) {
            System.arraycopy(source, y * width, line, 0, width);
            System.arraycopy(resample(line, width, outWidth), 0, rows, y * outWidth, outWidth);
        }
        double[] out = new double[side * side];
        int left = (side - outWidth) / 2;
        int top = (side - outHeight) / 2;
        for (int x = 0; x < outWidth; x++) {
            for (int y = 0; y < height; y++) {
                line[y] = rows[y * outWidth + x];
            }
            double[] column = resample(line, height, outHeight);
            for (int y = 0; y < outHeight; y++) {
                out[(top + y) * side + left + x] = Math.max(0, Math.min(1, column[y]));
            }
        }
        return out;
    }

    private static double[] resample(double[] in, int n, int outN) {
        double[] out = new double[outN];
        double step = (double) n / outN;
        for (int o = 0; o < outN; o++) {
            if (step > 1) {
                // the mean over the interval this output pixel covers
                double start = o * step;
                double end = start + step;
                double sum = 0;
                for (int i = (int) Math.floor(start); i < Math.min(n, Math.ceil(end)); i++) {
                    sum += (Math.min(end, i + 1) - Math.max(start, i)) * in[i];
                }
                out[o] = sum / step;
            } else {
                double at = (o + 0.5) * step - 0.5;
                int i = (int) Math.floor(at);
                double f = at - i;
                double a = in[Math.max(0, Math.min(n - 1, i))];
                double b = in[Math.max(0, Math.min(n - 1, i + 1))];
                out[o] = a + f * (b - a);
            }
        }
        return out;
    }

    private static double smoothstep(double t) {
        return t * t * (3 - 2 * t);
    }

    /** A rectangle of pixels. */
    record Region(int x, int y, int width, int height) {
        static Region all(int side) {
            return new Region(0, 0, side, side);
        }

        Region union(Region other) {
            if (other == null) {
                return this;
            }
            int left = Math.min(x, other.x);
            int top = Math.min(y, other.y);
            int right = Math.max(x + width, other.x + other.width);
            int bottom = Math.max(y + height, other.y + other.height);
            return new Region(left, top, right - left, bottom - top);
        }
    }
}
