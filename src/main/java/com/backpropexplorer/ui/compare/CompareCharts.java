package com.backpropexplorer.ui.compare;

import com.backpropexplorer.explain.ActivationHistogram;
import com.backpropexplorer.explain.TrainingHealth;
import com.backpropexplorer.ui.chart.ChartCanvas;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Dimension2D;
import javafx.geometry.Insets;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * The comparison's pictures, each one canvas however many runs: the loss curves or the test
 * accuracies overlaid (figures 6-9 and 6-15), the hidden activations per run (§6.2), and the
 * health of the runs (update size per parameter of one run, dead ReLU units of all).
 */
final class CompareCharts {
    static final ChartCanvas.Look LOOK = new ChartCanvas.Look("chart-canvas", new Insets(12, 26, 34, 58),
            new Dimension2D(220, 150), new Dimension2D(420, 220), 60, false);
    /**
     * One colour per run, by its id, and a grey for the fourth parameter of the health chart:
     * looked-up colours of app.css.
     */
    private static final String[] SERIES = {"-bpe-series-0", "-bpe-series-1", "-bpe-series-2", "-bpe-series-3",
        "-bpe-series-4", "-bpe-series-5", "-bpe-series-6", "-bpe-series-7", "-bpe-series-other"};
    private static final int RUN_COLOURS = SERIES.length - 1;
    private static final String OTHER = SERIES[RUN_COLOURS];
    /** The loss curves are trailing means over this many updates, as noisy batch losses hide the trend. */
    static final int SMOOTHING = 50;

    private CompareCharts() {
    }

    /** The looked-up colour of the run with that id. */
    static String series(int id) {
        return SERIES[Math.floorMod(id, RUN_COLOURS)];
    }

    private static String[] labels(List<ComparisonRun> runs) {
        return runs.stream().map(ComparisonRun::label).toArray(String[]::new);
    }

    /** A chart of runs, each in its colour. */
    private abstract static class RunChart extends ChartCanvas {
        RunChart() {
            super(LOOK, SERIES);
        }

        Color runColour(int id) {
            return colour(series(id));
        }

        Color[] runColours(List<ComparisonRun> runs) {
            return runs.stream().map(r -> runColour(r.id())).toArray(Color[]::new);
        }
    }

    /** Smoothed loss (or test accuracy) of every run against the iteration. */
    static final class Curves extends RunChart {
        private final Supplier<List<ComparisonRun>> runs;
        private final boolean accuracy;

        Curves(Supplier<List<ComparisonRun>> runs, boolean accuracy, String id) {
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
                g.setStroke(runColour(r.id()));
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
                legend(g, p, labels(all), runColours(all), new boolean[all.size()], accuracy);
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

    /** Per run, the share of hidden activations per bin over [0, 1]: at the start (outline) and the end (filled). */
    static final class Histograms extends RunChart {
        private final Supplier<List<ComparisonRun>> runs;

        Histograms(Supplier<List<ComparisonRun>> runs) {
            this.runs = runs;
            setId("compareHistograms");
        }

        @Override
        protected void draw(GraphicsContext g, Plot p) {
            List<ComparisonRun> all = runs.get();
            p.xMin = 0;
            p.xMax = Math.max(1, all.size());
            p.yMin = 0;
            p.yMax = 1;
            axes(g, p, true);
            double column = p.w / Math.max(1, all.size());
            double gap = 8;
            for (int k = 0; k < all.size(); k++) {
                ComparisonRun r = all.get(k);
                double left = p.x + k * column + gap / 2;
                double width = (column - gap) / ActivationHistogram.BINS;
                Color c = runColour(r.id());
                if (r.end() != null) {
                    g.setFill(c.deriveColor(0, 1, 1, 0.55));
                    for (int b = 0; b < ActivationHistogram.BINS; b++) {
                        double h = r.end().share(b) * p.h;
                        g.fillRect(left + b * width, p.y + p.h - h, Math.max(1, width - 1), h);
                    }
                }
                if (r.start() != null) {
                    g.setStroke(c);
                    g.setLineWidth(1.5);
                    for (int b = 0; b < ActivationHistogram.BINS; b++) {
                        double h = r.start().share(b) * p.h;
                        g.strokeRect(left + b * width, p.y + p.h - h, Math.max(1, width - 1), h);
                    }
                }
                g.setFill(text());
                g.fillText(r.label(), left, p.y + 12);
            }
        }
    }

    /**
     * Health: log10(‖ΔW‖/‖W‖) of W1, b1, W2, b2 for the chosen run, or the share of dead ReLU
     * units of every run.
     */
    static final class Health extends RunChart {
        private static final String[] PARAMS = {"W1", "b1", "W2", "b2"};
        private final Supplier<List<ComparisonRun>> runs;
        private final Supplier<ComparisonRun> chosen;
        private final boolean dead;

        Health(Supplier<List<ComparisonRun>> runs, Supplier<ComparisonRun> chosen, boolean dead, String id) {
            this.runs = runs;
            this.chosen = chosen;
            this.dead = dead;
            setId(id);
        }

        @Override
        protected void draw(GraphicsContext g, Plot p) {
            List<ComparisonRun> all = dead ? runs.get() : chosenOnly();
            int maxIter = 10;
            for (ComparisonRun r : all) {
                maxIter = Math.max(maxIter, r.config().iterations());
            }
            p.xMin = 0;
            p.xMax = maxIter;
            p.yMin = dead ? 0 : -7;
            p.yMax = dead ? 1 : 0;
            axes(g, p, dead);
            g.setLineWidth(2);
            if (dead) {
                for (ComparisonRun r : all) {
                    if (r.health() != null) {
                        g.setStroke(runColour(r.id()));
                        line(g, p, r.health(), r.health().deadShare());
                    }
                }
                if (!all.isEmpty()) {
                    legend(g, p, labels(all), runColours(all), new boolean[all.size()]);
                }
                return;
            }
            if (all.isEmpty() || all.get(0).health() == null) {
                return;
            }
            TrainingHealth.Series s = all.get(0).health();
            Color base = runColour(all.get(0).id());
            Color[] shades = {base, base.deriveColor(0, 1, 1, 0.45), base.darker().darker(), colour(OTHER)};
            boolean[] dashed = {false, true, false, true};
            for (int k = 0; k < PARAMS.length; k++) {
                g.setStroke(shades[k]);
                g.setLineDashes(dashed[k] ? new double[] {5, 4} : null);
                line(g, p, s, s.log10Ratio()[k]);
            }
            g.setLineDashes(null);
            legend(g, p, PARAMS, shades, dashed, true);
        }

        private List<ComparisonRun> chosenOnly() {
            ComparisonRun r = chosen.get();
            return r == null ? List.of() : List.of(r);
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
}
