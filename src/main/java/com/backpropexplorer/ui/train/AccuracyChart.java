package com.backpropexplorer.ui.train;

import com.backpropexplorer.ui.chart.ChartCanvas;
import java.util.List;
import java.util.function.IntSupplier;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * Train and test accuracy at each epoch boundary, as in the book's figure 4-11: the training
 * accuracy solid, the test accuracy dashed, from 0 to 100 %. When the two lines part, the net
 * is learning the training set by heart (overfitting).
 */
final class AccuracyChart extends ChartCanvas {
    /** The test accuracy's colour, beside the training accuracy's forward colour. */
    private static final String SECOND = "-bpe-chart-second";

    private final TrainingLog log;
    private final IntSupplier plannedEnd;
    private String trainName = "";
    private String testName = "";

    AccuracyChart(TrainingLog log, IntSupplier plannedEnd) {
        super(TrainingCharts.CHART_LOOK, SECOND);
        this.log = log;
        this.plannedEnd = plannedEnd;
        setId("accuracyChart");
    }

    void setNames(String train, String test) {
        trainName = train;
        testName = test;
    }

    @Override
    protected void draw(GraphicsContext g, Plot p) {
        List<TrainingLog.EpochPoint> points = log.epochs();
        double perEpoch = log.iterationsPerEpoch();
        p.xMin = 0;
        p.xMax = Math.max(1, Math.ceil(Math.max(plannedEnd.getAsInt(), log.size()) / perEpoch));
        p.yMin = 0;
        p.yMax = 1;
        axes(g, p, true);
        series(g, p, points, perEpoch, true, forward(), false);
        series(g, p, points, perEpoch, false, second(), true);
        legend(g, p, new String[] {trainName, testName}, new Color[] {forward(), second()},
                new boolean[] {false, true}, true);
    }

    private Color second() {
        return colour(SECOND);
    }

    private void series(GraphicsContext g, Plot p, List<TrainingLog.EpochPoint> points, double perEpoch,
                        boolean train, Color color, boolean dashed) {
        if (points.isEmpty()) {
            return;
        }
        g.setStroke(color);
        g.setFill(color);
        g.setLineWidth(2);
        g.setLineDashes(dashed ? new double[] {6, 4} : null);
        g.beginPath();
        for (int i = 0; i < points.size(); i++) {
            TrainingLog.EpochPoint point = points.get(i);
            double x = p.px(point.iteration() / perEpoch);
            double y = p.py(train ? point.train() : point.test());
            if (i == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        g.stroke();
        g.setLineDashes((double[]) null);
        if (points.size() <= 60) {
            for (TrainingLog.EpochPoint point : points) {
                double x = p.px(point.iteration() / perEpoch);
                double y = p.py(train ? point.train() : point.test());
                if (train) {
                    g.fillOval(x - 3, y - 3, 6, 6);
                } else {
                    g.fillRect(x - 2.5, y - 2.5, 5, 5);
                }
            }
        }
    }
}
