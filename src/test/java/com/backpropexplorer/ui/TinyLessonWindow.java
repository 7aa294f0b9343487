package com.backpropexplorer.ui;

import com.backpropexplorer.explain.Example;
import com.backpropexplorer.ui.lesson.LessonModel;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The set-up of the tests that drive the real window on the tiny lesson: before each test, the main window in
 * English on TestFX's stage, and the tiny lesson's pass computed.
 *
 * <p>The window is opened here and not in a {@code @Start} method, because ApplicationExtension only looks for
 * {@code @Start} among the test class's own methods. Its {@code beforeEach} (register the stage, start an empty
 * application) runs before every {@code @BeforeEach} method, and this one runs before the subclass's own.
 */
@ExtendWith(ApplicationExtension.class)
abstract class TinyLessonWindow {
    protected ExplorerFixture app;

    @BeforeEach
    final void openTheWindowWithTinyReady() throws Exception {
        FxToolkit.setupStage(stage -> app = new ExplorerFixture(stage, Locale.ENGLISH));
        app.awaitReady(Example.TINY);
    }

    protected final LessonModel tiny() {
        return app.lesson(Example.TINY);
    }
}
