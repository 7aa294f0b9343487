package com.backpropexplorer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigitPreprocessorTest {
    @TempDir
    Path dir;

    @Test
    void rectangleIsCroppedScaledTo20KeepingAspectAndCentredByMass() {
        int width = 300;
        int height = 200;
        double[] ink = new double[width * height];
        // a 100 wide, 50 tall block far off-centre
        fill(ink, width, 170, 120, 100, 50);
        DigitPreprocessor.Digit digit = DigitPreprocessor.preprocess(ink, width, height);
        assertFalse(digit.empty());
        int[] box = boundingBox(digit.pixels());
        assertEquals(20, box[2], "width");
        assertEquals(10, box[3], "height keeps the 2:1 aspect ratio");
        double[] com = centreOfMass(digit.pixels());
        assertEquals(14.0, com[0], 0.51);
        assertEquals(14.0, com[1], 0.51);
        assertEquals(200, Arrays.stream(digit.pixels()).filter(v -> v == 1.0).count());
    }

    @Test
    void tallThinStrokeStaysThin() {
        int width = 50;
        int height = 400;
        double[] ink = new double[width * height];
        fill(ink, width, 10, 20, 20, 300);
        int[] box = boundingBox(DigitPreprocessor.preprocess(ink, width, height).pixels());
        assertEquals(1, box[2], "20 of 300 pixels wide becomes one column of 20 pixels tall");
        assertEquals(20, box[3]);
    }

    @Test
    void shrinkingAveragesAreasInsteadOfPickingPixels() {
        double[] stripes = new double[200];
        for (int i = 0; i < stripes.length; i += 2) {
            stripes[i] = 1;
        }
        double[] shrunk = DigitPreprocessor.resample(stripes, 200, 0.1, 20);
        for (double v : shrunk) {
            assertEquals(0.5, v, 1e-12);
        }
        // fractional scale: 3 values into 2, each output covers 1.5 inputs
        assertArrayEquals(new double[] {(1 + 0.5 * 0) / 1.5, (0.5 * 0 + 1) / 1.5},
                DigitPreprocessor.resample(new double[] {1, 0, 1}, 3, 2 / 3.0, 2), 1e-12);
    }

    @Test
    void emptyImageGivesZerosAndSaysSo() {
        DigitPreprocessor.Digit digit = DigitPreprocessor.preprocess(new double[100 * 80], 100, 80);
        assertTrue(digit.empty());
        assertEquals(784, digit.pixels().length);
        assertTrue(Arrays.stream(digit.pixels()).allMatch(v -> v == 0));
        BufferedImage blank = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = blank.createGraphics();
        g.setColor(new Color(240, 240, 235));
        g.fillRect(0, 0, 64, 64);
        g.dispose();
        assertTrue(DigitPreprocessor.preprocess(blank).empty());
    }

    @Test
    void inkPolarityIsDecidedByTheBorder() {
        for (boolean darkOnLight : new boolean[] {true, false}) {
            BufferedImage image = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(darkOnLight ? Color.WHITE : Color.BLACK);
            g.fillRect(0, 0, 40, 40);
            g.setColor(darkOnLight ? Color.DARK_GRAY : Color.LIGHT_GRAY);
            g.fillRect(10, 10, 5, 20);
            g.dispose();
            double[] ink = DigitPreprocessor.inkOf(image);
            assertEquals(1.0, ink[15 * 40 + 12], 1e-9, "stroke is full ink");
            assertEquals(0.0, ink[0], 0.0, "paper is no ink");
        }
    }

    /**
     * Real MNIST test digits drawn as a user would (scaled up 4-10× with smooth edges, anywhere on a
     * large canvas, dark on light or light on dark) must come back close to the originals.
     */
    @Test
    void realDigitsScaledUpOffCentreComeBackAsTheyWere() {
        MnistDataset test = SharedMnist.test();
        Random random = new Random(42);
        int samples = 300;
        double[] correlations = new double[samples];
        double meanAbsDiff = 0;
        for (int s = 0; s < samples; s++) {
            int index = random.nextInt(test.size());
            double[] original = Arrays.copyOfRange(test.images().data, index * 784, (index + 1) * 784);
            int factor = 4 + random.nextInt(7);
            boolean darkOnLight = s % 2 == 0;
            BufferedImage canvas = drawLarge(original, factor, darkOnLight, random);
            double[] result = DigitPreprocessor.preprocess(canvas).pixels();
            correlations[s] = correlation(original, result);
            meanAbsDiff += meanAbsDiff(original, result) / samples;
        }
        Arrays.sort(correlations);
        double median = correlations[samples / 2];
        double tenthPercentile = correlations[samples / 10];
        System.out.printf("round trip of %d real digits: median correlation %.3f, 10th percentile %.3f,"
                + " worst %.3f, mean |diff| %.4f%n", samples, median, tenthPercentile, correlations[0], meanAbsDiff);
        assertTrue(median > 0.9, "median correlation " + median);
        assertTrue(tenthPercentile > 0.8, "10th percentile correlation " + tenthPercentile);
        assertTrue(meanAbsDiff < 0.06, "mean abs diff " + meanAbsDiff);
    }

    @Test
    void readsPngAndJpegAndRefusesOtherFilesWithOneSentence() throws IOException {
        BufferedImage image = new BufferedImage(30, 30, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 30, 30);
        g.setColor(Color.BLACK);
        g.fillRect(12, 5, 6, 20);
        g.dispose();
        for (String format : new String[] {"png", "jpg"}) {
            // names that lie about the format: content decides
            Path file = dir.resolve("digit-" + format + ".img");
            assertTrue(ImageIO.write(image, format, file.toFile()));
            BufferedImage read = ImageFiles.read(file);
            assertEquals(30, read.getWidth());
            int[] box = boundingBox(DigitPreprocessor.preprocess(read).pixels());
            assertEquals(20, box[3], format);
        }
        Path text = Files.writeString(dir.resolve("notes.png"), "not a picture");
        assertEquals("notes.png is not an image (PNG or JPEG); choose a picture of a digit.",
                assertThrows(DataException.class, () -> ImageFiles.read(text)).getMessage());
        Path missing = dir.resolve("nope.png");
        assertEquals("The image " + missing + " does not exist; check the path.",
                assertThrows(DataException.class, () -> ImageFiles.read(missing)).getMessage());
        Path png = dir.resolve("cut.png");
        ImageIO.write(image, "png", png.toFile());
        byte[] bytes = Files.readAllBytes(png);
        Files.write(png, Arrays.copyOf(bytes, bytes.length / 2));
        assertEquals("cut.png is a damaged or unsupported image and cannot be read; save it again as PNG or JPEG.",
                assertThrows(DataException.class, () -> ImageFiles.read(png)).getMessage());
    }

    private static BufferedImage drawLarge(double[] digit, int factor, boolean darkOnLight, Random random) {
        BufferedImage small = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < 784; i++) {
            int ink = (int) Math.round(digit[i] * 255);
            small.getRaster().setSample(i % 28, i / 28, 0, darkOnLight ? 255 - ink : ink);
        }
        int size = 28 * factor;
        BufferedImage canvas = new BufferedImage(size + 150 + random.nextInt(200), size + 100 + random.nextInt(200),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        g.setColor(darkOnLight ? Color.WHITE : Color.BLACK);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(small, random.nextInt(canvas.getWidth() - size), random.nextInt(canvas.getHeight() - size),
                size, size, null);
        g.dispose();
        return canvas;
    }

    private static void fill(double[] ink, int width, int x0, int y0, int w, int h) {
        for (int y = y0; y < y0 + h; y++) {
            Arrays.fill(ink, y * width + x0, y * width + x0 + w, 1.0);
        }
    }

    /** {left, top, width, height} of the pixels with any ink. */
    private static int[] boundingBox(double[] field) {
        int left = 28;
        int top = 28;
        int right = -1;
        int bottom = -1;
        for (int i = 0; i < field.length; i++) {
            if (field[i] > 0) {
                left = Math.min(left, i % 28);
                right = Math.max(right, i % 28);
                top = Math.min(top, i / 28);
                bottom = Math.max(bottom, i / 28);
            }
        }
        return new int[] {left, top, right - left + 1, bottom - top + 1};
    }

    private static double[] centreOfMass(double[] field) {
        double mass = 0;
        double x = 0;
        double y = 0;
        for (int i = 0; i < field.length; i++) {
            mass += field[i];
            x += field[i] * (i % 28);
            y += field[i] * (i / 28);
        }
        return new double[] {x / mass, y / mass};
    }

    private static double correlation(double[] a, double[] b) {
        double meanA = Arrays.stream(a).average().orElse(0);
        double meanB = Arrays.stream(b).average().orElse(0);
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (a[i] - meanA) * (b[i] - meanB);
            aa += (a[i] - meanA) * (a[i] - meanA);
            bb += (b[i] - meanB) * (b[i] - meanB);
        }
        return ab / Math.sqrt(aa * bb);
    }

    private static double meanAbsDiff(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum / a.length;
    }
}
