package com.backpropexplorer.ui.chart;

import com.backpropexplorer.ui.LookedUpColors;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Stream;
import javafx.geometry.Dimension2D;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * A chart drawn on one Canvas that fills the region: a fixed number of draw calls however much
 * data there is, so a chart never holds thousands of nodes. Subclasses draw their data into the
 * plot rectangle; this class sizes the canvas, lays out the plot rectangle inside the margins,
 * draws axes with round tick values and legends. Redraws only when asked ({@link #redraw()}),
 * resized, or when the CSS gives its colours new values (a theme switch). The training page's
 * charts and the weights panel's differ in size and margins, each page says how in a
 * {@link Look}, and in greys, which the CSS says by the look's style class.
 *
 * <p>Colours are looked-up colours of the CSS (app.css), resolved where the chart is
 * ({@link LookedUpColors}): the text and grid lines, the legend's backdrop, the forward and the
 * backward colour, and whichever more a subclass names.
 */
public abstract class ChartCanvas extends Region {
    private static final String TEXT = "-bpe-chart-text";
    private static final String GRID_LINE = "-bpe-chart-grid";
    private static final String LEGEND = "-bpe-chart-legend";
    private static final String FORWARD = "-bpe-forward";
    private static final String BACKWARD = "-bpe-backward";

    /**
     * What a page's charts look like.
     *
     * @param styleClass the region's CSS style class
     * @param margin the room around the plot rectangle, for tick values and axis titles
     * @param minSize the region's minimum size
     * @param prefSize the region's preferred size
     * @param smallest a canvas narrower or lower than this stays blank
     * @param wholePixels the canvas is rounded down to whole pixels rather than snapped to the
     *     screen's pixel grid (which is finer on a scaled screen)
     */
    public record Look(String styleClass, Insets margin, Dimension2D minSize, Dimension2D prefSize, double smallest,
                       boolean wholePixels) {
    }

    private final Canvas canvas = new Canvas();
    private final Look look;
    private final LookedUpColors colours;
    private Font font = Font.font(11);
    private String xTitle = "";
    private String yTitle = "";
    private int redraws;

    /** @param moreColours looked-up colours the subclass draws with, besides the text, grid, forward and backward */
    protected ChartCanvas(Look look, String... moreColours) {
        this.look = look;
        colours = new LookedUpColors(Stream.concat(Stream.of(TEXT, GRID_LINE, LEGEND, FORWARD, BACKWARD),
                Arrays.stream(moreColours)).toArray(String[]::new));
        colours.onChange(this::redraw);
        getChildren().addAll(canvas, colours.probe());
        getStyleClass().add(look.styleClass());
        setMinSize(look.minSize().getWidth(), look.minSize().getHeight());
    }

    /** The family of the labels around the chart, so Japanese axis titles get a CJK font. */
    public void setFontFamily(String family) {
        font = Font.font(family, 11);
        redraw();
    }

    /** The axis titles {@link #axes} draws. */
    public void setTitles(String x, String y) {
        xTitle = x;
        yTitle = y;
    }

    /** How many times the chart has been drawn (tests check that charts are not redrawn needlessly). */
    public int redraws() {
        return redraws;
    }

    @Override
    protected void layoutChildren() {
        double roomW = getWidth() - snappedLeftInset() - snappedRightInset();
        double roomH = getHeight() - snappedTopInset() - snappedBottomInset();
        double w = look.wholePixels() ? Math.floor(roomW) : snapSizeX(roomW);
        double h = look.wholePixels() ? Math.floor(roomH) : snapSizeY(roomH);
        canvas.relocate(snappedLeftInset(), snappedTopInset());
        if (w != canvas.getWidth() || h != canvas.getHeight()) {
            canvas.setWidth(Math.max(0, w));
            canvas.setHeight(Math.max(0, h));
            redraw();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return look.prefSize().getWidth();
    }

    @Override
    protected double computePrefHeight(double width) {
        return look.prefSize().getHeight();
    }

    /** Draws the chart again from the current data. */
    public final void redraw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (w < look.smallest() || h < look.smallest()) {
            return;
        }
        redraws++;
        g.setFont(font);
        Insets m = look.margin();
        draw(g, new Plot(m.getLeft(), m.getTop(), w - m.getLeft() - m.getRight(), h - m.getTop() - m.getBottom()));
    }

    /** Draws the data, and the axes (via {@link #axes} or {@link #xAxisEnds}), into {@code plot}. */
    protected abstract void draw(GraphicsContext g, Plot plot);

    /** The colour the CSS gives a looked-up colour named in the constructor, where the chart is. */
    protected Color colour(String name) {
        return colours.get(name);
    }

    protected Color text() {
        return colour(TEXT);
    }

    protected Color gridLine() {
        return colour(GRID_LINE);
    }

    protected Color forward() {
        return colour(FORWARD);
    }

    protected Color backward() {
        return colour(BACKWARD);
    }

    /** The plot rectangle and its value ranges. */
    public static final class Plot {
        public final double x;
        public final double y;
        public final double w;
        public final double h;
        public double xMin;
        public double xMax = 1;
        public double yMin;
        public double yMax = 1;

        public Plot(double x, double y, double w, double h) {
            this.x = x;
            this.y = y;
            this.w = w;
            this.h = h;
        }

        public double px(double value) {
            return x + (value - xMin) / (xMax - xMin) * w;
        }

        public double py(double value) {
            return y + h - (value - yMin) / (yMax - yMin) * h;
        }
    }

    /** Grid lines, tick values and axis titles for the plot's ranges. */
    protected void axes(GraphicsContext g, Plot p, boolean percentY) {
        g.setLineWidth(1);
        g.setFill(text());
        double yStep = niceStep(p.yMax - p.yMin, Math.max(2, (int) (p.h / 40)));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double v = Math.ceil(p.yMin / yStep) * yStep; v <= p.yMax + yStep * 1e-9; v += yStep) {
            double y = Math.round(p.py(v)) + 0.5;
            g.setStroke(gridLine());
            g.strokeLine(p.x, y, p.x + p.w, y);
            g.fillText(percentY ? String.format(Locale.ROOT, "%.0f%%", v * 100) : format(v, yStep), p.x - 6, y);
        }
        double xStep = niceStep(p.xMax - p.xMin, Math.max(2, (int) (p.w / 70)));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double v = Math.ceil(p.xMin / xStep) * xStep; v <= p.xMax + xStep * 1e-9; v += xStep) {
            double x = Math.round(p.px(v)) + 0.5;
            g.setStroke(gridLine());
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

    /** Only the first and the last value of the x axis, under its ends: for charts too small for ticks. */
    protected void xAxisEnds(GraphicsContext g, Plot p, String first, String last) {
        g.setFill(text());
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(first, p.x, p.y + p.h + 4);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(last, p.x + p.w, p.y + p.h + 4);
    }

    /** One legend entry a line, in the top right corner of the plot. */
    protected void legend(GraphicsContext g, Plot p, String[] names, Color[] colors, boolean[] dashed) {
        legend(g, p, names, colors, dashed, false);
    }

    /** The legend in the top or (where the data is high, as accuracies are) bottom right corner. */
    protected void legend(GraphicsContext g, Plot p, String[] names, Color[] colors, boolean[] dashed,
                          boolean bottom) {
        double width = 0;
        for (String name : names) {
            width = Math.max(width, textWidth(name));
        }
        double x = p.x + p.w - width - 34;
        double y = bottom ? p.y + p.h - names.length * 16 - 8 : p.y + 6;
        g.setFill(colour(LEGEND));
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
        Text t = new Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    /** The smallest round value at or above {@code v}. */
    protected static double niceCeil(double v) {
        if (!(v > 0)) {
            return 1;
        }
        double step = niceStep(v, 5);
        return Math.ceil(v / step - 1e-9) * step;
    }

    /** A round step (1, 2 or 5 times a power of ten) giving about {@code count} ticks. */
    private static double niceStep(double range, int count) {
        if (!(range > 0)) {
            return 1;
        }
        double raw = range / count;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / magnitude;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * magnitude;
    }

    private static String format(double v, double step) {
        if (Math.abs(v) >= 10_000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step) - 1e-9);
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
