package com.backpropexplorer.ui.weights;

import com.backpropexplorer.ui.chart.ChartCanvas;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * The loss over two weights as a coloured field with isolines (dark is low), the current point
 * and the downhill direction −∇L = −(dL/da, dL/db) from backprop as an arrow. The colour scale
 * is the square root of the loss above its minimum, so the valley floor keeps some contrast.
 * Cells whose loss is not finite are grey.
 */
public final class ContourMap extends ChartCanvas {
    private static final int LEVELS = 12;
    /** The field's colours in app.css from low to high, and for a loss that is not finite. */
    private static final String[] PALETTE = {"-bpe-contour-0", "-bpe-contour-1", "-bpe-contour-2", "-bpe-contour-3",
        "-bpe-contour-4"};
    private static final String NOT_FINITE = "-bpe-contour-none";
    private static final String ISOLINE = "-bpe-contour-isoline";
    /** The current point's dot and ring, and the label beside the downhill arrow. */
    private static final String POINT = "-bpe-contour-point";
    private static final String POINT_RING = "-bpe-contour-point-ring";
    private static final String LABEL = "-bpe-contour-label";

    private LossGrid grid;
    private double a = Double.NaN;
    private double b = Double.NaN;
    private double ga = Double.NaN;
    private double gb = Double.NaN;
    private String arrowLabel = "−∇L";

    public ContourMap() {
        super(WeightsPanel.CHART_LOOK, PALETTE[0], PALETTE[1], PALETTE[2], PALETTE[3], PALETTE[4], NOT_FINITE, ISOLINE,
                POINT, POINT_RING, LABEL);
        setId("weights-contour");
    }

    public void setGrid(LossGrid grid) {
        this.grid = grid;
        redraw();
    }

    /** The current point (a, b) and the backprop gradient there. */
    public void setPoint(double a, double b, double ga, double gb) {
        this.a = a;
        this.b = b;
        this.ga = ga;
        this.gb = gb;
        redraw();
    }

    public void setArrowLabel(String text) {
        this.arrowLabel = text;
        redraw();
    }

    public LossGrid grid() {
        return grid;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 230;
    }

