package com.backpropexplorer.ui.train;

import com.backpropexplorer.ui.chart.ChartCanvas;
import java.util.function.IntSupplier;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * The batch loss of every update (the book's figure 4-12), raw and smoothed. However many
 * updates there are, it draws at most one vertical stroke per pixel column for the raw values
 * (their min..max in that column) and one polyline point per column for the smoothed curve.
 */
final class LossChart extends ChartCanvas {
    /** The smoothed curve: the mean of the last this-many batch losses. */
    static final int WINDOW = 100;

    private final TrainingLog log;
    private final IntSupplier plannedEnd;
    private String rawName = "";
    private String smoothName = "";

    /**
     * @param plannedEnd the update the current run will end at (the x axis reaches that far)
     */
    LossChart(TrainingLog log, IntSupplier plannedEnd) {
        super(TrainingCharts.CHART_LOOK);
        this.log = log;
        this.plannedEnd = plannedEnd;
        setId("lossChart");
    }

    void setNames(String raw, String smooth) {
        rawName = raw;
        smoothName = smooth;
    }

    @Override
    protected void draw(GraphicsContext g, Plot p) {
        int n = log.size();
        double maxLoss = 0;
        for (int i = 0; i < n; i++) {
            maxLoss = Math.max(maxLoss, log.loss(i));
        }
        p.xMin = 0;
        p.xMax = Math.max(Math.max(n, plannedEnd.getAsInt()), 10);
        p.yMin = 0;
        p.yMax = niceCeil(Math.max(maxLoss, 0.5));
        axes(g, p, false);
        if (n == 0) {
            return;
        }
        Color raw = forward().deriveColor(0, 1, 1, 0.35);
        Color smooth = forward();
        int columns = (int) Math.ceil(p.w);
        double perColumn = p.xMax / p.w;
        g.setStroke(raw);
        g.setLineWidth(1);
        if (perColumn < 1) {
            g.beginPath();
            g.moveTo(p.px(0), p.py(log.loss(0)));
            for (int i = 1; i < n; i++) {
                g.lineTo(p.px(i), p.py(log.loss(i)));
            }
            g.stroke();
        } else {
            // min..max of the raw losses that fall in each pixel column
            int i = 0;
            for (int c = 0; c < columns && i < n; c++) {
                int end = (int) Math.min(n, Math.floor((c + 1) * perColumn));
                if (end <= i) {
                    continue;
                }
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (; i < end; i++) {
                    lo = Math.min(lo, log.loss(i));
                    hi = Math.max(hi, log.loss(i));
                }
                double x = p.x + c + 0.5;
                g.strokeLine(x, p.py(hi) - 0.5, x, p.py(lo) + 0.5);
            }
        }
        // trailing mean over WINDOW updates, one point per column (or per update when few)
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + log.loss(i);
        }
        g.setStroke(smooth);
        g.setLineWidth(2);
        g.beginPath();
        double step = Math.max(1, perColumn);
        boolean first = true;
        for (double at = 0; ; at += step) {
            int i = (int) Math.min(n - 1, Math.floor(at));
            int from = Math.max(0, i + 1 - WINDOW);
            double mean = (prefix[i + 1] - prefix[from]) / (i + 1 - from);
            if (first) {
                g.moveTo(p.px(i), p.py(mean));
                first = false;
            } else {
                g.lineTo(p.px(i), p.py(mean));
            }
            if (i == n - 1) {
                break;
            }
        }
        g.stroke();
        legend(g, p, new String[] {rawName, smoothName}, new Color[] {forward().deriveColor(0, 1, 1, 0.5), smooth},
                new boolean[] {false, false});
    }
}
