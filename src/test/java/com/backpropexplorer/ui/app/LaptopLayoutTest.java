package com.backpropexplorer.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.data.SharedMnist;
import com.backpropexplorer.explain.Example;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.LayoutAudit;
import com.backpropexplorer.ui.lesson.LessonModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.geometry.Dimension2D;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every page of the real window at a laptop's sizes (1024×700 and 1366×768) in English and
 * Japanese: no label, button or field cut short ("St…", "1000(", "Explai…"), nothing out of
 * the window or its pane, the tiny lesson's numbers readable, each of the Train page's tabs
 * without a horizontal scroll bar and all its tab titles in view, and the status line in the
 * window's language on every page.
 */
@ExtendWith(ApplicationExtension.class)
class LaptopLayoutTest {
    /** The smallest digit height (in scene pixels) that can be read without a magnifier. */
    private static final double READABLE_PX = 9;

    private Stage stage;
    private Explorer explorer;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close(FxRobot robot) {
        if (explorer != null) {
            robot.interact(explorer::shutdown);
        }
        robot.interact(() -> { // the next test class shares this stage and expects the usual size
            stage.setWidth(1280);
            stage.setHeight(800);
        });
    }

    static Stream<Arguments> sizes() {
        return Stream.of(Arguments.of(1024, 700, "en"), Arguments.of(1024, 700, "ja"),
                Arguments.of(1366, 768, "en"), Arguments.of(1366, 768, "ja"));
    }

    @ParameterizedTest(name = "{0}×{1} {2}")
    @MethodSource("sizes")
    void everyPageCanBeReadAtALaptopsSize(int width, int height, String language, FxRobot robot) throws Exception {
        Locale locale = Locale.forLanguageTag(language);
        MainWindow window = WaitForAsyncUtils.asyncFx(() -> {
            explorer = new Explorer(new I18n(locale));
            explorer.setAnimated(false);
            explorer.mnist().chosenProperty().set(SharedMnist.find().orElse(null));
            MainWindow w = new MainWindow(stage, explorer, new Dimension2D(width, height));
            stage.show();
            stage.sizeToScene(); // the stage is shared by the tests: at this scene's size
            return w;
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(width, window.scene().getWidth(), 0.5, "the window is as wide as a laptop's");
        assertEquals(height, window.scene().getHeight(), 0.5);
        List<String> problems = new ArrayList<>();
        List<String> pages = robot.lookup(".nav-item").queryAll().stream().map(n -> n.getId().substring(4)).toList();
        assertTrue(pages.containsAll(List.of("simple", "tiny", "mnist", "train", "draw", "gradcheck")), "" + pages);
        for (String page : pages) {
            robot.interact(() -> window.showPage(page));
            Example lesson = Stream.of(Example.values()).filter(e -> e.id().equals(page)).findFirst().orElse(null);
            if (lesson != null) {
                LessonModel model = explorer.lesson(lesson);
                WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.status() != LessonModel.Status.LOADING
                        && model.status() != LessonModel.Status.IDLE);
                robot.interact(() -> {
                    if (model.trace() != null) {
                        model.moveTo(model.forwardCount()); // the longest caption
                    }
                });
            }
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> LayoutAudit.problems(window.scene()).forEach(p -> problems.add(page + ": " + p)));
            String status = robot.lookup(".status-text").queryAs(Label.class).getText();
            if (locale.getLanguage().equals("ja") && !status.isEmpty()) {
                assertTrue(status.codePoints().anyMatch(c -> c > 0x3000), page + "'s status line in Japanese: " + status);
            }
            if (page.equals("tiny")) {
                double smallest = WaitForAsyncUtils.asyncFx(() -> smallestDigit(window.scene().lookup("#graph"))).get();
                assertTrue(smallest >= READABLE_PX, "the tiny lesson's numbers are " + smallest + " px tall");
            }
            if (page.equals("train")) {
                // every tab in turn: the run's pictures, the confusion matrix, the comparison
                TabPane tabs = robot.lookup("#trainTabs").queryAs(TabPane.class);
                assertTrue(tabs.getTabs().size() >= 3, "the Train page's tabs");
                for (Tab tab : List.copyOf(tabs.getTabs())) {
                    robot.interact(() -> tabs.getSelectionModel().select(tab));
                    WaitForAsyncUtils.waitForFxEvents();
                    robot.interact(() -> LayoutAudit.problems(window.scene())
                            .forEach(p -> problems.add(page + " " + tab.getId() + ": " + p)));
                    assertFalse(robot.lookup(".train-charts-scroll .scroll-bar").queryAllAs(ScrollBar.class).stream()
                            .anyMatch(b -> b.getOrientation() == Orientation.HORIZONTAL && shown(b)),
                            tab.getId() + ": its pictures are not behind a horizontal scroll bar");
                    assertFalse(robot.lookup("#trainTabs .tab-down-button").tryQuery().map(LaptopLayoutTest::shown)
                            .orElse(false), "every tab's title is in view: the tab headers do not scroll");
                }
                robot.interact(() -> tabs.getSelectionModel().select(0));
            }
        }
        assertEquals(List.of(), problems, width + "×" + height + " " + language);
    }

    /** Whether the node and everything it sits in are visible (a tab not selected hides its scroll bars). */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** The height on screen of the shortest number shown on the graph (its matrix cells). */
    private static double smallestDigit(Node graph) {
        return graph.lookupAll(".matrix-cell").stream()
                .filter(Node::isVisible)
                .flatMap(cell -> cell.lookupAll(".text").stream())
                .filter(t -> t instanceof Text text && !text.getText().isBlank())
                .mapToDouble(t -> t.localToScene(t.getLayoutBounds()).getHeight())
                .min().orElse(0);
    }
}
