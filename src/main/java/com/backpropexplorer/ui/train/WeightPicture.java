package com.backpropexplorer.ui.train;

import javafx.scene.paint.Color;
import org.ejml.data.DMatrixRMaj;

/**
 * The columns of W1 as 28×28 tiles in one picture, each pixel the sign and the strength of a
 * weight, for {@link #argb} to colour with the explainer's heatmap colours (the forward colour
 * for positive weights, grey for negative, opacity by |w| on one scale shared by every tile),
 * so zero is the page background in either theme. Built on the training thread: the FX thread
 * only looks the colours up (they live in the CSS) and copies the pixels.
 *
 * @param levels width×height pixels, row by row: 0 between tiles, 1 + level for a weight ≥ 0
 *     and −1 − level for a negative one, where the level is 0 to 255 by |w| / maxAbs
 * @param width in pixels
 * @param height in pixels
 * @param units how many hidden units are drawn
 * @param hiddenSize how many the net has
 * @param maxAbs full colour: the 99th percentile of |w| over the drawn columns, so that a few
 *     large weights do not wash out all the others (larger ones are drawn at full colour too)
 */
public record WeightPicture(int[] levels, int width, int height, int units, int hiddenSize, double maxAbs) {
    /** Pixels per side of a tile (an MNIST image). */
    public static final int SIDE = 28;
    /** Blank pixels between tiles. */
    public static final int GAP = 2;
    /** Tiles a row. */
    public static final int COLUMNS = 10;
    /** No more tiles than this are drawn (a hidden layer of 1,000 would not fit anyway). */
    public static final int MAX_UNITS = 100;

    /** Column j of W1 (inputs×hidden, inputs = 784) as tile j. */
    public static WeightPicture of(DMatrixRMaj w1) {
        if (w1.numRows != SIDE * SIDE) {
            throw new IllegalArgumentException("W1 has " + w1.numRows + " rows; tiles need 784 inputs");
        }
        int units = Math.min(MAX_UNITS, w1.numCols);
        int rows = (units + COLUMNS - 1) / COLUMNS;
        int cols = Math.min(units, COLUMNS);
        int width = cols * SIDE + (cols - 1) * GAP;
        int height = rows * SIDE + (rows - 1) * GAP;
        int hidden = w1.numCols;
        double[] magnitudes = new double[SIDE * SIDE * units];
        for (int i = 0; i < SIDE * SIDE; i++) {
            for (int j = 0; j < units; j++) {
                magnitudes[i * units + j] = Math.abs(w1.data[i * hidden + j]);
            }
        }
        java.util.Arrays.sort(magnitudes);
        double maxAbs = magnitudes[(int) Math.floor(0.99 * (magnitudes.length - 1))];
        if (maxAbs == 0) {
            maxAbs = magnitudes[magnitudes.length - 1];
        }
        int[] levels = new int[width * height];
        for (int unit = 0; unit < units; unit++) {
            int x0 = (unit % COLUMNS) * (SIDE + GAP);
            int y0 = (unit / COLUMNS) * (SIDE + GAP);
            for (int p = 0; p < SIDE * SIDE; p++) {
                double w = w1.data[p * hidden + unit];
                int level = maxAbs == 0 ? 0 : (int) Math.round(Math.min(1, Math.abs(w) / maxAbs) * 255);
                levels[(y0 + p / SIDE) * width + x0 + p % SIDE] = w >= 0 ? 1 + level : -1 - level;
            }
        }
        return new WeightPicture(levels, width, height, units, hidden, maxAbs);
    }

    /** The pixels as ARGB, positive weights in {@code positive}, negative ones in {@code negative}. */
    public int[] argb(Color positive, Color negative) {
        int[] up = ramp(positive);
        int[] down = ramp(negative);
        int[] argb = new int[levels.length];
        for (int i = 0; i < levels.length; i++) {
            int v = levels[i];
            argb[i] = v > 0 ? up[v - 1] : v < 0 ? down[-v - 1] : 0;
        }
        return argb;
    }

    /** 256 shades of one colour: opacity 0.06 (so the tile's grid shows) to 1. */
    private static int[] ramp(Color color) {
        int rgb = ((int) Math.round(color.getRed() * 255) << 16) | ((int) Math.round(color.getGreen() * 255) << 8)
                | (int) Math.round(color.getBlue() * 255);
        int[] shades = new int[256];
        for (int level = 0; level < 256; level++) {
            int alpha = (int) Math.round((0.06 + 0.94 * level / 255.0) * 255);
            shades[level] = (alpha << 24) | rgb;
        }
        return shades;
    }
}
