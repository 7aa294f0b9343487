package com.backpropexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.data.ModelFiles;
import com.backpropexplorer.data.ShippedModel;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code predict} on pictures made here: digits drawn with a thick anti-aliased pen, saved as
 * PNG (dark on light) and JPEG (light on dark), plus files that are not pictures.
 */
class PredictCommandTest {
    private static final Pattern TEXT_LINE = Pattern.compile(
            "(.+): (\\d) ((?: \\d:\\d\\.\\d{3}){10})");

    @TempDir
    Path dir;

    private Path onePng;
    private Path zeroJpeg;
    private Path sevenPng;

    @BeforeEach
    void pictures() throws IOException {
        onePng = write(drawn(1, true, 400, 300), "png", "one.png");
        zeroJpeg = write(drawn(0, false, 640, 480), "jpg", "zero.jpg");
        sevenPng = write(drawn(7, true, 300, 300), "png", "seven.png");
    }

    @Test
    void printsTheDigitAndTenProbabilitiesPerImage() {
        CliRun run = CliRun.run(dir, "predict", onePng.toString(), zeroJpeg.toString(), sevenPng.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.err());
        List<String> lines = run.outLines();
        assertEquals(3, lines.size(), run::toString);
        int[] expected = {1, 0, 7};
        Path[] files = {onePng, zeroJpeg, sevenPng};
        for (int i = 0; i < 3; i++) {
            Matcher m = TEXT_LINE.matcher(lines.get(i));
            assertTrue(m.matches(), "not a prediction line: " + lines.get(i));
            assertEquals(files[i].toString(), m.group(1));
            assertEquals(expected[i], Integer.parseInt(m.group(2)), lines.get(i));
            double sum = 0;
            for (String pair : m.group(3).trim().split(" ")) {
                sum += Double.parseDouble(pair.substring(2));
            }
            assertEquals(1.0, sum, 0.01, lines.get(i));
        }
    }

    @Test
    void jsonHasImageDigitAndProbabilities() {
        CliRun run = CliRun.run(dir, "predict", "--json", onePng.toString(), zeroJpeg.toString());
        assertEquals(0, run.exitCode(), run::toString);
        List<JsonObject> lines = run.jsonLines();
        assertEquals(2, lines.size());
        JsonObject one = lines.get(0);
        assertEquals(onePng.toString(), one.get("image").getAsString());
        assertEquals(1, one.get("digit").getAsInt());
        JsonArray probabilities = one.getAsJsonArray("probabilities");
        assertEquals(10, probabilities.size());
        double sum = 0;
        int best = 0;
        for (int k = 0; k < 10; k++) {
            double p = probabilities.get(k).getAsDouble();
            assertTrue(p >= 0 && p <= 1, "p = " + p);
            sum += p;
            best = p > probabilities.get(best).getAsDouble() ? k : best;
        }
        assertEquals(1.0, sum, 1e-9);
        assertEquals(1, best);
        assertEquals(0, lines.get(1).get("digit").getAsInt());
        assertEquals(3, one.keySet().size(), "fields: " + one.keySet());
    }

    @Test
    void badFilesAreOneSentenceEachAndTheOthersAreStillRead() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.png"), "this is not a picture\n");
        Path missing = dir.resolve("nowhere.jpg");
        Path blank = write(new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB), "png", "blank.png");
        CliRun run = CliRun.run(dir, "predict", onePng.toString(), text.toString(), missing.toString(), blank.toString(),
                zeroJpeg.toString());
        assertEquals(Cli.RUNTIME_ERROR, run.exitCode(), run::toString);
        assertEquals(2, run.outLines().size(), run::toString);
        assertTrue(run.outLines().get(0).startsWith(onePng + ": 1 "), run::toString);
        assertTrue(run.outLines().get(1).startsWith(zeroJpeg + ": 0 "), run::toString);
        List<String> errors = run.errLines();
        assertEquals(3, errors.size(), run::toString);
        assertTrue(errors.get(0).contains("notes.png") && errors.get(0).contains("not an image"), errors.get(0));
        assertTrue(errors.get(1).contains("nowhere.jpg") && errors.get(1).contains("does not exist"), errors.get(1));
        assertTrue(errors.get(2).contains("blank.png") && errors.get(2).contains("no ink"), errors.get(2));
        for (String error : errors) {
            assertTrue(error.endsWith("."), "not a sentence: " + error);
            assertTrue(!error.contains("Exception") && !error.contains("\tat "), "a stack trace: " + error);
        }
    }

    @Test
    void aModelFileCanBeGivenAndAMissingOneIsOneSentence() {
        Path npz = dir.resolve("shipped.npz");
        ModelFiles.save(npz, ShippedModel.load());
        CliRun run = CliRun.run(dir, "predict", "--model", npz.toString(), "--json", onePng.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(1, run.jsonLines().get(0).get("digit").getAsInt());

        CliRun missing = CliRun.run(dir, "predict", "--model", dir.resolve("nope.bpex").toString(), onePng.toString());
        assertEquals(Cli.RUNTIME_ERROR, missing.exitCode(), missing::toString);
        assertEquals(1, missing.errLines().size(), missing::toString);
        assertTrue(missing.err().contains("nope.bpex") && missing.err().contains("does not exist"), missing::toString);
    }

    @Test
    void noImageIsAUsageError() {
        CliRun run = CliRun.run(dir, "predict");
        assertEquals(Cli.USAGE_ERROR, run.exitCode(), run::toString);
        assertEquals(1, run.errLines().size(), run::toString);
    }

    private Path write(BufferedImage image, String format, String name) throws IOException {
        Path file = dir.resolve(name);
        assertTrue(ImageIO.write(image, format, file.toFile()), "no writer for " + format);
        return file;
    }

    /** A digit written with a round pen about as thick as a marker, off-centre on a big sheet. */
    static BufferedImage drawn(int digit, boolean darkOnLight, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(darkOnLight ? Color.WHITE : new Color(20, 20, 30));
        g.fillRect(0, 0, width, height);
        g.setColor(darkOnLight ? new Color(30, 30, 30) : new Color(235, 235, 235));
        double size = Math.min(width, height) * 0.6;
        double left = width * 0.3;
        double top = height * 0.25;
        g.setStroke(new BasicStroke((float) (size * 0.11), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D path = new Path2D.Double();
        switch (digit) {
            case 0 -> g.draw(new java.awt.geom.Ellipse2D.Double(left, top, size * 0.6, size));
            case 1 -> {
                path.moveTo(left + size * 0.2, top + size * 0.15);
                path.lineTo(left + size * 0.32, top);
                path.lineTo(left + size * 0.32, top + size);
                g.draw(path);
            }
            case 7 -> {
                path.moveTo(left, top);
                path.lineTo(left + size * 0.6, top);
                path.lineTo(left + size * 0.2, top + size);
                g.draw(path);
            }
            default -> throw new IllegalArgumentException("no drawing of " + digit);
        }
        g.dispose();
        return image;
    }
}
