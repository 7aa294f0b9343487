package com.backpropexplorer.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.shell.Page;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.geometry.Dimension2D;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app's start (ExplorerApp): the window's frame first, its first page after that frame is
 * on screen, each announced once the renderer has put it out (the launch log's two figures).
 */
@ExtendWith(ApplicationExtension.class)
class FirstPageLaterTest {
    private MainWindow window;
    private final CountDownLatch frameOut = new CountDownLatch(1);
    private final AtomicReference<Boolean> afterwardsOnFxThread = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, new Explorer(new I18n(Locale.ENGLISH)), new Dimension2D(1280, 800), true);
        FirstFrame.whenShown(window.scene(), frameOut::countDown, () -> afterwardsOnFxThread.set(Platform.isFxApplicationThread()));
        stage.show();
    }

    @Test
    void theFrameComesFirstAndThePageWhenAsked(FxRobot robot) throws Exception {
        assertTrue(frameOut.await(20, TimeUnit.SECONDS), "the first frame was announced");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> afterwardsOnFxThread.get() != null);
        assertTrue(afterwardsOnFxThread.get(), "then the FX thread's turn");

        assertNull(window.currentPage(), "no page in the first frame");
        assertFalse(robot.lookup("#page-tiny").tryQuery().isPresent());
        assertTrue(robot.lookup("#nav-tiny").queryAs(ToggleButton.class).isSelected(), "its entry is marked already");

        CountDownLatch pageOut = new CountDownLatch(1);
        robot.interact(() -> {
            window.showFirstPage();
            FirstFrame.whenShown(window.scene(), pageOut::countDown, () -> {
            });
        });
        assertTrue(robot.lookup("#page-tiny").tryQuery().isPresent(), "the tiny lesson is in the window");
        Page first = window.currentPage();
        assertNotNull(first);
        assertEquals("tiny", window.currentPageId());
        assertTrue(pageOut.await(20, TimeUnit.SECONDS), "the frame with the page was announced");

        robot.interact(window::showFirstPage);
        assertSame(first, window.currentPage(), "asked again, it builds nothing new");
    }
}
