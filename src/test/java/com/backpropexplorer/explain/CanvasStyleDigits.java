package com.backpropexplorer.explain;

import com.backpropexplorer.data.DigitPreprocessor;
import com.backpropexplorer.data.MnistDataset;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * A test set of digits as a learner draws them on the canvas, made from MNIST test digits
 * (which no training run sees) independently of the training's {@code --augment}: each digit
 * is enlarged 4× with bilinear smoothing, its strokes thinned by up to half an MNIST pixel or
 * thickened by up to one (a grey-level erosion or dilation with a disc), then drawn on a
 * 320×320 sheet 1.2 to 2 times larger again, turned by up to ±15°, at a random place off the
 * centre, as dark ink on white paper or light ink on a dark screen (alternately); last, the
 * sheet goes through the app's own preprocessing of pictures ({@link DigitPreprocessor},
 * which finds the polarity from the border, crops to the ink, fits a 20×20 box and centres
 * the mass), as the canvas and {@code predict} do. Seeded: the same seed gives the same set.
 */
final class CanvasStyleDigits {
    static final int SHEET = 320;
    private static final int ENLARGE = 4;
    private static final int BIG = 28 * ENLARGE;

    private CanvasStyleDigits() {
    }

    /** One generated digit: the preprocessed 784 pixels and the MNIST test index it came from. */
    record Drawn(double[] pixels, int index, boolean darkOnLight, double rotationDegrees, double strokeChange) {
    }

    /**
     * The canvas-style version of test digit {@code index}, with random numbers of its own
     * (from {@code seed} and the index, so digits can be made in any order, on any thread);
     * even indices are dark on light, odd ones light on dark.
     */
    static Drawn draw(MnistDataset test, int index, long seed) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        int n = index;
        double strokeChange = -0.5 + 1.5 * random.nextDouble();
        double rotation = -15 + 30 * random.nextDouble();
        double enlarge = 1.2 + 0.8 * random.nextDouble();
        boolean darkOnLight = n % 2 == 0;
        double[] big = strokes(enlarged(test.image(index).data), (int) Math.round(strokeChange * ENLARGE));
        BufferedImage sheet = onSheet(big, enlarge, rotation, darkOnLight, random);
        DigitPreprocessor.Digit digit = DigitPreprocessor.preprocess(sheet);
        return new Drawn(digit.pixels(), index, darkOnLight, rotation, strokeChange);
    }

    /** 28×28 to 112×112, bilinear. */
    private static double[] enlarged(double[] pixels) {
        double[] out = new double[BIG * BIG];
        for (int y = 0; y < BIG; y++) {
            double v = (y + 0.5) / ENLARGE - 0.5;
            for (int x = 0; x < BIG; x++) {
                double u = (x + 0.5) / ENLARGE - 0.5;
                int x0 = (int) Math.floor(u);
                int y0 = (int) Math.floor(v);
                double fx = u - x0;
                double fy = v - y0;
                out[y * BIG + x] = (1 - fy) * ((1 - fx) * at(pixels, x0, y0) + fx * at(pixels, x0 + 1, y0))
                        + fy * ((1 - fx) * at(pixels, x0, y0 + 1) + fx * at(pixels, x0 + 1, y0 + 1));
            }
        }
        return out;
    }

    private static double at(double[] pixels, int x, int y) {
        return x < 0 || y < 0 || x >= 28 || y >= 28 ? 0 : pixels[y * 28 + x];
    }

    /** Dilation (radius > 0) or erosion (radius < 0) with a disc of |radius| pixels. */
    private static double[] strokes(double[] in, int radius) {
        if (radius == 0) {
            return in;
        }
        int r = Math.abs(radius);
        boolean dilate = radius > 0;
        double[] out = new double[in.length];
        for (int y = 0; y < BIG; y++) {
            for (int x = 0; x < BIG; x++) {
                double v = dilate ? 0 : 1;
                for (int dy = -r; dy <= r; dy++) {
                    for (int dx = -r; dx <= r; dx++) {
                        if (dx * dx + dy * dy > r * r) {
                            continue;
                        }
                        int sx = x + dx;
                        int sy = y + dy;
                        double s = sx < 0 || sy < 0 || sx >= BIG || sy >= BIG ? 0 : in[sy * BIG + sx];
                        v = dilate ? Math.max(v, s) : Math.min(v, s);
                    }
                }
                out[y * BIG + x] = v;
            }
        }
        return out;
    }

    private static BufferedImage onSheet(double[] big, double enlarge, double rotation, boolean darkOnLight,
                                         SplittableRandom random) {
        BufferedImage digit = new BufferedImage(BIG, BIG, BufferedImage.TYPE_INT_ARGB);
        int ink = darkOnLight ? 0x202020 : 0xF0F0F0;
        for (int y = 0; y < BIG; y++) {
            for (int x = 0; x < BIG; x++) {
                int alpha = (int) Math.round(255 * Math.min(1, big[y * BIG + x]));
                digit.setRGB(x, y, alpha << 24 | ink);
            }
        }
        double side = BIG * enlarge;
        double reach = side * Math.sqrt(2) / 2; // the turned square stays on the sheet
        double cx = reach + random.nextDouble() * (SHEET - 2 * reach);
        double cy = reach + random.nextDouble() * (SHEET - 2 * reach);
        BufferedImage sheet = new BufferedImage(SHEET, SHEET, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setColor(darkOnLight ? Color.WHITE : new Color(0x0D1117));
        g.fillRect(0, 0, SHEET, SHEET);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        AffineTransform place = new AffineTransform();
        place.translate(cx, cy);
        place.rotate(Math.toRadians(rotation));
        place.scale(enlarge, enlarge);
        place.translate(-BIG / 2.0, -BIG / 2.0);
        g.drawImage(digit, place, null);
        g.dispose();
        return sheet;
    }
}
