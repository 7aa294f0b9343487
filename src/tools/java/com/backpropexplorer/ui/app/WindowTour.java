package com.backpropexplorer.ui.app;

import static com.backpropexplorer.ui.screenshot.FxThread.await;
import static com.backpropexplorer.ui.screenshot.FxThread.call;

import com.backpropexplorer.explain.Example;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.LayoutAudit;
import com.backpropexplorer.ui.PngExport;
import com.backpropexplorer.ui.lesson.LessonModel;
import com.backpropexplorer.ui.screenshot.FxThread;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Dimension2D;
import javafx.stage.Stage;

/**
 * Walks every page of the real window at one size and language (under a display: Xvfb), writes
 * a PNG of each and prints what {@link LayoutAudit} finds unreadable. A reviewer's tool:
 * {@code WindowTour OUT_DIR 1024 700 ja [MNIST_DIR]}.
 */
public final class WindowTour {
    private WindowTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        double width = Double.parseDouble(args[1]);
        double height = Double.parseDouble(args[2]);
        Locale locale = Locale.forLanguageTag(args[3]);
        Path mnist = args.length > 4 ? Path.of(args[4]) : null;
        Files.createDirectories(out);
        String problem = FxThread.start();
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
        Explorer explorer = call(() -> {
            Explorer e = new Explorer(new I18n(locale));
            e.setAnimated(false);
            e.mnist().chosenProperty().set(mnist);
            return e;
        });
        Stage stage = call(Stage::new);
        MainWindow window = call(() -> {
            MainWindow w = new MainWindow(stage, explorer, new Dimension2D(width, height));
            stage.show();
            return w;
        });
        String prefix = args[3] + "-" + (int) width + "x" + (int) height + "-";
        List<String> pages = call(() -> window.scene().getRoot().lookupAll(".nav-item").stream()
                .map(n -> n.getId().substring("nav-".length())).toList());
        for (String page : pages) {
            call(() -> {
                window.showPage(page);
                return null;
            });
            Example lesson = java.util.Arrays.stream(Example.values()).filter(e -> e.id().equals(page)).findFirst()
                    .orElse(null);
            if (lesson != null) {
                LessonModel model = explorer.lesson(lesson);
                await(() -> model.status() != LessonModel.Status.LOADING && model.status() != LessonModel.Status.IDLE,
                        300, "the lesson");
                call(() -> {
                    if (model.trace() != null) {
                        model.moveTo(model.forwardCount());
                    }
                    return null;
                });
            }
            Thread.sleep(800);
            List<String> found = call(() -> LayoutAudit.problems(window.scene()));
            String scale = call(() -> window.scene().getRoot().lookup(".zoom-pane") instanceof
                    com.backpropexplorer.ui.graph.ZoomPane zoom ? String.format(" (graph at %.2f, fit %.2f)",
                    zoom.scaleProperty().get(), zoom.fitScale()) : "");
            System.out.println("== " + prefix + page + ": " + found.size() + " problem(s)" + scale);
            found.forEach(p -> System.out.println("   " + p));
            call(() -> {
                PngExport.writeImage(window.scene().snapshot(null), out.resolve(prefix + page + ".png"));
                return null;
            });
        }
        System.exit(0);
    }
}
