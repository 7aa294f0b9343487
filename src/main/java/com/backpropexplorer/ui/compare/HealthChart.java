package com.backpropexplorer.ui.compare;

import com.backpropexplorer.explain.TrainingHealth;
import com.backpropexplorer.ui.chart.ChartCanvas;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * Is the training healthy? One of two pictures of {@link TrainingHealth} against the iteration:
 * the update size relative to the weights, log10(‖ΔW‖/‖W‖), of W1, b1, W2 and b2 for one
 * training (the first line given), or the share of dead ReLU units of every training given.
 * The comparison shows its runs with it, the Train page its own run.
 */
public final class HealthChart extends ChartCanvas {
    private static final String[] PARAMS = {"W1", "b1", "W2", "b2"};

    /**
     * One training's health.
     *
     * @param label the legend's name for it
     * @param colour its colour, or null for the colour of forward values
     * @param series what was measured (may be empty)
     */
    public record Line(String label, Color colour, TrainingHealth.Series series) {
    }

    private final Supplier<List<Line>> lines;
    private final IntSupplier end;
    private final boolean dead;

    /**
     * @param lines the trainings to draw (for the update sizes only the first is drawn)
     * @param end the last iteration of the x axis (at least 10 is shown)
     * @param dead the dead units rather than the update sizes
     */
    public HealthChart(Supplier<List<Line>> lines, IntSupplier end, boolean dead, String id) {
        super(CompareCharts.LOOK);
        this.lines = lines;
        this.end = end;
        this.dead = dead;
        setId(id);
    }

    @Override
    protected void draw(GraphicsContext g, Plot p) {
        List<Line> all = lines.get();
        p.xMin = 0;
        p.xMax = Math.max(10, end.getAsInt());
        p.yMin = dead ? 0 : -7;
        p.yMax = dead ? 1 : 0;
        axes(g, p, dead);
        g.setLineWidth(2);
        if (dead) {
            for (Line line : all) {
                g.setStroke(colour(line));
                line(g, p, line.series(), line.series().deadShare());
            }
            if (!all.isEmpty()) {
                legend(g, p, all.stream().map(Line::label).toArray(String[]::new),
                        all.stream().map(this::colour).toArray(Color[]::new), new boolean[all.size()]);
            }
            return;
        }
        if (all.isEmpty()) {
            return;
        }
        TrainingHealth.Series s = all.get(0).series();
        Color base = colour(all.get(0));
        Color[] shades = {base, base.deriveColor(0, 1, 1, 0.45), base.darker().darker(), Color.GRAY};
        boolean[] dashed = {false, true, false, true};
        for (int k = 0; k < PARAMS.length; k++) {
            g.setStroke(shades[k]);
            g.setLineDashes(dashed[k] ? new double[] {5, 4} : null);
            line(g, p, s, s.log10Ratio()[k]);
        }
        g.setLineDashes(null);
        legend(g, p, PARAMS, shades, dashed, true);
    }

    private Color colour(Line line) {
        return line.colour() != null ? line.colour() : forward();
    }

    private static void line(GraphicsContext g, Plot p, TrainingHealth.Series s, double[] values) {
        g.beginPath();
        boolean pen = false;
        for (int i = 0; i < s.size(); i++) {
            double v = values[i];
            if (!Double.isFinite(v)) {
                pen = false;
                continue;
            }
            double x = p.px(s.iterations()[i]);
            double y = p.py(Math.max(p.yMin, Math.min(p.yMax, v)));
            if (pen) {
                g.lineTo(x, y);
            } else {
                g.moveTo(x, y);
                pen = true;
            }
        }
        g.stroke();
    }
}