    @Override
    protected void draw(GraphicsContext g, Plot p) {
        double x0 = p.x;
        double x1 = p.x + p.w;
        double y0 = p.y;
        double y1 = p.y + p.h;
        g.setStroke(gridLine());
        g.strokeRect(x0 + 0.5, y0 + 0.5, x1 - x0, y1 - y0);
        if (grid == null) {
            return;
        }
        double[] av = grid.aValues();
        double[] bv = grid.bValues();
        double[][] l = grid.losses();
        int na = av.length;
        int nb = bv.length;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : l) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        double cw = (x1 - x0) / (na - 1);
        double ch = (y1 - y0) / (nb - 1);
        double span = max > min ? max - min : 1;
        double[][] t = new double[na][nb];
        for (int i = 0; i < na; i++) {
            for (int j = 0; j < nb; j++) {
                t[i][j] = Double.isFinite(l[i][j]) ? Math.sqrt((l[i][j] - min) / span) : Double.NaN;
            }
        }
        // the field: one rectangle per grid point, centred on it
        for (int i = 0; i < na; i++) {
            for (int j = 0; j < nb; j++) {
                g.setFill(Double.isNaN(t[i][j]) ? colour(NOT_FINITE) : fieldColour(t[i][j]));
                double cx = x0 + i * cw;
                double cy = y1 - j * ch;
                double left = Math.max(x0, cx - cw / 2);
                double top = Math.max(y0, cy - ch / 2);
                double right = Math.min(x1, cx + cw / 2);
                double bottom = Math.min(y1, cy + ch / 2);
                g.fillRect(left, top, right - left + 0.6, bottom - top + 0.6);
            }
        }
        // isolines by marching squares
        g.setStroke(colour(ISOLINE));
        g.setLineWidth(1);
        for (int k = 1; k < LEVELS; k++) {
            double level = (double) k / LEVELS;
            for (int i = 0; i < na - 1; i++) {
                for (int j = 0; j < nb - 1; j++) {
                    isoline(g, t, i, j, level, x0, y1, cw, ch);
                }
            }
        }
        // axes: a across, b up
        xAxisEnds(g, p, WeightsText.tick(av[0]), WeightsText.tick(av[na - 1]));
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(grid.a().toString(), (x0 + x1) / 2, y1 + 4);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(WeightsText.tick(bv[nb - 1]), x0 - 4, y0 + 12);
        g.setTextBaseline(VPos.TOP);
        g.fillText(WeightsText.tick(bv[0]), x0 - 4, y1 - 12);
        // b's name along the left edge, read bottom to top
        g.save();
        g.translate(12, (y0 + y1) / 2);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(grid.b().toString(), 0, 0);
        g.restore();

        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            return;
        }
        p.xMin = av[0];
        p.xMax = av[na - 1];
        p.yMin = bv[0];
        p.yMax = bv[nb - 1];
        double px = p.px(a);
        double py = p.py(b);
        g.save();
        g.beginPath();
        g.rect(x0, y0, x1 - x0, y1 - y0);
        g.clip();
        if (Double.isFinite(ga) && Double.isFinite(gb) && (ga != 0 || gb != 0)) {
            // −∇L in data units, drawn in screen units of the same axes, 36 px long
            double dx = -ga / (av[na - 1] - av[0]) * (x1 - x0);
            double dy = gb / (bv[nb - 1] - bv[0]) * (y1 - y0);
            double len = Math.hypot(dx, dy);
            dx = dx / len * 36;
            dy = dy / len * 36;
            g.setStroke(backward());
            g.setFill(backward());
            g.setLineWidth(2.5);
            g.strokeLine(px, py, px + dx, py + dy);
            double angle = Math.atan2(dy, dx);
            double hx = px + dx;
            double hy = py + dy;
            g.fillPolygon(new double[] {hx, hx - 9 * Math.cos(angle - 0.45), hx - 9 * Math.cos(angle + 0.45)},
                    new double[] {hy, hy - 9 * Math.sin(angle - 0.45), hy - 9 * Math.sin(angle + 0.45)}, 3);
            // the label beside the arrow's head, on whichever side has room
            boolean right = hx + 40 < x1 || hx - 40 < x0;
            g.setTextAlign(right ? TextAlignment.LEFT : TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            g.setFont(javafx.scene.text.Font.font(null, javafx.scene.text.FontWeight.BOLD, 12));
            g.setFill(colour(LABEL));
            g.fillText(arrowLabel, hx + (right ? 6 : -6), Math.max(y0 + 8, Math.min(y1 - 8, hy + (dy >= 0 ? 10 : -10))));
        }
        g.setFill(colour(POINT));
        g.fillOval(px - 5, py - 5, 10, 10);
        g.setStroke(colour(POINT_RING));
        g.setLineWidth(1.5);
        g.strokeOval(px - 5, py - 5, 10, 10);
        g.restore();
    }

    private Color fieldColour(double t) {
        double s = Math.max(0, Math.min(1, t)) * (PALETTE.length - 1);
        int k = (int) Math.min(PALETTE.length - 2, Math.floor(s));
        return colour(PALETTE[k]).interpolate(colour(PALETTE[k + 1]), s - k);
    }

    private static void isoline(GraphicsContext g, double[][] t, int i, int j, double level, double x0, double y1,
                                double cw, double ch) {
        double v00 = t[i][j];
        double v10 = t[i + 1][j];
        double v11 = t[i + 1][j + 1];
        double v01 = t[i][j + 1];
        if (Double.isNaN(v00) || Double.isNaN(v10) || Double.isNaN(v11) || Double.isNaN(v01)) {
            return;
        }
        double[] xs = new double[4];
        double[] ys = new double[4];
        int n = 0;
        // edges: bottom (00-10), right (10-11), top (11-01), left (01-00)
        double[][] corners = {{i, j, v00}, {i + 1, j, v10}, {i + 1, j + 1, v11}, {i, j + 1, v01}};
        for (int e = 0; e < 4; e++) {
            double[] p = corners[e];
            double[] q = corners[(e + 1) % 4];
            if ((p[2] < level) != (q[2] < level)) {
                double f = (level - p[2]) / (q[2] - p[2]);
                xs[n] = x0 + (p[0] + f * (q[0] - p[0])) * cw;
                ys[n] = y1 - (p[1] + f * (q[1] - p[1])) * ch;
                n++;
            }
        }
        if (n >= 2) {
            g.strokeLine(xs[0], ys[0], xs[1], ys[1]);
        }
        if (n == 4) {
            g.strokeLine(xs[2], ys[2], xs[3], ys[3]);
        }
    }
}
