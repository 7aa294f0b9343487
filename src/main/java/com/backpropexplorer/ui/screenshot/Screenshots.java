package com.backpropexplorer.ui.screenshot;

import static com.backpropexplorer.ui.screenshot.FxThread.await;
import static com.backpropexplorer.ui.screenshot.FxThread.call;

import com.backpropexplorer.explain.Example;
import com.backpropexplorer.explain.Tensor;
import com.backpropexplorer.explain.Trace;
import com.backpropexplorer.explain.WeightProbe.Element;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.PngExport;
import com.backpropexplorer.ui.app.Explorer;
import com.backpropexplorer.ui.app.MainWindow;
import com.backpropexplorer.ui.draw.DrawModel;
import com.backpropexplorer.ui.draw.SampleDigit;
import com.backpropexplorer.ui.gradcheck.GradcheckModel;
import com.backpropexplorer.ui.lesson.LessonModel;
import com.backpropexplorer.ui.weights.WeightsModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.geometry.Dimension2D;
import javafx.stage.Stage;

/**
 * The {@code screenshot} command: renders the main views without showing a window (the scene
 * is laid out and snapshotted off-screen) and writes them as PNGs. Runs under a real display
 * (Xvfb too) or, where there is none, under Monocle's headless platform when Monocle is on the
 * class path (as in the tests). A picture that comes out blank is an error, not a file.
 */
public final class Screenshots {
    /** The size of the pictures: the smallest window the app promises to be legible at. */
    public static final Dimension2D SIZE = new Dimension2D(1280, 800);

    private Screenshots() {
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
        return run(outDir, mnistDir, everyStage ? ShotList.everyStage() : ShotList.readme(), true);
    }

