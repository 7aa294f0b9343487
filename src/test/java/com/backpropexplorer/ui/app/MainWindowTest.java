package com.backpropexplorer.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.Theme;
import com.backpropexplorer.ui.shell.Page;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Dimension2D;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window as the app wires it: the sidebar's pages, the status line, the theme. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private Explorer explorer;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        explorer = new Explorer(new I18n(Locale.ENGLISH));
        window = new MainWindow(stage, explorer, new Dimension2D(1280, 800));
        stage.show();
    }

    @Test
    void theWindowOpensOnTheTinyLessonAndEverySidebarEntryShowsItsPage(FxRobot robot) {
        assertEquals("tiny", window.currentPageId());
        assertTrue(robot.lookup("#page-tiny").tryQuery().isPresent());
        assertTrue(robot.lookup("#nav-tiny").queryAs(ToggleButton.class).isSelected());
        for (String id : List.of("simple", "mnist", "train", "draw", "gradcheck", "tiny")) {
            Page before = window.currentPage();
            robot.clickOn("#nav-" + id);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(id, window.currentPageId());
            assertTrue(robot.lookup("#page-" + id).tryQuery().isPresent(), id + "'s page is in the window");
            assertTrue(robot.lookup("#nav-" + id).queryAs(ToggleButton.class).isSelected());
            assertFalse(before == window.currentPage(), "a page of its own");
        }
    }

    @Test
    void thePagesFillTheStatusLine(FxRobot robot) {
        I18n en = explorer.i18n();
        robot.clickOn("#nav-train");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(en.text("train.status.hint"), robot.lookup(".status-text").queryAs(Label.class).getText());
        robot.clickOn("#nav-draw");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(en.text("draw.status"), robot.lookup(".status-text").queryAs(Label.class).getText());
    }

    @Test
    void theDarkThemeComesFromTheViewMenuAndSurvivesALanguageSwitch(FxRobot robot) {
        robot.clickOn("View").clickOn("Dark theme");
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(Theme.DARK, explorer.themeProperty().get());
        assertTrue(window.scene().getRoot().getStyleClass().contains("dark"));
        robot.interact(() -> window.setLocale(Locale.JAPANESE));
        assertTrue(window.scene().getRoot().getStyleClass().containsAll(List.of("dark", "ja")));
        assertNotNull(robot.lookup("#page-tiny").tryQuery().orElse(null), "the same page after the rebuild");
        robot.interact(() -> window.setTheme(Theme.LIGHT));
        assertFalse(window.scene().getRoot().getStyleClass().contains("dark"));
    }
}
