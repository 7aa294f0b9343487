package com.backpropexplorer.ui.compare;

import com.backpropexplorer.explain.ActivationHistogram;
import com.backpropexplorer.ui.chart.ChartCanvas;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * The hidden activations of book §6.2, one small histogram per configuration: the x axis is the
 * activation value over [0, 1] in {@link ActivationHistogram#BINS} bins, the y axis the share of
 * all activations (samples × hidden units); before training as an outline, after it filled. Our
 * net has one hidden layer (Relu1, or Sigmoid1), so a configuration has one histogram where the
 * book's five-layer net has five. As in the book's figures, whose y axis stops short of the tall
 * bar of ReLU's zeros, the y axis is scaled to the bins above the first: a first bin taller than
 * that is cut at the top and its share written beside it. Activations of 1 and above (a ReLU's
 * can be) are in no bin: their share is written in the top right corner. Panels wrap into rows
 * where the chart is narrow.
 */
final class ActivationHistograms extends ChartCanvas {
    /** A panel is never narrower than this: more configurations wrap into another row. */
    static final double MIN_PANEL_WIDTH = 130;
    /** The height of a row of panels, with its title and tick values. */
    static final double ROW_HEIGHT = 150;
    private static final double TITLE = 16;
    private static final double TICKS = 18;
    private static final double GAP = 16;

    private final Supplier<List<ComparisonRun>> runs;
    private String xTitle = "";
    private String yTitle = "";

    ActivationHistograms(Supplier<List<ComparisonRun>> runs) {
        super(CompareCharts.LOOK);
        this.runs = runs;
        setId("compareHistograms");
    }

    @Override
    public void setTitles(String x, String y) {
        super.setTitles(x, y);
        xTitle = x;
        yTitle = y;
    }

    /** How many panels of {@code panels} go in one row of a plot {@code width} wide. */
    static int perRow(int panels, double width) {
        int fit = (int) ((width + GAP) / (MIN_PANEL_WIDTH + GAP));
        return Math.max(1, Math.min(Math.max(1, panels), fit));
    }

    /** Panel {@code k} of {@code n} inside {@code whole}: x from 0 to 1 (activation), y from 0 to {@code yMax} (share). */
    static Plot panel(Plot whole, int k, int n, double yMax) {
        int columns = perRow(n, whole.w);
        int rows = (Math.max(1, n) + columns - 1) / columns;
        double width = (whole.w - (columns - 1) * GAP) / columns;
        double rowHeight = whole.h / rows;
        Plot p = new Plot(whole.x + (k % columns) * (width + GAP), whole.y + (k / columns) * rowHeight + TITLE, width,
                Math.max(10, rowHeight - TITLE - TICKS));
        p.xMin = 0;
        p.xMax = 1;
        p.yMin = 0;
        p.yMax = yMax;
        return p;
    }

    /** The top of the y axis: a round share above every bin but the first, of every histogram shown. */
    static double yMax(List<ComparisonRun> all) {
        double top = 0;
        for (ComparisonRun r : all) {
            for (ActivationHistogram h : new ActivationHistogram[] {r.start(), r.end()}) {
                for (int b = 1; h != null && b < ActivationHistogram.BINS; b++) {
                    top = Math.max(top, h.shareInRange(b));
                }
            }
        }
        return Math.min(1, niceCeil(Math.max(0.01, top * 1.15)));
    }

    /** Its height follows its width: narrower, the panels wrap into more rows. */
    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefHeight(double width) {
        double w = width > 0 ? width : getWidth() > 0 ? getWidth() : computePrefWidth(-1);
        int n = Math.max(1, runs.get().size());
        double plotWidth = w - CompareCharts.LOOK.margin().getLeft() - CompareCharts.LOOK.margin().getRight();
        int rows = (n + perRow(n, plotWidth) - 1) / perRow(n, plotWidth);
        return CompareCharts.LOOK.margin().getTop() + CompareCharts.LOOK.margin().getBottom() + rows * ROW_HEIGHT;
    }

    @Override
    protected void draw(GraphicsContext g, Plot whole) {
        List<ComparisonRun> all = runs.get();
        int n = Math.max(1, all.size());
        double yMax = yMax(all);
        int columns = perRow(n, whole.w);
        for (int k = 0; k < n; k++) {
            Plot p = panel(whole, k, n, yMax);
            frame(g, p, k % columns == 0);
            if (k < all.size()) {
                bars(g, p, all.get(k));
            }
        }
        g.setFill(text());
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(xTitle, whole.x + whole.w, whole.y + whole.h + 30);
        g.save();
        g.translate(10, whole.y + TITLE);
        g.rotate(-90);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(yTitle, 0, 0);
        g.restore();
    }

    /** Grid, frame and tick values of one panel: activation values under it, shares left of the first of a row. */
    private void frame(GraphicsContext g, Plot p, boolean shares) {
        g.setLineWidth(1);
        g.setFill(text());
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        for (double v : new double[] {0, p.yMax / 2, p.yMax}) {
            double y = Math.round(p.py(v)) + 0.5;
            g.setStroke(gridLine());
            g.strokeLine(p.x, y, p.x + p.w, y);
            if (shares) {
                g.fillText(percent(v, p.yMax), p.x - 6, y);
            }
        }
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        for (double v : new double[] {0, 0.5, 1}) {
            double x = Math.round(p.px(v)) + 0.5;
            g.setStroke(gridLine());
            g.strokeLine(x, p.y, x, p.y + p.h);
            g.fillText(v == 0.5 ? "0.5" : Integer.toString((int) v), x, p.y + p.h + 3);
        }
        g.setStroke(text());
        g.strokeLine(p.x + 0.5, p.y, p.x + 0.5, p.y + p.h + 0.5);
        g.strokeLine(p.x, p.y + p.h + 0.5, p.x + p.w, p.y + p.h + 0.5);
    }

    private void bars(GraphicsContext g, Plot p, ComparisonRun r) {
        Color c = CompareCharts.colour(r.id());
        if (r.end() != null) {
            g.setFill(c.deriveColor(0, 1, 1, 0.55));
            for (int b = 0; b < ActivationHistogram.BINS; b++) {
                double top = p.py(Math.min(r.end().shareInRange(b), p.yMax));
                g.fillRect(left(p, b), top, width(p, b), p.y + p.h - top);
            }
        }
        if (r.start() != null) {
            g.setStroke(c);
            g.setLineWidth(1.5);
            for (int b = 0; b < ActivationHistogram.BINS; b++) {
                double top = p.py(Math.min(r.start().shareInRange(b), p.yMax));
                g.strokeRect(left(p, b), top, width(p, b), p.y + p.h - top);
            }
        }
        g.setFill(text());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(r.label(), p.x, p.y - 3, p.w);
        g.setTextBaseline(VPos.TOP);
        String cut = cutFirstBin(r, p.yMax);
        if (!cut.isEmpty()) {
            g.fillText(cut, left(p, 1) + 2, p.y + 2, p.w - (left(p, 1) - p.x) - 4);
        }
        String above = aboveOne(r);
        if (!above.isEmpty()) {
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(above, p.x + p.w - 2, p.y + 16, p.w - 4);
        }
    }

    /** "≥ 1: 35% → 38%": the share of activations of 1 and above before and after training, or empty where there are none. */
    static String aboveOne(ComparisonRun r) {
        double before = r.start() == null ? 0 : r.start().overflowShare();
        double after = r.end() == null ? 0 : r.end().overflowShare();
        if (before == 0 && after == 0) {
            return "";
        }
        String b = String.format(Locale.ROOT, "%.0f%%", before * 100);
        return r.end() == null ? "≥ 1: " + b : "≥ 1: " + b + " → " + String.format(Locale.ROOT, "%.0f%%", after * 100);
    }

    /** "61% → 50%": the first bin's share before and after training where it is above the axis, else empty. */
    static String cutFirstBin(ComparisonRun r, double yMax) {
        double before = r.start() == null ? 0 : r.start().shareInRange(0);
        double after = r.end() == null ? 0 : r.end().shareInRange(0);
        if (Math.max(before, after) <= yMax) {
            return "";
        }
        String b = String.format(Locale.ROOT, "%.0f%%", before * 100);
        return r.end() == null ? "↑ " + b : "↑ " + b + " → " + String.format(Locale.ROOT, "%.0f%%", after * 100);
    }

    /** The left edge of bin {@code b}: the activation value b / BINS on the panel's x axis. */
    static double left(Plot p, int b) {
        return p.px((double) b / ActivationHistogram.BINS);
    }

    private static double width(Plot p, int b) {
        return Math.max(1, p.px((double) (b + 1) / ActivationHistogram.BINS) - left(p, b) - 1);
    }

    private static String percent(double v, double max) {
        return String.format(Locale.ROOT, max < 0.1 ? "%.1f%%" : "%.0f%%", v * 100);
    }
}
