package com.backpropexplorer.ui.compare;

import java.util.List;

/**
 * The comparison as CSV, one line per update of every run: run, label, iteration, batch loss,
 * the smoothed loss the chart draws, and at epoch boundaries the train and test accuracy. Numbers
 * are written in full (Java's shortest form that reads back as the same double, with a dot
 * whatever the locale); a loss that is not finite (a diverged run's) is left empty.
 */
final class ComparisonCsv {
    static final String HEADER = "run,label,iteration,loss,smoothed_loss,train_acc,test_acc";

    private ComparisonCsv() {
    }

    static String of(List<ComparisonRun> runs) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (ComparisonRun r : runs) {
            double[] smooth = CompareCharts.Curves.smoothed(r.losses());
            String label = '"' + r.label().replace("\"", "\"\"") + '"';
            int e = 0;
            for (int i = 0; i < r.losses().length; i++) {
                out.append(r.id()).append(',').append(label).append(',').append(i).append(',')
                        .append(number(r.losses()[i])).append(',').append(number(smooth[i])).append(',');
                while (e < r.epochs().size() && r.epochs().get(e).iteration() < i) {
                    e++;
                }
                if (e < r.epochs().size() && r.epochs().get(e).iteration() == i) {
                    out.append(number(r.epochs().get(e).train())).append(',').append(number(r.epochs().get(e).test()));
                } else {
                    out.append(',');
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String number(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }
}
