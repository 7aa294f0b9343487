package com.backpropexplorer.engine.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The batch-major loops give the row-by-row loops' numbers bit for bit, the branch-free masks the ternaries'. */
class TwoLayerLoopsTest {
    /** Every kind of double: zeros of both signs, subnormals, infinities, NaNs of both signs, and random ones. */
    private static double[] specialsAndRandom() {
        double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL,
            1.0, -1.0, Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.NaN, Double.longBitsToDouble(0xFFF8000000000000L), Double.longBitsToDouble(0x7FF0000000000001L),
            Double.longBitsToDouble(0xFFFFFFFFFFFFFFFFL)};
        Random random = new Random(61);
        double[] values = java.util.Arrays.copyOf(special, special.length + 2000);
        for (int i = special.length; i < values.length; i++) {
            values[i] = i % 2 == 0 ? random.nextGaussian() : Double.longBitsToDouble(random.nextLong());
        }
        return values;
    }

    @Test
    void reluIsTheBooksMaskBitForBit() {
        for (double z : specialsAndRandom()) {
            double expected = z <= 0 ? 0.0 : z;
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(TwoLayerLoops.relu(z)),
                    "relu(" + z + ") bits " + Long.toHexString(Double.doubleToRawLongBits(z)));
        }
    }

    @Test
    void passedOrZeroMasksExactlyTheCutUnitsBitForBit() {
        double[] values = specialsAndRandom();
        for (double z : values) {
            double out = TwoLayerLoops.relu(z); // what the forward pass gives: +0 or what passed
            for (int i = 0; i < values.length; i += 97) {
                double d = values[i];
                double expected = out == 0.0 ? 0.0 : d;
                assertEquals(Double.doubleToRawLongBits(expected),
                        Double.doubleToRawLongBits(TwoLayerLoops.passedOrZero(out, d)), "out " + out + ", d " + d);
            }
        }
    }

    @Test
    void scoresRowsAreScoresRowBitForBit() {
        Random random = new Random(60);
        int n = 37;
        int h = 13;
        int c = 10;
        double[][] hidden = new double[n][h];
        for (double[] row : hidden) {
            for (int j = 0; j < h; j++) {
                double z = random.nextGaussian();
                row[j] = z <= 0 ? 0.0 : z; // ReLU: about half the units at +0
            }
        }
        java.util.Arrays.fill(hidden[5], 0.0); // a row with every unit cut
        double[] w2 = new double[h * c];
        double[] b2 = new double[c];
        for (int i = 0; i < w2.length; i++) {
            w2[i] = i % 7 == 0 ? -0.0 : random.nextGaussian();
        }
        b2[3] = 0.5; // the others 0: an all-zero row's scores stay +0 bit for bit
        double[] rowByRow = new double[n * c];
        for (int o = 0; o < n; o++) {
            TwoLayerLoops.scoresRow(hidden[o], w2, b2, c, rowByRow, o);
        }
        double[] batch = new double[n * c];
        double[][] hT = new double[h][n];
        double[][] sT = new double[c][n];
        TwoLayerLoops.scoresRows(hidden, hT, w2, b2, c, sT, batch, 0, 20);
        TwoLayerLoops.scoresRows(hidden, hT, w2, b2, c, sT, batch, 20, n);
        for (int i = 0; i < batch.length; i++) {
            assertEquals(Double.doubleToRawLongBits(rowByRow[i]), Double.doubleToRawLongBits(batch[i]), "score " + i);
        }
    }
}
