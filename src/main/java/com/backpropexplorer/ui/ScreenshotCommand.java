package com.backpropexplorer.ui;

import com.backpropexplorer.explain.Example;
import com.backpropexplorer.explain.WeightProbe.Element;
import com.backpropexplorer.ui.gradcheck.GradcheckModel;
import com.backpropexplorer.ui.weights.WeightsModel;
import com.backpropexplorer.ui.draw.DrawModel;
import com.backpropexplorer.ui.draw.SampleDigit;
import com.backpropexplorer.ui.lesson.LessonModel;
import com.backpropexplorer.ui.pages.AppContext;
import com.backpropexplorer.ui.pages.PageCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Dimension2D;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

/**
 * The {@code screenshot} command: renders the main views without showing a window (the
 * scene is laid out and snapshotted off-screen) and writes them as PNGs. Runs under a real
 * display (Xvfb too) or, where there is none, under Monocle's headless platform when Monocle
 * is on the class path (as in the tests).
 */
public final class ScreenshotCommand {
    /** The size of the pictures: the smallest window the app promises to be legible at. */
    public static final Dimension2D SIZE = new Dimension2D(1280, 800);
    private static final long LOAD_TIMEOUT_SECONDS = 60;

    /** What else a picture shows: the weights panel in use, or the gradient-check page after a run. */
    public enum Extra { NONE, WEIGHTS, GRADCHECK }

    /** One picture: language, theme, page, how many stages done, which node is inspected. */
    public record Shot(Locale locale, Theme theme, Example lesson, int position, String selected, boolean refuse,
                       Extra extra) {
        public Shot(Locale locale, Theme theme, Example lesson, int position, String selected, boolean refuse) {
            this(locale, theme, lesson, position, selected, refuse, Extra.NONE);
        }

        String fileName() {
            if (extra == Extra.GRADCHECK) {
                return locale.getLanguage() + "-" + theme.name().toLowerCase(Locale.ROOT) + "-gradcheck-"
                        + lesson.id() + ".png";
            }
            return locale.getLanguage() + "-" + theme.name().toLowerCase(Locale.ROOT) + "-" + lesson.id() + "-"
                    + (refuse ? "refused" : "stage" + position) + (selected == null ? "" : "-" + selected)
                    + (extra == Extra.WEIGHTS ? "-weights" : "") + ".png";
        }
    }

    /** A picture of the digit canvas with a sample digit on it, read by the shipped model. */
    public record DrawShot(Locale locale, Theme theme) {
        String fileName() {
            return locale.getLanguage() + "-" + theme.name().toLowerCase(Locale.ROOT) + "-draw.png";
        }
    }

    private ScreenshotCommand() {
    }

    /** The digit canvas for the README: English light, Japanese dark. */
    public static List<DrawShot> drawShots() {
        return List.of(new DrawShot(Locale.ENGLISH, Theme.LIGHT), new DrawShot(Locale.JAPANESE, Theme.DARK));
    }

