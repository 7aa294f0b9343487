package com.backpropexplorer.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.backpropexplorer.engine.TrainingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The comparison's CSV, line by line: what each column holds, and that every number reads back as the same double. */
class ComparisonCsvTest {

    @Test
    void oneLinePerUpdateOfEveryRunWithItsLossSmoothedLossAndTheEpochsAccuracies() {
        Random random = new Random(7);
        double[] a = new double[120];
        for (int i = 0; i < a.length; i++) {
            a[i] = 2.302585092994046 * Math.exp(-i / 40.0) + random.nextDouble() * 1e-3;
        }
        a[3] = 1e-7; // written so that it reads back, not rounded to 0
        double[] b = {0.5, Double.NaN, 0.25};
        List<ComparisonRun.Epoch> epochsA = List.of(new ComparisonRun.Epoch(0, 0.1, 0.0995),
                new ComparisonRun.Epoch(59, 0.8123456789, 0.80987654321), new ComparisonRun.Epoch(119, 0.9, 0.91));
        ComparisonRun first = run(0, "SGD lr 0.01", a, epochsA);
        ComparisonRun second = run(5, "the \"form's\", lr 0.1", b, List.of(new ComparisonRun.Epoch(2, 0.5, 0.4)));

        String csv = ComparisonCsv.of(List.of(first, second));
        String[] lines = csv.split("\n", -1);
        assertEquals("run,label,iteration,loss,smoothed_loss,train_acc,test_acc", lines[0]);
        assertEquals(1 + a.length + b.length + 1, lines.length, "a header, a line per update, and the last newline");
        assertEquals("", lines[lines.length - 1]);

        double[] smoothA = trailingMeans(a, CompareCharts.SMOOTHING);
        for (int i = 0; i < a.length; i++) {
            List<String> f = fields(lines[1 + i]);
            assertEquals(7, f.size(), lines[1 + i]);
            assertEquals("0", f.get(0));
            assertEquals("SGD lr 0.01", f.get(1));
            assertEquals(Integer.toString(i), f.get(2));
            assertEquals(a[i], Double.parseDouble(f.get(3)), 0, "the loss reads back exactly");
            assertEquals(smoothA[i], Double.parseDouble(f.get(4)), 1e-12, "the mean of the last 50 losses");
            int iteration = i;
            ComparisonRun.Epoch at = epochsA.stream().filter(e -> e.iteration() == iteration).findFirst().orElse(null);
            if (at == null) {
                assertEquals("", f.get(5), "no accuracy between epochs");
                assertEquals("", f.get(6));
            } else {
                assertEquals(at.train(), Double.parseDouble(f.get(5)), 0);
                assertEquals(at.test(), Double.parseDouble(f.get(6)), 0);
            }
        }
        // the second run: its label quoted as CSV quotes, a loss that is not a number left empty
        assertEquals("5,\"the \"\"form's\"\", lr 0.1\",0,0.5,0.5,,", lines[1 + a.length]);
        List<String> nan = fields(lines[2 + a.length]);
        assertEquals("the \"form's\", lr 0.1", nan.get(1));
        assertEquals("", nan.get(3), "NaN is not written");
        assertEquals(List.of("5", "the \"form's\", lr 0.1", "2", "0.25"), fields(lines[3 + a.length]).subList(0, 4));
        assertEquals(List.of("0.5", "0.4"), fields(lines[3 + a.length]).subList(5, 7));
    }

    @Test
    void noRunsIsTheHeaderAlone() {
        assertEquals(ComparisonCsv.HEADER + "\n", ComparisonCsv.of(List.of()));
    }

    private static ComparisonRun run(int id, String label, double[] losses, List<ComparisonRun.Epoch> epochs) {
        return new ComparisonRun(id, label, TrainingConfig.book(42).withIterations(losses.length),
                ComparisonRun.Status.DONE, losses, epochs, null, null, null, null);
    }

    private static double[] trailingMeans(double[] v, int window) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            double sum = 0;
            int from = Math.max(0, i - window + 1);
            for (int k = from; k <= i; k++) {
                sum += v[k];
            }
            out[i] = sum / (i - from + 1);
        }
        return out;
    }

    /** The fields of one CSV line (RFC 4180 quotes). */
    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }
}
