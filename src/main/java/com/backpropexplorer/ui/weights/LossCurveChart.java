package com.backpropexplorer.ui.weights;

import com.backpropexplorer.ui.chart.ChartCanvas;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * L as a function of one weight over the slider range (blue), the current point, and the
 * tangent there (orange) whose slope is the backprop gradient dL/dw: where the tangent and the
 * curve part, the gradient stops telling the whole story. Non-finite losses are left out
 * (the curve breaks there).
 */
public final class LossCurveChart extends ChartCanvas {
    /** The ring around the current point, in the background's colour so the point stands out on the curve. */
    private static final String POINT_RING = "-bpe-chart-point-ring";
    private LossCurve curve;
    private double pointX = Double.NaN;
    private double pointY = Double.NaN;
    private double slope = Double.NaN;
    private String tangentLabel = "";
    /** Where the tangent's label and the y axis' tick values were last drawn (for tests). */
    private Rectangle2D labelBox = Rectangle2D.EMPTY;
    private final List<Rectangle2D> tickBoxes = new ArrayList<>();

    public LossCurveChart() {
        super(WeightsPanel.CHART_LOOK, POINT_RING);
        setId("weights-curve");
    }

    /** Shows a new curve (or none). */
    public void setCurve(LossCurve curve) {
        this.curve = curve;
        redraw();
    }

    /** The current weight, its loss, and the backprop slope drawn as the tangent. */
    public void setPoint(double w, double loss, double slope) {
        this.pointX = w;
        this.pointY = loss;
        this.slope = slope;
        redraw();
    }

    public void setTangentLabel(String text) {
        this.tangentLabel = text;
        redraw();
    }

    /** The slope of the tangent drawn (tests compare it with the engine's gradient). */
    public double tangentSlope() {
        return slope;
    }

    public double pointX() {
        return pointX;
    }

    public double pointY() {
        return pointY;
    }

    public LossCurve curve() {
        return curve;
    }

    @Override
    protected void draw(GraphicsContext g, Plot p) {
        g.setStroke(gridLine());
        g.setLineWidth(1);
        g.strokeRect(p.x + 0.5, p.y + 0.5, p.w, p.h);
        if (curve == null || curve.values().length < 2) {
            return;
        }
        double[] xs = curve.values();
        double[] ls = curve.losses();
        p.xMin = xs[0];
        p.xMax = xs[xs.length - 1];
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (double l : ls) {
            if (Double.isFinite(l)) {
                minY = Math.min(minY, l);
                maxY = Math.max(maxY, l);
            }
        }
        if (Double.isFinite(pointY)) {
            minY = Math.min(minY, pointY);
            maxY = Math.max(maxY, pointY);
        }
        if (!Double.isFinite(minY)) {
            return; // nothing finite to draw
        }
        if (maxY - minY < 1e-12) {
            maxY = minY + 1e-6;
            minY -= 1e-6;
        }
        double pad = (maxY - minY) * 0.08;
        p.yMin = minY - pad;
        p.yMax = maxY + pad;

        // axes' end values
        xAxisEnds(g, p, WeightsText.tick(p.xMin), WeightsText.tick(p.xMax));
        g.setTextBaseline(VPos.CENTER);
        tickBoxes.clear();
        for (double tick : new double[] {p.yMax - pad, p.yMin + pad}) {
            String text = WeightsText.tick(tick);
            g.fillText(text, p.x - 4, p.py(tick));
            double w = width(g.getFont(), text);
            double h = g.getFont().getSize() * 1.3;
            tickBoxes.add(new Rectangle2D(p.x - 4 - w, p.py(tick) - h / 2, w, h));
        }

        g.save();
        g.beginPath();
        g.rect(p.x, p.y, p.w, p.h);
        g.clip();
        // the curve, broken where the loss is not a number
        g.setStroke(forward());
        g.setLineWidth(2);
        boolean drawing = false;
        g.beginPath();
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isFinite(ls[i])) {
                drawing = false;
                continue;
            }
            double cx = p.px(xs[i]);
            double cy = p.py(ls[i]);
            if (drawing) {
                g.lineTo(cx, cy);
            } else {
                g.moveTo(cx, cy);
                drawing = true;
            }
        }
        g.stroke();
        // the tangent at the current point, a third of the range wide
        if (Double.isFinite(pointX) && Double.isFinite(pointY) && Double.isFinite(slope)) {
            double half = (p.xMax - p.xMin) / 6;
            g.setStroke(backward());
            g.setLineWidth(2);
            g.strokeLine(p.px(pointX - half), p.py(pointY - slope * half),
                    p.px(pointX + half), p.py(pointY + slope * half));
        }
        if (Double.isFinite(pointX) && Double.isFinite(pointY)) {
            double cx = p.px(pointX);
            double cy = p.py(pointY);
            g.setFill(forward());
            g.fillOval(cx - 5, cy - 5, 10, 10);
            g.setStroke(colour(POINT_RING));
            g.setLineWidth(1.5);
            g.strokeOval(cx - 5, cy - 5, 10, 10);
        }
        g.restore();
        labelBox = Rectangle2D.EMPTY;
        if (!tangentLabel.isEmpty()) {
            g.save();
            g.setFill(backward());
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.TOP);
            // inside the plot, right-aligned: a label wider than the plot would run over the y
            // axis' tick values, so it is set smaller until it fits
            Font font = g.getFont();
            double w = width(font, tangentLabel);
            double room = p.w - 8;
            if (w > room) {
                font = Font.font(font.getFamily(), font.getSize() * room / w);
                g.setFont(font);
                w = width(font, tangentLabel);
            }
            g.fillText(tangentLabel, p.x + p.w - 4, p.y + 4);
            labelBox = new Rectangle2D(p.x + p.w - 4 - w, p.y + 4, w, font.getSize() * 1.3);
            g.restore();
        }
    }

    private static double width(Font font, String text) {
        Text probe = new Text(text);
        probe.setFont(font);
        return probe.getLayoutBounds().getWidth();
    }

    /** Where the tangent's label was last drawn, in the canvas (empty when none was). */
    public Rectangle2D tangentLabelBox() {
        return labelBox;
    }

    /** Where the y axis' two tick values were last drawn, in the canvas. */
    public List<Rectangle2D> yTickBoxes() {
        return List.copyOf(tickBoxes);
    }
}
