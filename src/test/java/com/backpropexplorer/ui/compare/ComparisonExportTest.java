package com.backpropexplorer.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.engine.TrainingConfig;
import com.backpropexplorer.explain.ActivationHistogram;
import com.backpropexplorer.explain.TrainingHealth;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.PngExport;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The comparison's PNG and CSV export in a real scene, with three finished runs: the PNG is a
 * picture of the charts (decodable, the charts' size at twice the scale, the runs' colours in
 * it), the CSV is the runs' table, and a file that cannot be written gets one sentence in a
 * dialog while the old file and the runs stay as they were.
 */
@ExtendWith(ApplicationExtension.class)
class ComparisonExportTest {
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private ComparisonQueue queue;
    private ComparisonPane pane;
    private Stage stage;
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        queue = new ComparisonQueue(() -> null, null, Runnable::run);
        queue.runs().setAll(run(0, "SGD lr 0.01", 2.3, 0.01), run(1, "Momentum lr 0.01", 2.3, 0.002),
                run(2, "Adam lr 0.001", 2.3, 0.004));
        pane = new ComparisonPane(new I18n(Locale.ENGLISH), queue, () -> TrainingConfig.book(42), () -> stage,
                background, next -> {
                    next.run();
                    return true;
                });
        stage.setScene(new Scene(pane, 1000, 1400));
        stage.show();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> {
            for (Window w : new ArrayList<>(Window.getWindows())) {
                if (w != stage) {
                    w.hide();
                }
            }
            pane.detach();
        });
        background.shutdownNow();
    }

    @Test
    void thePngIsAPictureOfTheChartsAtTwiceTheirSize(FxRobot robot) throws Exception {
        Path png = dir.resolve("comparison.png");
        robot.interact(() -> pane.exportPng(png));
        await(() -> pane.notice().startsWith("Saved"));
        assertEquals("Saved " + png + ".", pane.notice());

        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "a PNG that decodes");
        Region pictures = (Region) pane.pictures();
        assertEquals(pictures.getWidth() * PngExport.EXPORT_SCALE, image.getWidth(), 2);
        assertEquals(pictures.getHeight() * PngExport.EXPORT_SCALE, image.getHeight(), 2);
        // every run's colour is drawn (its curves, its histogram), and the picture is not one flat colour
        for (ComparisonRun r : queue.runs()) {
            int count = countNear(image, CompareCharts.colour(r.id()));
            assertTrue(count > 500, r.label() + "'s colour in " + count + " pixels");
        }
        assertTrue(distinctColours(image) > 50, "a picture, not a blank");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(png), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void theCsvIsTheRunsTable(FxRobot robot) throws Exception {
        Path csv = dir.resolve("comparison.csv");
        robot.interact(() -> pane.exportCsv(csv));
        await(() -> pane.notice().startsWith("Saved"));
        String written = Files.readString(csv, StandardCharsets.UTF_8);
        assertEquals(ComparisonCsv.of(List.copyOf(queue.runs())), written);
        assertEquals(1 + 3 * 2000, written.split("\n").length, "a header and a line per update of the three runs");
    }

    @Test
    void aFolderThatIsNotThereGetsOneSentenceInADialogAndNothingIsLost(FxRobot robot) throws Exception {
        Path missing = dir.resolve("no such folder").resolve("comparison.csv");
        robot.interact(() -> pane.exportCsv(missing));
        String sentence = dialogSentence(robot);
        assertEquals("Cannot write " + missing + ": the folder " + missing.getParent()
                + " does not exist; create it or choose another place.", sentence);
        assertOneSentence(sentence);
        assertEquals(3, queue.runs().size(), "the runs stay");
        assertFalse(Files.exists(missing.getParent()));
        assertTrue(pane.notice().equals(sentence), "also under the buttons: " + pane.notice());
        closeDialog(robot);

        robot.interact(() -> pane.exportPng(dir.resolve("no such folder").resolve("comparison.png")));
        assertOneSentence(dialogSentence(robot));
        closeDialog(robot);
    }

    @Test
    void aReadOnlyFileIsKeptAsItWas(FxRobot robot) throws Exception {
        Path old = dir.resolve("comparison.png");
        Files.writeString(old, "the picture of yesterday");
        assertTrue(old.toFile().setWritable(false, false));
        robot.interact(() -> pane.exportPng(old));
        String sentence = dialogSentence(robot);
        assertEquals("Cannot replace " + old + ": the file is read-only; make it writable or choose another name.",
                sentence);
        assertEquals("the picture of yesterday", Files.readString(old), "the old file is untouched");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(old), files.toList(), "no temporary file left behind");
        }
        closeDialog(robot);
    }

    @Test
    void inJapaneseTheSentenceIsJapanese(FxRobot robot) throws Exception {
        ComparisonPane[] ja = new ComparisonPane[1];
        robot.interact(() -> {
            ja[0] = new ComparisonPane(new I18n(Locale.JAPANESE), queue, () -> TrainingConfig.book(42), () -> stage,
                    background, next -> true);
            stage.getScene().setRoot(ja[0]);
        });
        Path missing = dir.resolve("ない").resolve("comparison.csv");
        robot.interact(() -> ja[0].exportCsv(missing));
        String sentence = dialogSentence(robot);
        assertEquals(missing + " に書き込めません。フォルダ " + missing.getParent()
                + " がありません。作成するか、別の場所を選んでください。", sentence);
        closeDialog(robot);
        robot.interact(ja[0]::detach);
    }

    @Test
    void theHistogramsTakeAnotherRowWhenMoreRunsComeThanFitSideBySide(FxRobot robot) {
        ActivationHistograms chart = robot.lookup("#compareHistograms").queryAs(ActivationHistograms.class);
        double plot = chart.getWidth() - CompareCharts.LOOK.margin().getLeft() - CompareCharts.LOOK.margin().getRight();
        int perRow = ActivationHistograms.perRow(99, plot);
        assertTrue(perRow >= 3 && perRow < 9, perRow + " panels fit in a row of " + plot + " px");
        double oneRow = chart.getHeight();
        assertEquals(46 + ActivationHistograms.ROW_HEIGHT, oneRow, 1, "three runs: one row");
        robot.interact(() -> {
            for (int id = 3; id < perRow + 1; id++) {
                queue.runs().add(run(id, "run " + id, 2.3, 0.003));
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(46 + 2 * ActivationHistograms.ROW_HEIGHT, chart.getHeight(), 1,
                (perRow + 1) + " runs: two rows");
    }

    /** Three finished runs whose losses fall from {@code start} at {@code rate} per update. */
    private static ComparisonRun run(int id, String label, double start, double rate) {
        int n = 2000;
        double[] losses = new double[n];
        for (int i = 0; i < n; i++) {
            losses[i] = start * Math.exp(-rate * i) + 0.1 * Math.sin(i * 0.37 + id);
        }
        List<ComparisonRun.Epoch> epochs = new ArrayList<>();
        for (int i = 0; i < n; i += 468) {
            epochs.add(new ComparisonRun.Epoch(i, 0.5 + id * 0.1 + i / 10_000.0, 0.5 + id * 0.1 + i / 11_000.0));
        }
        int[] before = new int[ActivationHistogram.BINS];
        int[] after = new int[ActivationHistogram.BINS];
        for (int b = 0; b < before.length; b++) {
            before[b] = b == 0 ? 5000 : 400 - 15 * b;
            after[b] = b == 0 ? 4000 : 300 + 10 * ((b + id) % 5);
        }
        int[] iterations = new int[n / 20];
        double[][] ratios = new double[4][iterations.length];
        double[] dead = new double[iterations.length];
        for (int k = 0; k < iterations.length; k++) {
            iterations[k] = 20 * (k + 1);
            for (int p = 0; p < 4; p++) {
                ratios[p][k] = -2 - p * 0.5 - k / 100.0;
            }
            dead[k] = 0.02 * id + k / 1000.0;
        }
        return new ComparisonRun(id, label, TrainingConfig.book(42).withIterations(n).withBatchSize(128),
                ComparisonRun.Status.DONE, losses, epochs, new ActivationHistogram(before, 0, sum(before)),
                new ActivationHistogram(after, 0, sum(after)), new TrainingHealth.Series(iterations, ratios, dead), null);
    }

    private static int sum(int[] v) {
        int s = 0;
        for (int x : v) {
            s += x;
        }
        return s;
    }

    private static int countNear(BufferedImage image, Color colour) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getRGB(x, y);
                if ((argb >>> 24) > 200 && Math.abs(((argb >> 16) & 0xff) - colour.getRed() * 255) < 12
                        && Math.abs(((argb >> 8) & 0xff) - colour.getGreen() * 255) < 12
                        && Math.abs((argb & 0xff) - colour.getBlue() * 255) < 12) {
                    count++;
                }
            }
        }
        return count;
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }

    private static String dialogSentence(FxRobot robot) throws Exception {
        await(() -> robot.lookup("#compareErrorDialog").tryQuery().isPresent());
        return robot.lookup("#compareErrorText").queryAs(Label.class).getText();
    }

    private static void assertOneSentence(String sentence) {
        assertTrue(sentence.endsWith("."), sentence);
        assertFalse(sentence.contains("Exception"), sentence);
        assertFalse(sentence.substring(0, sentence.length() - 1).contains(". "), "one sentence: " + sentence);
    }

    private static void closeDialog(FxRobot robot) {
        robot.interact(() -> robot.lookup("#compareErrorDialog").query().getScene().getWindow().hide());
    }

    private static void await(java.util.function.BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
