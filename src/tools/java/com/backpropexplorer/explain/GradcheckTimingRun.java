package com.backpropexplorer.explain;

import com.backpropexplorer.data.Mnist;
import com.backpropexplorer.data.MnistDataset;
import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.GradientCheck;
import com.backpropexplorer.engine.TwoLayerNet;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * Times the gradient check the app runs for 784-50-10 on 3 training digits, as the numpy
 * reference ({@code numpy_two_layer_net.py MNIST 1 --gradcheck}) does: the numerical gradient
 * alone, and the whole check (numerical + backprop + comparison). Prints the first run in this
 * JVM (what a learner pressing "Check" once gets) and the median and worst of the next ones.
 * Run from the test classpath:
 * <pre>java -cp target/classes:target/test-classes:$(cat cp.txt) com.backpropexplorer.explain.GradcheckTimingRun
 *      [MNIST_DIR] [RUNS] [plain]</pre>
 */
public final class GradcheckTimingRun {
    private GradcheckTimingRun() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/mnist");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        boolean plain = args.length > 2 && args[2].equals("plain");
        MnistDataset train = Mnist.load(dir).train();
        int[] rows = {0, 1, 2};
        DMatrixRMaj x = train.images(rows);
        int[] labels = train.labels(rows);
        TwoLayerNet net = new TwoLayerNet(784, 50, 10, 0.01, Activation.RELU, 0L);
        double[] numerical = new double[runs];
        double[] whole = new double[runs];
        Map<String, Double> diffs = null;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            Map<String, DMatrixRMaj> num = plain ? net.copy().numericalGradient(x, labels)
                    : LocalNumericalGradient.of(net, x, labels);
            long t1 = System.nanoTime();
            diffs = GradientCheck.compare(net.copy().gradient(x, labels), num).meanAbsDiff();
            long t2 = System.nanoTime();
            numerical[i] = (t1 - t0) / 1e6;
            whole[i] = (t2 - t0) / 1e6;
        }
        System.out.println((plain ? "plain (book's loop)" : "local") + " numerical gradient, 784-50-10, 3 samples: "
                + "first " + ms(numerical[0]) + ", then median " + ms(median(numerical)) + ", worst "
                + ms(worst(numerical)) + "; whole check first " + ms(whole[0]) + ", median " + ms(median(whole)));
        System.out.println("mean |backprop - numerical|: " + diffs);
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.1f ms", v);
    }

    static double median(double[] all) {
        double[] rest = Arrays.copyOfRange(all, Math.min(1, all.length - 1), all.length);
        Arrays.sort(rest);
        return rest[rest.length / 2];
    }

    static double worst(double[] all) {
        return Arrays.stream(all, Math.min(1, all.length - 1), all.length).max().orElse(Double.NaN);
    }
}
