package com.backpropexplorer.ui.compare;

import com.backpropexplorer.ui.chart.ChartCanvas;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Dimension2D;
import javafx.geometry.Insets;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * The comparison's pictures, each one canvas however many runs: the loss curves or the test
 * accuracies overlaid (figures 6-9 and 6-15). The hidden activations are drawn by
 * {@link ActivationHistograms}, the runs' health by {@link HealthChart}.
 */
final class CompareCharts {
    static final ChartCanvas.Look LOOK = new ChartCanvas.Look("chart-canvas", new Insets(12, 26, 34, 58),
            new Dimension2D(220, 150), new Dimension2D(420, 220), 60,
            Color.web("#424a53"), Color.web("#c9d1d9"), Color.web("#d8dee4"), Color.web("#30363d"), false);
    /** One colour per run, by its id; picked to tell apart on light and dark backgrounds. */
    private static final Color[] PALETTE = {
        Color.web("#1f77b4"), Color.web("#ff7f0e"), Color.web("#2ca02c"), Color.web("#d62728"),
        Color.web("#9467bd"), Color.web("#8c564b"), Color.web("#e377c2"), Color.web("#17becf")};
    /** The loss curves are trailing means over this many updates, as noisy batch losses hide the trend. */
    static final int SMOOTHING = 50;

    private CompareCharts() {
    }

    static Color colour(int id) {
        return PALETTE[Math.floorMod(id, PALETTE.length)];
    }

    private static String[] labels(List<ComparisonRun> runs) {
        return runs.stream().map(ComparisonRun::label).toArray(String[]::new);
    }

    private static Color[] colours(List<ComparisonRun> runs) {
        return runs.stream().map(r -> colour(r.id())).toArray(Color[]::new);
    }

    /** Smoothed loss (or test accuracy) of every run against the iteration. */
    static final class Curves extends ChartCanvas {
        private final Supplier<List<ComparisonRun>> runs;
        private final boolean accuracy;

        Curves(Supplier<List<ComparisonRun>> runs, boolean accuracy, String id) {
            super(LOOK);
            this.runs = runs;
            this.accuracy = accuracy;
            setId(id);
        }

        @Override
        protected void draw(GraphicsContext g, Plot p) {
            List<ComparisonRun> all = runs.get();
            double maxLoss = 0.5;
            int maxIter = 10;
            for (ComparisonRun r : all) {
                maxIter = Math.max(maxIter, r.config().iterations());
                for (double v : smoothed(r.losses())) {
                    maxLoss = Math.max(maxLoss, Math.min(v, 10));
                }
            }
            p.xMin = 0;
            p.xMax = maxIter;
            p.yMin = 0;
            p.yMax = accuracy ? 1 : niceCeil(maxLoss);
            axes(g, p, accuracy);
            g.setLineWidth(2);
            for (ComparisonRun r : all) {
                g.setStroke(colour(r.id()));
                g.beginPath();
                if (accuracy) {
                    boolean first = true;
                    for (ComparisonRun.Epoch e : r.epochs()) {
                        if (first) {
                            g.moveTo(p.px(e.iteration()), p.py(e.test()));
                            first = false;
                        } else {
                            g.lineTo(p.px(e.iteration()), p.py(e.test()));
                        }
                        g.fillOval(p.px(e.iteration()) - 2, p.py(e.test()) - 2, 4, 4);
                    }
                } else {
                    double[] s = smoothed(r.losses());
                    int step = Math.max(1, (int) (s.length / Math.max(1, p.w)));
                    for (int i = 0; i < s.length; i += step) {
                        double y = p.py(Math.min(s[i], p.yMax));
                        if (i == 0) {
                            g.moveTo(p.px(i), y);
                        } else {
                            g.lineTo(p.px(i), y);
                        }
                    }
                }
                g.stroke();
            }
            if (!all.isEmpty()) {
                legend(g, p, labels(all), colours(all), new boolean[all.size()], accuracy);
            }
        }

        /** Trailing means over {@link #SMOOTHING} updates. */
        static double[] smoothed(double[] losses) {
            double[] out = new double[losses.length];
            double sum = 0;
            for (int i = 0; i < losses.length; i++) {
                sum += losses[i];
                if (i >= SMOOTHING) {
                    sum -= losses[i - SMOOTHING];
                }
                out[i] = sum / Math.min(i + 1, SMOOTHING);
            }
            return out;
        }
    }
}