    /** Writes the given pictures (and the digit canvas's, if asked); 0 when every one was written. */
    public static int run(Path outDir, Path mnistDir, List<Shot> shots, boolean drawToo) {
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            System.err.println("Cannot create " + outDir + ": " + e.getMessage());
            return 1;
        }
        String problem = FxThread.start();
        if (problem != null) {
            System.err.println(problem);
            return 2;
        }
        try {
            for (Shot shot : shots) {
                write(render(shot, mnistDir), outDir.resolve(shot.fileName()));
            }
            for (DrawShot shot : drawToo ? ShotList.draw() : List.<DrawShot>of()) {
                write(render(shot), outDir.resolve(shot.fileName()));
            }
            return 0;
        } catch (Exception e) {
            System.err.println("Screenshot failed: " + (e.getMessage() == null ? e : e.getMessage()));
            return 1;
        }
    }

    private static void write(Picture picture, Path file) throws IOException {
        if (picture.isBlank()) {
            throw new IllegalStateException(file.getFileName() + " came out blank");
        }
        PngExport.writeImage(picture.image(), file);
        System.out.println("wrote " + file);
    }

    /** The window showing one lesson (or the gradient check), as {@code shot} says. FX must be started. */
    public static Picture render(Shot shot, Path mnistDir) throws Exception {
        return inWindow(shot.locale(), shot.theme(), mnistDir, (explorer, window) -> {
            if (shot.extra() == Shot.Extra.GRADCHECK) {
                runGradcheck(shot, explorer, window);
                return;
            }
            if (shot.extra() == Shot.Extra.BUGLAB) {
                LessonShots.bugLab(explorer, window);
                return;
            }
            call(() -> {
                // the nets' pictures show the code beside the graph; the other lessons' and the weights
                // panel's keep the graph's room
                explorer.codeShown().set(shot.extra() != Shot.Extra.WEIGHTS && (shot.lesson() == Example.SIMPLE
                        || shot.lesson() == Example.TINY || shot.lesson() == Example.MNIST));
                window.showPage(shot.lesson().id());
                return null;
            });
            LessonModel model = explorer.lesson(shot.lesson());
            await(() -> model.status() != LessonModel.Status.LOADING && model.status() != LessonModel.Status.IDLE, 0,
                    "the lesson's pass");
            if (shot.extra() == Shot.Extra.WEIGHTS) {
                useWeights(shot, explorer.weights(shot.lesson()), model);
            }
            if (shot.extra() == Shot.Extra.NUMGRAD && model.status() == LessonModel.Status.READY) {
                // without MNIST the picture shows the lesson's "MNIST is missing" pane instead
                LessonShots.numericalGradient(explorer, window);
            }
            call(() -> {
                if (model.trace() != null) {
                    model.moveTo(shot.position());
                    if (shot.selected() != null) {
                        model.select(shot.selected());
                    }
                    if (shot.refuse()) {
                        model.stepBackward();
                    }
                }
                return null;
            });
        });
    }

    /** The digit canvas with a sample digit drawn on it and read. FX must be started. */
    public static Picture render(DrawShot shot) throws Exception {
        return inWindow(shot.locale(), shot.theme(), null, (explorer, window) -> {
            DrawModel model = call(() -> {
                window.showPage("draw");
                DrawModel m = explorer.draw();
                SampleDigit.drawThree(m);
                return m;
            });
            await(() -> model.reading() != null && !model.reading().empty(), 0, "the drawn digit's reading");
        });
    }

    /** What a picture shows, set up in a fresh window (off the FX thread). */
    private interface SetUp {
        void setUp(Explorer explorer, MainWindow window) throws Exception;
    }

    private static Picture inWindow(Locale locale, com.backpropexplorer.ui.Theme theme, Path mnistDir, SetUp scene)
            throws Exception {
        Explorer explorer = call(() -> {
            Explorer e = new Explorer(new I18n(locale));
            e.setAnimated(false);
            e.themeProperty().set(theme);
            e.mnist().chosenProperty().set(mnistDir);
            return e;
        });
        MainWindow window = call(() -> new MainWindow(new Stage(), explorer, SIZE));
        try {
            scene.setUp(explorer, window);
            // layouts first: what the views do once laid out (the code pane scrolls to the running lines) comes next
            for (int i = 0; i < 3; i++) {
                call(() -> {
                    window.scene().getRoot().applyCss();
                    window.scene().getRoot().layout();
                    return null;
                });
            }
            return call(() -> {
                window.scene().getRoot().applyCss();
                window.scene().getRoot().layout();
                return new Picture(window.scene().snapshot(null), Picture.textsOf(window.scene().getRoot()));
            });
        } finally {
            Platform.runLater(explorer::shutdown);
        }
    }

    /** Picks two elements, moves the first a little and waits for the engine's answer. */
    private static void useWeights(Shot shot, WeightsModel weights, LessonModel model) throws Exception {
        Trace trace = call(model::trace);
        if (trace == null) {
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
                first = steepest(trace, "W2");
                second = steepest(trace, "W1");
                shift = 0.3;
            }
            default -> {
                first = new Element("W1", 0, 1);
                second = new Element("W2", 1, 0);
                shift = 0.8;
            }
        }
        call(() -> {
            model.selectElement(first);
            model.selectSecondElement(second);
            return null;
        });
        await(() -> weights.gridProperty().get() != null && weights.snapshot() != null, 400, "the weights' answer");
        double target = call(() -> weights.snapshot().value() + shift);
        call(() -> {
            weights.setValue(target);
            return null;
        });
        await(() -> weights.snapshot() != null && weights.snapshot().value() == target, 400, "the moved weight");
    }

    private static Element steepest(Trace trace, String param) {
        Tensor g = trace.stages().stream()
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

    private static void runGradcheck(Shot shot, Explorer explorer, MainWindow window) throws Exception {
        GradcheckModel model = call(() -> {
            window.showPage("gradcheck");
            GradcheckModel m = explorer.gradcheck();
            m.netProperty().set(shot.lesson() == Example.MNIST ? Example.MNIST : Example.TINY);
            m.run();
            return m;
        });
        await(() -> !model.runningProperty().get(), 400, "the gradient check");
    }
}
