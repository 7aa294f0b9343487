package com.backpropexplorer.ui.train;

import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.PngExport;
import com.backpropexplorer.ui.Theme;
import com.backpropexplorer.ui.app.Explorer;
import com.backpropexplorer.ui.app.MainWindow;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.geometry.Dimension2D;
import javafx.stage.Stage;

/**
 * Measures what the learner feels: opens the real window on the training page, trains the
 * book's recipe on MNIST from the view, and records every frame interval while it trains.
 * Prints frame-time figures (median, p99, max, fps) and the run's time. Run it under a display
 * (Xvfb too):
 *
 * <pre>{@code
 * xvfb-run -a java -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     com.backpropexplorer.ui.train.TrainingFrameBenchmark --mnist DIR [--iterations 10000] [--theme dark]
 * }</pre>
 */
public final class TrainingFrameBenchmark {
    private TrainingFrameBenchmark() {
    }

    /** CPU time of the FX thread, the renderer and the trainer: what the UI costs, whatever else runs. */
    private static java.util.Map<String, Long> uiThreadCpu() {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            String name = t.getName();
            if (name.equals("JavaFX Application Thread") || name.startsWith("QuantumRenderer") || name.equals("trainer")) {
                long nanos = bean.getThreadCpuTime(t.getId());
                if (nanos >= 0) {
                    out.merge(name, nanos, Long::sum);
                }
            }
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        Path mnist = null;
        String iterations = "10000";
        boolean dark = false;
        int idleSeconds = 0;
        Path screenshot = null;
        Locale locale = Locale.ENGLISH;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--mnist" -> mnist = Path.of(args[++i]);
                case "--iterations" -> iterations = args[++i];
                case "--theme" -> dark = "dark".equals(args[++i]);
                case "--idle" -> idleSeconds = Integer.parseInt(args[++i]);
                case "--screenshot" -> screenshot = Path.of(args[++i]);
                case "--locale" -> locale = Locale.forLanguageTag(args[++i]);
                default -> {
                    System.err.println("usage: --mnist DIR [--iterations N] [--theme light|dark] [--idle SECONDS] [--screenshot FILE.png] [--locale en|ja]");
                    System.exit(2);
                }
            }
        }
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Path folder = mnist;
        String length = iterations;
        boolean darkTheme = dark;
        Locale language = locale;
        AtomicReference<MainWindow> shownWindow = new AtomicReference<>();
        FrameMeter meter = new FrameMeter();
        AtomicReference<Explorer> context = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch shown = new CountDownLatch(1);
        long[] runStart = new long[1];
        java.util.Map<String, Long> cpuAtStart = new java.util.concurrent.ConcurrentHashMap<>();
        Platform.runLater(() -> {
            Explorer ctx = new Explorer(new I18n(language));
            context.set(ctx);
            if (darkTheme) {
                ctx.themeProperty().set(Theme.DARK);
            }
            ctx.mnist().chosenProperty().set(folder);
            Stage stage = new Stage();
            MainWindow window = new MainWindow(stage, ctx, new Dimension2D(1280, 800));
            window.showPage("train");
            shownWindow.set(window);
            stage.show();
            TrainingModel model = ctx.training();
            model.settings().lengthProperty().set(length);
            meter.start();
            model.stateProperty().addListener((obs, o, n) -> {
                if (n == TrainingState.RUNNING && o != TrainingState.PAUSED) {
                    meter.clear();
                    meter.record(true);
                    runStart[0] = System.nanoTime();
                    // to line frames up with a GC log (-Xlog:gc), whose times are JVM uptime
                    System.out.printf(Locale.ROOT, "training began at JVM uptime %.3f s%n",
                            java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
                    cpuAtStart.putAll(uiThreadCpu());
                } else if (!n.active()) {
                    meter.record(false);
                    if (o == TrainingState.RUNNING) {
                        done.countDown();
                    }
                }
            });
            shown.countDown();
        });
        shown.await();
        if (idleSeconds > 0) {
            // the same window, not training, once it has settled (its first frames lay out and
            // style the page): what the machine gives the FX thread anyway
            Thread.sleep(2000);
            Platform.runLater(() -> meter.record(true));
            Thread.sleep(idleSeconds * 1000L);
            CountDownLatch measured = new CountDownLatch(1);
            Platform.runLater(() -> {
                meter.record(false);
                System.out.println("frames while idle: " + meter.summary() + "\nslowest while idle: " + meter.slowest(4));
                meter.clear();
                measured.countDown();
            });
            measured.await();
        }
        Platform.runLater(() -> context.get().training().start());
        if (!done.await(30, TimeUnit.MINUTES)) {
            System.err.println("the run did not end within 30 minutes");
            System.exit(1);
        }
        double wall = (System.nanoTime() - runStart[0]) / 1e9;
        StringBuilder cpu = new StringBuilder("CPU used while training (share of one core):");
        uiThreadCpu().forEach((name, nanos) -> cpu.append(String.format(Locale.ROOT, " %s %.1f%%", name,
                100 * (nanos - cpuAtStart.getOrDefault(name, 0L)) / 1e9 / wall)));
        System.out.println(cpu);
        AtomicReference<String> report = new AtomicReference<>();
        CountDownLatch read = new CountDownLatch(1);
        Platform.runLater(() -> {
            TrainingModel model = context.get().training();
            report.set(String.format(Locale.ROOT,
                    "training: %d updates in %.1f s wall (%.0f updates/s incl. %d accuracy passes), state %s%n"
                            + "frames while training: %s%nslowest: %s",
                    model.progress().doneProperty().get(), wall, model.progress().doneProperty().get() / wall,
                    model.log().epochs().size(),
                    model.state(), meter.summary(), meter.slowest(8)));
            com.backpropexplorer.engine.TrainingSummary summary = model.lastSummary();
            if (summary != null) {
                report.set(report.get() + String.format(Locale.ROOT,
                        "%nthe trainer's own clocks: training steps %.2f s (%.0f steps/s), accuracy passes %.2f s;"
                                + " final train acc %.4f test acc %.4f",
                        summary.trainingSeconds(), summary.stepsPerSecond(), summary.evaluationSeconds(),
                        summary.trainAccuracy(), summary.testAccuracy()));
            }
            if (model.noticeProperty().get() != null) {
                report.set(report.get() + "\n" + model.noticeProperty().get().text(context.get().i18n()));
            }
            read.countDown();
        });
        read.await();
        System.out.println(report.get());
        if (screenshot != null) {
            Path file = screenshot;
            CountDownLatch shot = new CountDownLatch(1);
            Platform.runLater(() -> {
                try {
                    PngExport.writeImage(shownWindow.get().scene().snapshot(null), file);
                    System.out.println("wrote " + file);
                } catch (java.io.IOException | RuntimeException e) {
                    System.err.println("screenshot failed: " + e.getMessage());
                }
                shot.countDown();
            });
            shot.await();
        }
        Platform.runLater(() -> context.get().shutdown());
        Platform.exit();
        System.exit(0);
    }
}
