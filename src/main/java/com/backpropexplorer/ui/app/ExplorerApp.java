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
        MainWindow window = new MainWindow(stage, explorer);
        LaunchTiming.mark("window built");
        stage.setOnHidden(e -> explorer.shutdown());
        // the time to the first frame is a developer's figure: the log, not the window (README, Start-up)
        FirstFrame.whenShown(window.scene(), LaunchTiming::firstFrame, () -> AppIcon.applyLater(stage));
        stage.show();
        LaunchTiming.mark("stage shown");
        window.scene().getRoot().requestFocus();
    }
}
