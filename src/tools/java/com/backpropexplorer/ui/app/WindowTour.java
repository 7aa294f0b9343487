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
import javafx.scene.control.TabPane;
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
            if (page.equals("train") && mnist != null && Boolean.getBoolean("tour.train")) {
                fill(explorer);
            }
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
            look(window, out, prefix + page);
            // the Train page's tabs, each in turn
            int tabs = call(() -> window.scene().lookup("#trainTabs") instanceof TabPane t && page.equals("train")
                    ? t.getTabs().size() : 0);
            for (int i = 1; i < tabs; i++) {
                int index = i;
                String tabId = call(() -> {
                    TabPane t = (TabPane) window.scene().lookup("#trainTabs");
                    t.getSelectionModel().select(index);
                    return t.getTabs().get(index).getId();
                });
                Thread.sleep(800);
                look(window, out, prefix + page + "-" + tabId);
                call(() -> { // the whole of the tab's content, also what is scrolled out of view
                    TabPane t = (TabPane) window.scene().lookup("#trainTabs");
                    javafx.scene.Node content = t.getTabs().get(index).getContent();
                    if (content instanceof javafx.scene.control.ScrollPane scroll) {
                        content = scroll.getContent();
                    }
                    PngExport.writeImage(content.snapshot(null, null), out.resolve(prefix + page + "-" + tabId
                            + "-all.png"));
                    return null;
                });
            }
            if (tabs > 0 && Boolean.getBoolean("tour.exportError")) {
                exportError(window, out, prefix);
            }
            if (tabs > 0) {
                call(() -> {
                    ((TabPane) window.scene().lookup("#trainTabs")).getSelectionModel().select(0);
                    return null;
                });
            }
        }
        System.exit(0);
    }

    /**
     * With {@code -Dtour.train=true}: a short run of the Train page (its confusion matrix) and the
     * comparison of figure 6-15, so the tabs are looked at with what they show.
     */
    private static void fill(Explorer explorer) throws Exception {
        call(() -> {
            explorer.training().settings().lengthProperty().set("1200");
            explorer.training().start();
            return null;
        });
        await(() -> explorer.training().state() == com.backpropexplorer.ui.train.TrainingState.COMPLETED, 300,
                "the run");
        boolean queued = call(() -> explorer.comparison().addInits(
                explorer.training().settings().parse(60_000).config()));
        if (!queued) {
            throw new IllegalStateException("the comparison found no training data");
        }
        await(() -> explorer.comparison().runs().stream().allMatch(r -> r.status().over()), 600, "the comparison");
    }

    /**
     * With {@code -Dtour.exportError=true}: the comparison exported into a folder that is not
     * there, and the dialog that says so written as a picture, with where it opened against the
     * main window (run with and without a window manager).
     */
    private static void exportError(MainWindow window, Path out, String prefix) throws Exception {
        call(() -> {
            Object pane = window.scene().lookup("#comparisonPane");
            java.lang.reflect.Method export = pane.getClass().getDeclaredMethod("exportCsv", Path.class);
            export.setAccessible(true);
            export.invoke(pane, Path.of("/no/such/folder/comparison.csv"));
            return null;
        });
        await(() -> javafx.stage.Window.getWindows().stream().anyMatch(w -> w.getScene() != null
                && w.getScene().lookup("#compareErrorDialog") != null), 30, "the dialog");
        Thread.sleep(800);
        call(() -> {
            javafx.stage.Window dialog = javafx.stage.Window.getWindows().stream().filter(w -> w.getScene() != null
                    && w.getScene().lookup("#compareErrorDialog") != null).findFirst().orElseThrow();
            javafx.stage.Window main = window.scene().getWindow();
            System.out.printf("== %sexport-error dialog at %.0f,%.0f %.0fx%.0f; window at %.0f,%.0f %.0fx%.0f%n", prefix,
                    dialog.getX(), dialog.getY(), dialog.getWidth(), dialog.getHeight(), main.getX(), main.getY(),
                    main.getWidth(), main.getHeight());
            LayoutAudit.problems(dialog.getScene()).forEach(p -> System.out.println("   " + p));
            PngExport.writeImage(dialog.getScene().snapshot(null), out.resolve(prefix + "export-error.png"));
            dialog.hide();
            return null;
        });
    }

    /** Audits the window as it is now and writes its picture. */
    private static void look(MainWindow window, Path out, String name) throws Exception {
        List<String> found = call(() -> LayoutAudit.problems(window.scene()));
        String scale = call(() -> window.scene().getRoot().lookup(".zoom-pane") instanceof
                com.backpropexplorer.ui.graph.ZoomPane zoom ? String.format(" (graph at %.2f, fit %.2f)",
                zoom.scaleProperty().get(), zoom.fitScale()) : "");
        System.out.println("== " + name + ": " + found.size() + " problem(s)" + scale);
        found.forEach(p -> System.out.println("   " + p));
        call(() -> {
            PngExport.writeImage(window.scene().snapshot(null), out.resolve(name + ".png"));
            return null;
        });
    }
}
