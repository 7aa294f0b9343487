package com.backpropexplorer.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.data.DigitPreprocessor;
import com.backpropexplorer.data.MnistDataset;
import com.backpropexplorer.data.ShippedModel;
import com.backpropexplorer.data.SharedMnist;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The shipped model on digits as a learner would put them in front of it: real MNIST test
 * digits drawn large (6-12×, smoothly enlarged like a marker stroke) somewhere off-centre on a
 * big sheet, dark ink on white paper or light ink on a dark screen, then preprocessed the
 * MNIST way from the picture, as the canvas and the predict command do.
 */
class ShippedModelHandwritingTest {
    private static final int DIGITS = 500;
    private static final int SHEET_WIDTH = 560;
    private static final int SHEET_HEIGHT = 420;

    @Test
    void theShippedModelIsA784By50By10ReluNet() {
        DigitReader reader = new DigitReader(DigitReader.netOf(ShippedModel.load()));
        assertEquals(784, reader.net().inputSize());
        assertEquals(50, reader.net().hiddenSize());
        assertEquals(10, reader.net().outputSize());
        assertEquals("Relu1", reader.net().activation().layerName());
    }

    @Test
    void readsAtLeast95PercentOfMnistTestDigitsDrawnLargeOffCentreInBothPolarities() {
        MnistDataset test = SharedMnist.test();
        DigitReader reader = new DigitReader(DigitReader.netOf(ShippedModel.load()));
        Random random = new Random(6);
        int right = 0;
        int rightDark = 0;
        int rightLight = 0;
        for (int n = 0; n < DIGITS; n++) {
            int index = random.nextInt(test.size());
            boolean darkOnLight = n % 2 == 0;
            BufferedImage sheet = drawnLarge(test.image(index).data, 6 + random.nextDouble() * 6, darkOnLight, random);
            DigitPreprocessor.Digit digit = DigitPreprocessor.preprocess(sheet);
            assertFalse(digit.empty(), "digit " + index + " lost all its ink");
            DigitReader.Reading reading = reader.read(digit);
            if (reading.digit() == test.label(index)) {
                right++;
                if (darkOnLight) {
                    rightDark++;
                } else {
                    rightLight++;
                }
            }
        }
        double accuracy = (double) right / DIGITS;
        System.out.printf(Locale.ROOT, "hand-drawn MNIST: %d of %d right (%.1f%%): dark on light %d/%d, light on dark %d/%d%n",
                right, DIGITS, 100 * accuracy, rightDark, DIGITS / 2, rightLight, DIGITS / 2);
        assertTrue(accuracy >= 0.95, "only " + right + " of " + DIGITS + " drawn digits read right");
    }

    @Test
    void readingADrawingTakesAFewMilliseconds() {
        // a "3"-like drawing on the canvas's 336×336 paper: two arcs of a thick soft stroke
        int side = 336;
        double[] ink = new double[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double upper = Math.abs(Math.hypot(x - 165, y - 110) - 55);
                double lower = Math.abs(Math.hypot(x - 165, y - 215) - 62);
                boolean rightHalf = x > 130;
                double d = Math.min(upper, lower);
                ink[y * side + x] = rightHalf ? Math.max(0, Math.min(1, 13 - d)) : 0;
            }
        }
        DigitReader reader = new DigitReader(DigitReader.netOf(ShippedModel.load()));
        int runs = 300;
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            reader.read(ink, side, side);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        java.util.Arrays.sort(millis);
        double median = millis[runs / 2];
        System.out.printf(Locale.ROOT, "preprocess + predict of a %d×%d drawing: median %.3f ms, 90th percentile %.3f ms%n",
                side, side, median, millis[runs * 9 / 10]);
        assertEquals(3, reader.read(ink, side, side).digit());
        assertTrue(median < 20, "reading a drawing takes " + median + " ms");
    }

    /**
     * A 28×28 digit enlarged {@code scale} times with bilinear smoothing and drawn at a random
     * place on a large sheet (always wholly on it), in the given polarity.
     */
    static BufferedImage drawnLarge(double[] pixels, double scale, boolean darkOnLight, Random random) {
        BufferedImage small = new BufferedImage(28, 28, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                int alpha = (int) Math.round(255 * pixels[y * 28 + x]);
                int ink = darkOnLight ? 0x202020 : 0xF0F0F0;
                small.setRGB(x, y, alpha << 24 | ink);
            }
        }
        int side = (int) Math.round(28 * scale);
        int left = random.nextInt(SHEET_WIDTH - side + 1);
        int top = random.nextInt(SHEET_HEIGHT - side + 1);
        BufferedImage sheet = new BufferedImage(SHEET_WIDTH, SHEET_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setColor(darkOnLight ? Color.WHITE : new Color(0x0D1117));
        g.fillRect(0, 0, SHEET_WIDTH, SHEET_HEIGHT);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(small, left, top, side, side, null);
        g.dispose();
        return sheet;
    }
}
