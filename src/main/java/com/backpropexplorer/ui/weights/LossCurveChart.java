package com.backpropexplorer.ui.weights;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/**
 * L as a function of one weight over the slider range (blue), the current point, and the
 * tangent there (orange) whose slope is the backprop gradient dL/dw: where the tangent and the
 * curve part, the gradient stops telling the whole story. Non-finite losses are left out
 * (the curve breaks there).
 */
public final class LossCurveChart extends ChartCanvas {
    private static final double LEFT = 48;
    private static final double RIGHT = 10;
    private static final double TOP = 10;
    private static final double BOTTOM = 22;

    private LossCurve curve;
    private double pointX = Double.NaN;
    private double pointY = Double.NaN;
    private double slope = Double.NaN;
    private String tangentLabel = "";

    public LossCurveChart() {
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
    void draw(GraphicsContext g, double w, double h) {
        double x0 = LEFT;
        double x1 = w - RIGHT;
        double y0 = TOP;
        double y1 = h - BOTTOM;
        g.setStroke(gridLine());
        g.setLineWidth(1);
        g.strokeRect(x0 + 0.5, y0 + 0.5, x1 - x0, y1 - y0);
        if (curve == null || curve.values().length < 2) {
            return;
        }
        double[] xs = curve.values();
        double[] ls = curve.losses();
        double minX = xs[0];
        double maxX = xs[xs.length - 1];
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
        minY -= pad;
        maxY += pad;
        final double fMinY = minY;
        final double fMaxY = maxY;
        java.util.function.DoubleUnaryOperator px = v -> x0 + (v - minX) / (maxX - minX) * (x1 - x0);
        java.util.function.DoubleUnaryOperator py = v -> y1 - (v - fMinY) / (fMaxY - fMinY) * (y1 - y0);

        // axes' end values
        g.setFill(muted());
        g.setFont(small());
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(tick(minX), x0, y1 + 4);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(tick(maxX), x1, y1 + 4);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(tick(fMaxY - pad), x0 - 4, py.applyAsDouble(fMaxY - pad));
        g.fillText(tick(fMinY + pad), x0 - 4, py.applyAsDouble(fMinY + pad));

        g.save();
        g.beginPath();
        g.rect(x0, y0, x1 - x0, y1 - y0);
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
            double cx = px.applyAsDouble(xs[i]);
            double cy = py.applyAsDouble(ls[i]);
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
            double half = (maxX - minX) / 6;
            g.setStroke(backward());
            g.setLineWidth(2);
            g.strokeLine(px.applyAsDouble(pointX - half), py.applyAsDouble(pointY - slope * half),
                    px.applyAsDouble(pointX + half), py.applyAsDouble(pointY + slope * half));
        }
        if (Double.isFinite(pointX) && Double.isFinite(pointY)) {
            double cx = px.applyAsDouble(pointX);
            double cy = py.applyAsDouble(pointY);
            g.setFill(forward());
            g.fillOval(cx - 5, cy - 5, 10, 10);
            g.setStroke(dark() ? javafx.scene.paint.Color.web("#0d1117") : javafx.scene.paint.Color.WHITE);
            g.setLineWidth(1.5);
            g.strokeOval(cx - 5, cy - 5, 10, 10);
        }
        g.restore();
        if (!tangentLabel.isEmpty()) {
            g.setFill(backward());
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(tangentLabel, x1 - 4, y0 + 4);
        }
    }
}
