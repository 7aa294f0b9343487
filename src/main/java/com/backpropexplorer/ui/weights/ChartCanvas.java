package com.backpropexplorer.ui.weights;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/** A canvas that fills its region and redraws when resized; colours follow the theme. */
abstract class ChartCanvas extends Region {
    protected final Canvas canvas = new Canvas();
    private boolean dark;

    ChartCanvas() {
        getChildren().add(canvas);
        getStyleClass().add("weights-chart");
        setMinSize(160, 120);
    }

    void setDark(boolean dark) {
        this.dark = dark;
        redraw();
    }

    boolean dark() {
        return dark;
    }

    Color ink() {
        return dark ? Color.web("#c9d1d9") : Color.web("#24292f");
    }

    Color muted() {
        return dark ? Color.web("#8b949e") : Color.web("#6e7781");
    }

    Color gridLine() {
        return dark ? Color.web("#30363d") : Color.web("#d0d7de");
    }

    Color forward() {
        return dark ? Color.web("#4493f8") : Color.web("#1f6feb");
    }

    Color backward() {
        return dark ? Color.web("#f0883e") : Color.web("#e8590c");
    }

    Font small() {
        return Font.font(11);
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth() - snappedLeftInset() - snappedRightInset());
        double h = Math.floor(getHeight() - snappedTopInset() - snappedBottomInset());
        canvas.relocate(snappedLeftInset(), snappedTopInset());
        if (w != canvas.getWidth() || h != canvas.getHeight()) {
            canvas.setWidth(Math.max(0, w));
            canvas.setHeight(Math.max(0, h));
            redraw();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 280;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 190;
    }

    final void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (canvas.getWidth() > 20 && canvas.getHeight() > 20) {
            draw(g, canvas.getWidth(), canvas.getHeight());
        }
    }

    abstract void draw(GraphicsContext g, double w, double h);

    /** A short number for an axis end: 3 significant digits. */
    static String tick(double v) {
        if (!Double.isFinite(v)) {
            return WeightsText.number(v);
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e5)) {
            return String.format(java.util.Locale.ROOT, "%.2e", v);
        }
        return String.format(java.util.Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.3f", v);
    }
}
