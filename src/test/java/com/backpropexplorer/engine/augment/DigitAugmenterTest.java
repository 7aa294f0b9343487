package com.backpropexplorer.engine.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class DigitAugmenterTest {

    /** An MNIST-like "7": 2-pixel strokes, a 20-pixel-high bounding box, centred. */
    private static double[] seven() {
        double[] p = new double[784];
        for (int x = 8; x < 21; x++) {
            p[4 * 28 + x] = 1;
            p[5 * 28 + x] = 1;
        }
        for (int y = 6; y < 24; y++) {
            int x = 19 - (y - 6) / 3;
            p[y * 28 + x] = 1;
            p[y * 28 + x + 1] = 0.7;
        }
        return p;
    }

    @Test
    void augmentedDigitsLookPreprocessedAndTheRestStayAsTheyWere() {
        int rows = 500;
        DMatrixRMaj x = new DMatrixRMaj(rows, 784);
        double[] seven = seven();
        for (int r = 0; r < rows; r++) {
            System.arraycopy(seven, 0, x.data, r * 784, 784);
        }
        new DigitAugmenter().augment(x, new SplittableRandom(1));
        int unchanged = 0;
        for (int r = 0; r < rows; r++) {
            double[] row = java.util.Arrays.copyOfRange(x.data, r * 784, (r + 1) * 784);
            if (java.util.Arrays.equals(row, seven)) {
                unchanged++;
                continue;
            }
            double max = 0;
            double mass = 0;
            double mx = 0;
            double my = 0;
            int top = 28;
            int bottom = -1;
            int left = 28;
            int right = -1;
            for (int i = 0; i < 784; i++) {
                double v = row[i];
                assertTrue(v >= 0 && v <= 1, "pixel " + v);
                max = Math.max(max, v);
                mass += v;
                mx += v * (i % 28 + 0.5);
                my += v * (i / 28 + 0.5);
                if (v > 0.3) {
                    top = Math.min(top, i / 28);
                    bottom = Math.max(bottom, i / 28);
                    left = Math.min(left, i % 28);
                    right = Math.max(right, i % 28);
                }
            }
            assertEquals(1, max, 1e-12, "the strongest ink is 1, as in MNIST");
            assertEquals(14, mx / mass, 1.6, "centred by mass, give or take the one-pixel jitter");
            assertEquals(14, my / mass, 1.6);
            int longer = Math.max(bottom - top + 1, right - left + 1);
            assertTrue(longer >= 17 && longer <= 23, "fitted to about 20 pixels, not " + longer);
        }
        assertTrue(unchanged > rows / 10 && unchanged < rows * 3 / 10, unchanged + " of 500 left as they were");
    }

    @Test
    void theSameRandomNumbersGiveTheSameBatch() {
        DMatrixRMaj a = new DMatrixRMaj(20, 784);
        for (int r = 0; r < 20; r++) {
            System.arraycopy(seven(), 0, a.data, r * 784, 784);
        }
        DMatrixRMaj b = a.copy();
        new DigitAugmenter().augment(a, new SplittableRandom(9));
        new DigitAugmenter().augment(b, new SplittableRandom(9));
        assertArrayEquals(a.data, b.data);
    }

    @Test
    void anEmptyImageStaysEmptyAndOtherSizesAreRefused() {
        DMatrixRMaj blank = new DMatrixRMaj(10, 784);
        new DigitAugmenter().augment(blank, new SplittableRandom(2));
        assertArrayEquals(new double[7840], blank.data);
        assertThrows(IllegalArgumentException.class,
                () -> new DigitAugmenter().augment(new DMatrixRMaj(2, 100), new SplittableRandom(1)));
    }
}
