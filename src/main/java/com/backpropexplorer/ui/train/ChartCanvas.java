package com.backpropexplorer.ui.train;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A chart drawn on one Canvas: a fixed number of draw calls however long the log grows, so a
 * chart never holds thousands of nodes. Subclasses draw their series; this class lays out the
 * plot area, the axes with round tick values, and the legend. Redraws only when asked
 * ({@link #redraw()}: once per batch of training news) or resized.
 */
abstract class ChartCanvas extends Region {
    static final Color FORWARD = com.backpropexplorer.ui.graph.Flow.FORWARD.color();
    static final Color FORWARD_DARK = Color.web("#4493f8");
    static final Color SECOND = Color.web("#8250df");
    static final Color SECOND_DARK = Color.web("#a371f7");
    private static final Insets MARGIN = new Insets(12, 26, 34, 58); // right: room for half of "10,000"

    private final Canvas canvas = new Canvas();
    private boolean dark;
    private Font font = Font.font(11);
    private String xTitle = "";
    private String yTitle = "";
    private int redraws;

    ChartCanvas() {
        getChildren().add(canvas);
        getStyleClass().add("chart-canvas");
        setMinSize(220, 150);
        setPrefSize(420, 230);
    }

    void setDark(boolean value) {
        dark = value;
        redraw();
    }

    boolean isDark() {
        return dark;
    }

    /** The family of the labels around the chart, so Japanese axis titles get a CJK font. */
    void setFontFamily(String family) {
        font = Font.font(family, 11);
        redraw();
    }

    void setTitles(String x, String y) {
        xTitle = x;
        yTitle = y;
    }

    /** How many times the chart has been drawn (tests check that charts are not redrawn needlessly). */
    int redraws() {
        return redraws;
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth() - snappedLeftInset() - snappedRightInset());
        double h = snapSizeY(getHeight() - snappedTopInset() - snappedBottomInset());
        canvas.relocate(snappedLeftInset(), snappedTopInset());
        if (w != canvas.getWidth() || h != canvas.getHeight()) {
            canvas.setWidth(Math.max(0, w));
            canvas.setHeight(Math.max(0, h));
            redraw();
        }
    }

    /** Draws the chart again from the current data. */
    final void redraw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (w < 60 || h < 60) {
            return;
        }
        redraws++;
        g.setFont(font);
        Plot plot = new Plot(MARGIN.getLeft(), MARGIN.getTop(), w - MARGIN.getLeft() - MARGIN.getRight(),
                h - MARGIN.getTop() - MARGIN.getBottom());
        draw(g, plot);
    }

    /** Draws the axes (via {@link #axes}) and the series into {@code plot}. */
    abstract void draw(GraphicsContext g, Plot plot);

    Color text() {
        return dark ? Color.web("#c9d1d9") : Color.web("#424a53");
    }

    Color grid() {
        return dark ? Color.web("#30363d") : Color.web("#d8dee4");
    }

    Color forward() {
        return dark ? FORWARD_DARK : FORWARD;
    }

    Color second() {
        return dark ? SECOND_DARK : SECOND;
    }

    /** The plot rectangle and its value ranges. */
    static final class Plot {
        final double x;
        final double y;
        final double w;
        final double h;
        double xMin;
        double xMax = 1;
        double yMin;
        double yMax = 1;

        Plot(double x, double y, double w, double h) {
            this.x = x;
            this.y = y;
            this.w = w;
            this.h = h;
        }

        double px(double value) {
            return x + (value - xMin) / (xMax - xMin) * w;
        }

        double py(double value) {
            return y + h - (value - yMin) / (yMax - yMin) * h;
        }
    }

    /** Grid lines, tick values and axis titles for the plot's ranges. */
    void axes(GraphicsContext g, Plot p, boolean percentY) {
        g.setLineWidth(1);
        g.setFill(text());
        double yStep = niceStep(p.yMax - p.yMin, Math.max(2, (int) (p.h / 40)));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double v = Math.ceil(p.yMin / yStep) * yStep; v <= p.yMax + yStep * 1e-9; v += yStep) {
            double y = Math.round(p.py(v)) + 0.5;
            g.setStroke(grid());
            g.strokeLine(p.x, y, p.x + p.w, y);
            g.fillText(percentY ? String.format(Locale.ROOT, "%.0f%%", v * 100) : format(v, yStep), p.x - 6, y);
        }
        double xStep = niceStep(p.xMax - p.xMin, Math.max(2, (int) (p.w / 70)));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double v = Math.ceil(p.xMin / xStep) * xStep; v <= p.xMax + xStep * 1e-9; v += xStep) {
            double x = Math.round(p.px(v)) + 0.5;
            g.setStroke(grid());
            g.strokeLine(x, p.y, x, p.y + p.h);
            g.fillText(format(v, xStep), x, p.y + p.h + 4);
        }
        g.setStroke(text());
        g.strokeLine(p.x + 0.5, p.y, p.x + 0.5, p.y + p.h + 0.5);
        g.strokeLine(p.x, p.y + p.h + 0.5, p.x + p.w, p.y + p.h + 0.5);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(xTitle, p.x + p.w, p.y + p.h + 32);
        g.save();
        g.translate(10, p.y);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(yTitle, 0, 0);
        g.restore();
    }

    /** One legend entry a line, in the top right corner of the plot. */
    void legend(GraphicsContext g, Plot p, String[] names, Color[] colors, boolean[] dashed) {
        legend(g, p, names, colors, dashed, false);
    }

    /** The legend in the top or (where the data is high, as accuracies are) bottom right corner. */
    void legend(GraphicsContext g, Plot p, String[] names, Color[] colors, boolean[] dashed, boolean bottom) {
        double width = 0;
        for (String name : names) {
            width = Math.max(width, textWidth(name));
        }
        double x = p.x + p.w - width - 34;
        double y = bottom ? p.y + p.h - names.length * 16 - 8 : p.y + 6;
        g.setFill(dark ? Color.rgb(13, 17, 23, 0.8) : Color.rgb(255, 255, 255, 0.85));
        g.fillRect(x - 6, y - 2, width + 38, names.length * 16 + 4);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < names.length; i++) {
            double cy = y + 8 + i * 16;
            g.setStroke(colors[i]);
            g.setLineWidth(2);
            g.setLineDashes(dashed[i] ? new double[] {5, 3} : null);
            g.strokeLine(x, cy, x + 22, cy);
            g.setLineDashes((double[]) null);
            g.setFill(text());
            g.fillText(names[i], x + 28, cy);
        }
    }

    private double textWidth(String s) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    /** A round step (1, 2 or 5 times a power of ten) giving about {@code count} ticks. */
    static double niceStep(double range, int count) {
        if (!(range > 0)) {
            return 1;
        }
        double raw = range / count;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / magnitude;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * magnitude;
    }

    /** The smallest round value at or above {@code v}. */
    static double niceCeil(double v) {
        if (!(v > 0)) {
            return 1;
        }
        double step = niceStep(v, 5);
        return Math.ceil(v / step - 1e-9) * step;
    }

    private static String format(double v, double step) {
        if (Math.abs(v) >= 10_000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step) - 1e-9);
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
