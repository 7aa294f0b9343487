package com.backpropexplorer.ui.weights;

import com.backpropexplorer.explain.Example;
import com.backpropexplorer.explain.Tensor;
import com.backpropexplorer.explain.Trace;
import com.backpropexplorer.explain.WeightProbe;
import com.backpropexplorer.explain.WeightProbe.Element;
import com.backpropexplorer.explain.Probes;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.app.Explorer;
import com.backpropexplorer.ui.app.MainWindow;
import com.backpropexplorer.ui.explainer.ExplainerPage;
import com.backpropexplorer.ui.lesson.LessonModel;
import com.backpropexplorer.ui.screenshot.FxThread;
import com.backpropexplorer.ui.screenshot.Screenshots;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Slider;
import javafx.stage.Stage;

/**
 * Measures how fast the weights panel answers a slider in the mnist lesson with a batch of
 * 100: the real window (headless Monocle, or a real display such as Xvfb), the real slider, a
 * value every 1/60 s. Prints the engine part (set the weight, loss, numerical gradient, a fresh
 * trace with backprop) and the whole way from the slider event to the new values laid out on
 * screen, median and worst; then the engine part alone on a probe, without the UI.
 * <pre>java -cp target/classes:target/test-classes:$(cat cp.txt) com.backpropexplorer.ui.weights.WeightsLatencyRun
 *      [MNIST_DIR] [EVENTS] [HZ]</pre>
 */
public final class WeightsLatencyRun {
    private WeightsLatencyRun() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/mnist");
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 600;
        int hz = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        String problem = FxThread.start();
        if (problem != null) {
            System.err.println(problem);
            System.exit(2);
        }
        Explorer explorer = onFx(() -> {
            Explorer e = new Explorer(new I18n(Locale.ENGLISH));
            e.mnist().chosenProperty().set(dir);
            e.mnistDigits().testDigits().setBatchSize(100);
            return e;
        });
        MainWindow window = onFx(() -> {
            Stage stage = new Stage();
            MainWindow w = new MainWindow(stage, explorer, Screenshots.SIZE);
            stage.show();
            w.showPage("mnist");
            return w;
        });
        LessonModel lesson = explorer.lesson(Example.MNIST);
        waitFor(() -> lesson.status() == LessonModel.Status.READY);
        Element e = onFx(() -> steepestInputWeight(lesson.trace()));
        WeightsModel weights = explorer.weights(Example.MNIST);
        onFx(() -> {
            lesson.selectElement(e);
            return null;
        });
        waitFor(() -> weights.snapshot() != null && weights.curveProperty().get() != null);
        Slider slider = onFx(() -> ((ExplainerPage) window.currentPage()).weightsPanel().slider());
        double v0 = onFx(() -> weights.snapshot().value());
        double amp = onFx(() -> (slider.getMax() - slider.getMin()) / 4);
        System.out.println("mnist 784-50-10, N = " + onFx(() -> lesson.trace().batchSize()) + ", element " + e
                + ", " + events + " slider events at " + hz + " Hz, "
                + (System.getenv("DISPLAY") == null ? "headless Monocle" : "display " + System.getenv("DISPLAY")));

        // warm-up: the JIT compiles the path once, as it would in the first second of dragging
        drive(slider, v0, amp, 240, hz);
        Thread.sleep(500);
        onFx(() -> {
            weights.latency().clear();
            return null;
        });
        drive(slider, v0, amp, events, hz);
        Thread.sleep(500);
        long[] engine = onFx(() -> weights.latency().engineNanos());
        long[] full = onFx(() -> weights.latency().fullNanos());
        long[] apply = onFx(() -> weights.latency().applyNanos());
        long[] set = onFx(() -> weights.latency().valuesSetNanos());
        System.out.println("engine part:   " + stats(engine));
        System.out.println("FX: graph and inspector redrawn: " + stats(apply));
        System.out.println("slider→values set on the scene graph: " + stats(set));
        System.out.println("slider→screen: " + stats(full) + " (from the oldest event an answer covers)");
        System.out.println("answers: " + engine.length + " engine, " + full.length + " laid out, for " + events
                + " events");
        onFx(() -> {
            window.stage().close();
            return null;
        });

        probeAlone(lesson, e, events);
        Platform.exit();
        System.exit(0);
    }

    /** What one slider event costs the engine thread, outside the UI: the same calls WeightsModel makes. */
    private static void probeAlone(LessonModel lesson, Element e, int events) throws Exception {
        Trace trace = onFx(lesson::trace);
        WeightProbe probe = (WeightProbe) Probes.of(trace);
        double v0 = probe.get(e);
        long[] nanos = new long[events];
        for (int round = 0; round < 2; round++) {
            for (int k = 0; k < events; k++) {
                long t0 = System.nanoTime();
                probe.set(e, v0 + 0.5 * Math.sin(k / 20.0));
                Trace fresh = probe.trace();
                double g = Probes.gradient(fresh, e);
                double n = probe.numericalGradient(e);
                if (Double.isNaN(g + n + fresh.loss())) {
                    throw new IllegalStateException("NaN");
                }
                nanos[k] = System.nanoTime() - t0;
            }
        }
        System.out.println("engine alone (probe, no UI): " + stats(nanos));
    }

    private static void drive(Slider slider, double v0, double amp, int events, int hz) throws InterruptedException {
        long period = TimeUnit.SECONDS.toNanos(1) / hz;
        long next = System.nanoTime();
        for (int k = 0; k < events; k++) {
            double v = v0 + amp * Math.sin(2 * Math.PI * k / 120.0);
            Platform.runLater(() -> slider.setValue(v));
            next += period;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                TimeUnit.NANOSECONDS.sleep(sleep);
            }
        }
    }

    private static Element steepestInputWeight(Trace trace) {
        Tensor g = trace.stages().stream().filter(s -> !s.isForward() && s.layer().equals("Affine1"))
                .findFirst().orElseThrow().get("dW");
        double[] v = g.toArray();
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (Math.abs(v[i]) > Math.abs(v[best])) {
                best = i;
            }
        }
        return new Element("W1", best / g.cols(), best % g.cols());
    }

    private static String stats(long[] nanos) {
        if (nanos.length == 0) {
            return "no samples";
        }
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "median %.2f ms, p95 %.2f ms, p99 %.2f ms, worst %.2f ms (n = %d)",
                s[s.length / 2] / 1e6, percentile(s, 0.95) / 1e6, percentile(s, 0.99) / 1e6, s[s.length - 1] / 1e6,
                s.length);
    }

    /** The value below which a fraction {@code p} of the sorted samples lie (nearest rank). */
    private static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (onFx(condition)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("timed out");
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        FutureTask<T> task = new FutureTask<>(action);
        Platform.runLater(task);
        return task.get(120, TimeUnit.SECONDS);
    }
}
