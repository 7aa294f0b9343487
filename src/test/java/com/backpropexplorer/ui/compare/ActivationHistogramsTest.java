package com.backpropexplorer.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.engine.TrainingConfig;
import com.backpropexplorer.explain.ActivationHistogram;
import com.backpropexplorer.ui.chart.ChartCanvas;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The §6.2 histograms read as the book's: per configuration an x axis of activation values over
 * [0, 1], each bar over its bin's values; the y axis scaled to the bins above the first (ReLU's
 * zeros cut, their share written); panels wrap into rows where the chart is narrow.
 */
@ExtendWith(ApplicationExtension.class)
class ActivationHistogramsTest {
    private final List<ComparisonRun> runs = new ArrayList<>();
    private ActivationHistograms chart;

    @Start
    void start(Stage stage) {
        chart = new ActivationHistograms(() -> List.copyOf(runs));
        chart.setTitles("activation value", "share");
        stage.setScene(new Scene(new StackPane(chart), 760, 300));
        stage.show();
    }

    @Test
    void eachBarStandsOverItsBinsActivationValues(FxRobot robot) {
        // run k: every activation after training in bin 4, 10 and 19 ([0.2, 0.25), [0.5, 0.55), [0.95, 1])
        int[] bins = {4, 10, 19};
        for (int k = 0; k < bins.length; k++) {
            int[] counts = new int[ActivationHistogram.BINS];
            counts[bins[k]] = 1000;
            runs.add(run(k, new ActivationHistogram(counts, 0, 1000)));
        }
        robot.interact(chart::redraw);
        WritableImage image = snapshot(robot);
        double yMax = ActivationHistograms.yMax(runs);
        assertEquals(1, yMax, 1e-12, "a bin holding everything reaches the top");
        ChartCanvas.Plot whole = whole(image.getWidth(), image.getHeight());
        assertEquals(3, ActivationHistograms.perRow(3, whole.w), "three panels side by side at 760 px");
        for (int k = 0; k < bins.length; k++) {
            ChartCanvas.Plot p = ActivationHistograms.panel(whole, k, 3, yMax);
            assertEquals(p.x, p.px(0), 1e-9);
            assertEquals(p.x + p.w, p.px(1), 1e-9, "the panel's x axis runs over activations 0 to 1");
            Color colour = CompareCharts.colour(k);
            int y = (int) (p.y + p.h - 8);
            int first = -1;
            int last = -1;
            for (int x = (int) p.x; x < p.x + p.w; x++) {
                if (near(image.getPixelReader(), x, y, colour)) {
                    first = first < 0 ? x : first;
                    last = x;
                }
            }
            double from = p.px(bins[k] / 20.0);
            double to = p.px((bins[k] + 1) / 20.0);
            assertTrue(first >= from - 1 && last <= to + 1, "run " + k + "'s bar at x " + first + "-" + last
                    + " lies over activations " + bins[k] / 20.0 + "-" + (bins[k] + 1) / 20.0 + " (x " + from + "-" + to
                    + ")");
            assertTrue(last - first >= to - from - 4, "and fills its bin: " + first + "-" + last);
        }
    }

    @Test
    void theYAxisStopsAboveTheSecondBinAndTheCutFirstBinAndWhatIsAboveOneSayTheirShares() {
        int[] before = new int[ActivationHistogram.BINS];
        before[0] = 610;
        before[1] = 90;
        before[7] = 300;
        int[] after = new int[ActivationHistogram.BINS];
        after[0] = 500;
        after[3] = 300;
        after[19] = 200; // 150 of them 1 or above
        ComparisonRun r = new ComparisonRun(0, "std=0.01", TrainingConfig.book(1), ComparisonRun.Status.DONE,
                new double[0], List.of(), new ActivationHistogram(before, 0, 1000),
                new ActivationHistogram(after, 150, 1000), null, null);
        // the highest bin but the first: 0.3 (bin 7 before, bin 3 after; bin 19 holds 0.05 below 1), so a round 0.4
        assertEquals(0.4, ActivationHistograms.yMax(List.of(r)), 1e-12);
        assertEquals("↑ 61% → 50%", ActivationHistograms.cutFirstBin(r, 0.4));
        assertEquals("", ActivationHistograms.cutFirstBin(r, 1.0), "nothing cut, nothing written");
        assertEquals("≥ 1: 0% → 15%", ActivationHistograms.aboveOne(r));
        assertEquals(0.05, r.end().shareInRange(19), 1e-12);
    }

    @Test
    void panelsWrapIntoRowsWhereTheChartIsNarrow(FxRobot robot) {
        for (int k = 0; k < 7; k++) {
            runs.add(run(k, new ActivationHistogram(new int[ActivationHistogram.BINS], 0, 0)));
        }
        assertEquals(7, ActivationHistograms.perRow(7, 7 * 130 + 6 * 16));
        assertEquals(2, ActivationHistograms.perRow(7, 300));
        assertEquals(1, ActivationHistograms.perRow(7, 100), "never less than one");
        double wide = prefHeight(robot, 1200);
        double narrow = prefHeight(robot, 420);
        assertEquals(ActivationHistograms.ROW_HEIGHT, wide - 46, 1e-9, "one row of seven at 1200 px");
        assertEquals(4 * ActivationHistograms.ROW_HEIGHT, narrow - 46, 1e-9, "two a row at 420 px: four rows");
    }

    private double prefHeight(FxRobot robot, double width) {
        double[] h = new double[1];
        robot.interact(() -> h[0] = chart.prefHeight(width));
        return h[0];
    }

    private WritableImage snapshot(FxRobot robot) {
        WritableImage[] out = new WritableImage[1];
        robot.interact(() -> out[0] = chart.snapshot(null, null));
        WaitForAsyncUtils.waitForFxEvents();
        return out[0];
    }

    private static ChartCanvas.Plot whole(double width, double height) {
        Insets m = CompareCharts.LOOK.margin();
        return new ChartCanvas.Plot(m.getLeft(), m.getTop(), width - m.getLeft() - m.getRight(),
                height - m.getTop() - m.getBottom());
    }

    private static ComparisonRun run(int id, ActivationHistogram end) {
        return new ComparisonRun(id, "run " + id, TrainingConfig.book(1), ComparisonRun.Status.DONE, new double[0],
                List.of(), null, end, null, null);
    }

    private static boolean near(PixelReader reader, int x, int y, Color colour) {
        Color c = reader.getColor(x, y);
        // the bars are the run's colour at 55 % over the snapshot's white
        Color expected = Color.WHITE.interpolate(colour, 0.55);
        return Math.abs(c.getRed() - expected.getRed()) < 0.08 && Math.abs(c.getGreen() - expected.getGreen()) < 0.08
                && Math.abs(c.getBlue() - expected.getBlue()) < 0.08;
    }
}
