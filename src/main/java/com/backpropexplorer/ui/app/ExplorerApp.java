package com.backpropexplorer.ui.app;

import com.backpropexplorer.ui.I18n;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: the main window in the OS language, light theme, the tiny lesson. */
public final class ExplorerApp extends Application {

    @Override
    public void start(Stage stage) {
        LaunchTiming.mark("start()");
        Explorer explorer = new Explorer(I18n.forSystemLocale());
        LaunchTiming.mark("view-models made");
        // the window's frame first (menus, sidebar), the lesson in the frames after it: the
        // learner sees the app at once, and the lesson's CSS and layout do not hold it back
        MainWindow window = new MainWindow(stage, explorer, null, true);
        LaunchTiming.mark("window built");
        stage.setOnHidden(e -> explorer.shutdown());
        // the times to the first frames are a developer's figure: the log, not the window (README, Start-up)
        FirstFrame.whenShown(window.scene(), LaunchTiming::firstFrame, () -> {
            window.showFirstPage();
            FirstFrame.whenShown(window.scene(), LaunchTiming::pageShown, () -> AppIcon.applyLater(stage));
        });
        stage.show();
        LaunchTiming.mark("stage shown");
        window.scene().getRoot().requestFocus();
    }
}