    /** For running without the CLI: {@code --out DIR [--mnist DIR] [--every-stage]}. */
    public static void main(String[] args) {
        Path out = Path.of("screenshots");
        Path mnist = null;
        boolean every = false;
        boolean weightsOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--mnist" -> mnist = Path.of(args[++i]);
                case "--every-stage" -> every = true;
                case "--weights" -> weightsOnly = true;
                default -> {
                    System.err.println("usage: --out DIR [--mnist DIR] [--every-stage | --weights]");
                    System.exit(2);
                }
            }
        }
        int code = weightsOnly ? run(out, mnist, weightsShots(), false) : run(out, mnist, every);
        Platform.exit();
        System.exit(code);
    }

    /**
     * Writes the pictures.
     *
     * @param outDir the folder to write into (created if needed)
     * @param mnistDir the MNIST folder, or null to look it up as the app does
     * @param everyStage every stage of every lesson in both languages (for review), instead of
     *     the handful the README shows
     * @return the process exit code: 0 when every picture was written
     */
    public static int run(Path outDir, Path mnistDir, boolean everyStage) {
        return run(outDir, mnistDir, everyStage ? everyStage() : readmeShots(), true);
    }

    /** Writes the given pictures (and the digit canvas's, if asked); 0 when every one was written. */
    public static int run(Path outDir, Path mnistDir, List<Shot> shots, boolean drawToo) {
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            System.err.println("Cannot create " + outDir + ": " + e.getMessage());
            return 1;
        }
        String problem = startToolkit();
        if (problem != null) {
            System.err.println(problem);
            return 2;
        }
        try {
            for (Shot shot : shots) {
                Path file = outDir.resolve(shot.fileName());
                WritableImage image = render(shot, mnistDir);
                PngExport.writeImage(image, file);
                System.out.println("wrote " + file);
            }
            for (DrawShot shot : drawToo ? drawShots() : List.<DrawShot>of()) {
                Path file = outDir.resolve(shot.fileName());
                PngExport.writeImage(renderDraw(shot), file);
                System.out.println("wrote " + file);
            }
            return 0;
        } catch (Exception e) {
            System.err.println("Screenshot failed: " + (e.getMessage() == null ? e : e.getMessage()));
            return 1;
        }
    }

    /** The pictures for the README: each lesson, a few stages, both languages, light and dark. */
    public static List<Shot> readmeShots() {
        Locale en = Locale.ENGLISH;
        Locale ja = Locale.JAPANESE;
        return List.of(
                new Shot(en, Theme.LIGHT, Example.TINY, 2, "Relu1", false),
                new Shot(en, Theme.LIGHT, Example.TINY, 8, "Affine1", false),
                new Shot(en, Theme.LIGHT, Example.TINY, 0, "SoftmaxWithLoss", true),
                new Shot(en, Theme.LIGHT, Example.SIMPLE, 4, "MatMul", false),
                new Shot(en, Theme.LIGHT, Example.MNIST, 6, "Affine2", false),
                new Shot(ja, Theme.LIGHT, Example.TINY, 5, "SoftmaxWithLoss", false),
                new Shot(ja, Theme.LIGHT, Example.TINY, 0, "SoftmaxWithLoss", true),
                new Shot(en, Theme.DARK, Example.TINY, 6, "Affine2", false),
                new Shot(ja, Theme.DARK, Example.MNIST, 8, "Affine1", false),
                new Shot(en, Theme.LIGHT, Example.TINY, 8, "Affine1", false, Extra.WEIGHTS),
                new Shot(ja, Theme.LIGHT, Example.TINY, 8, "Affine2", false, Extra.WEIGHTS),
                new Shot(en, Theme.LIGHT, Example.SIMPLE, 4, "MatMul", false, Extra.WEIGHTS),
                new Shot(en, Theme.DARK, Example.MNIST, 8, "Affine1", false, Extra.WEIGHTS),
                new Shot(en, Theme.LIGHT, Example.TINY, 0, null, false, Extra.GRADCHECK),
                new Shot(en, Theme.LIGHT, Example.MNIST, 0, null, false, Extra.GRADCHECK),
                new Shot(ja, Theme.LIGHT, Example.MNIST, 0, null, false, Extra.GRADCHECK));
    }

    /** Only the pictures of the weights panel and the gradient check (--weights). */
    public static List<Shot> weightsShots() {
        return readmeShots().stream().filter(s -> s.extra() != Extra.NONE).toList();
    }

    /** Every stage of every lesson, English and Japanese, plus the refusal. */
    public static List<Shot> everyStage() {
        List<Shot> shots = new ArrayList<>();
        for (Locale locale : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
            // the lessons the window has pages for (the shopping, Sigmoid and ch. 4 lessons come with their views)
            for (Example lesson : List.of(Example.SIMPLE, Example.TINY, Example.MNIST)) {
                int stages = lesson == Example.SIMPLE ? 4 : 8;
                for (int p = 0; p <= stages; p++) {
                    shots.add(new Shot(locale, Theme.LIGHT, lesson, p, null, false));
                }
                shots.add(new Shot(locale, Theme.LIGHT, lesson, 0, null, true));
            }
        }
        return shots;
    }

    private static WritableImage render(Shot shot, Path mnistDir) throws Exception {
        AppContext ctx = onFx(() -> {
            AppContext c = new AppContext(new I18n(shot.locale()));
            c.setAnimated(false);
            c.themeProperty().set(shot.theme());
            c.mnistFolderProperty().set(mnistDir);
            return c;
        });
        MainWindow window = onFx(() -> new MainWindow(new Stage(), ctx, PageCatalog.standard(), SIZE));
        if (shot.extra() == Extra.GRADCHECK) {
            return renderGradcheck(shot, ctx, window);
        }
        onFx(() -> {
            window.showPage(shot.lesson().id());
            return null;
        });
        LessonModel model = ctx.lesson(shot.lesson());
        waitUntilSettled(model);
        if (shot.extra() == Extra.WEIGHTS) {
            useWeights(shot, ctx, model);
        }
        return onFx(() -> {
            if (model.trace() != null) {
                model.moveTo(shot.position());
                if (shot.selected() != null) {
                    model.select(shot.selected());
                }
                if (shot.refuse()) {
                    model.stepBackward();
                }
            }
            window.scene().getRoot().applyCss();
            window.scene().getRoot().layout();
            WritableImage image = window.scene().snapshot(null);
            ctx.background().shutdownNow();
            return image;
        });
    }

    /** Picks two elements, moves the first a little and waits for the engine's answer. */
    private static void useWeights(Shot shot, AppContext ctx, LessonModel model) throws Exception {
        if (onFx(model::trace) == null) {
            return;
        }
        Element first;
        Element second;
        double shift;
        switch (shot.lesson()) {
            case SIMPLE -> {
                first = new Element("W", 1, 2);
                second = new Element("W", 0, 2);
                shift = 0.6;
            }
            case MNIST -> {
                // the elements the loss is steepest along, so the curve and the map show something
                first = steepest(onFx(model::trace), "W2");
                second = steepest(onFx(model::trace), "W1");
                shift = 0.3;
            }
            default -> {
                first = new Element("W1", 0, 1);
                second = new Element("W2", 1, 0);
                shift = 0.8;
            }
        }
        WeightsModel weights = onFx(() -> {
            WeightsModel w = ctx.weights(model);
            model.selectElement(first);
            model.selectSecondElement(second);
            return w;
        });
        waitFor(() -> weights.gridProperty().get() != null && weights.snapshot() != null);
        double target = onFx(() -> weights.snapshot().value() + shift);
        onFx(() -> {
            weights.setValue(target);
            return null;
        });
        waitFor(() -> weights.snapshot() != null && weights.snapshot().value() == target);
    }

    private static Element steepest(com.backpropexplorer.explain.Trace trace, String param) {
        com.backpropexplorer.explain.Tensor g = trace.stages().stream()
                .filter(st -> !st.isForward() && st.layer().equals(param.equals("W1") ? "Affine1" : "Affine2"))
                .findFirst().orElseThrow().get("dW");
        int best = 0;
        double[] v = g.toArray();
        for (int i = 1; i < v.length; i++) {
            if (Math.abs(v[i]) > Math.abs(v[best])) {
                best = i;
            }
        }
        return new Element(param, best / g.cols(), best % g.cols());
    }

    private static WritableImage renderGradcheck(Shot shot, AppContext ctx, MainWindow window) throws Exception {
        GradcheckModel model = onFx(() -> {
            window.showPage("gradcheck");
            GradcheckModel m = ctx.gradcheck();
            m.netProperty().set(shot.lesson() == Example.MNIST ? Example.MNIST : Example.TINY);
            m.run();
            return m;
        });
        waitFor(() -> !model.runningProperty().get());
        return onFx(() -> {
            window.scene().getRoot().applyCss();
            window.scene().getRoot().layout();
            WritableImage image = window.scene().snapshot(null);
            ctx.background().shutdownNow();
            return image;
        });
    }

    private static WritableImage renderDraw(DrawShot shot) throws Exception {
        AppContext ctx = onFx(() -> {
            AppContext c = new AppContext(new I18n(shot.locale()));
            c.setAnimated(false);
            c.themeProperty().set(shot.theme());
            return c;
        });
        MainWindow window = onFx(() -> new MainWindow(new Stage(), ctx, PageCatalog.standard(), SIZE));
        DrawModel model = onFx(() -> {
            window.showPage("draw");
            DrawModel m = DrawModel.of(ctx);
            SampleDigit.drawThree(m);
            return m;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LOAD_TIMEOUT_SECONDS);
        while (onFx(() -> model.reading() == null || model.reading().empty())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the drawn digit was not read within " + LOAD_TIMEOUT_SECONDS + " s");
            }
            Thread.sleep(50);
        }
        return onFx(() -> {
            window.scene().getRoot().applyCss();
            window.scene().getRoot().layout();
            WritableImage image = window.scene().snapshot(null);
            ctx.background().shutdownNow();
            return image;
        });
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LOAD_TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (onFx(condition)) {
                Thread.sleep(400); // the answer laid out, and the inspector's coalesced re-render (150 ms) done
                return;
            }
            Thread.sleep(30);
        }
        throw new IllegalStateException("the picture's state was not reached within " + LOAD_TIMEOUT_SECONDS + " s");
    }

    private static void waitUntilSettled(LessonModel model) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LOAD_TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            LessonModel.Status status = onFx(model::status);
            if (status != LessonModel.Status.LOADING && status != LessonModel.Status.IDLE) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the lesson did not finish computing within " + LOAD_TIMEOUT_SECONDS + " s");
    }

    /** Starts JavaFX for off-screen rendering; null when ready, else why it cannot start. */
    static String startToolkit() {
        String display = System.getenv("DISPLAY");
        boolean headless = display == null || display.isBlank();
        if (headless && System.getProperty("glass.platform") == null) {
            if (!monocleAvailable()) {
                return "screenshot needs a display: run it under `xvfb-run -a`, or put Monocle"
                        + " (org.testfx:openjfx-monocle) on the class path for headless rendering.";
            }
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("prism.text", "t2k");
        }
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            return "JavaFX could not start: " + e.getMessage();
        }
        Platform.setImplicitExit(false);
        try {
            if (!started.await(20, TimeUnit.SECONDS)) {
                return "JavaFX did not start within 20 s";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while starting JavaFX";
        }
        return null;
    }

    private static boolean monocleAvailable() {
        try {
            Class.forName("com.sun.glass.ui.monocle.MonoclePlatformFactory");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        FutureTask<T> task = new FutureTask<>(action);
        Platform.runLater(task);
        try {
            return task.get(LOAD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
