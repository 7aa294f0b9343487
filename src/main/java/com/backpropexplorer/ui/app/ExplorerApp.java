package com.backpropexplorer.ui.app;

import com.backpropexplorer.ui.I18n;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: the main window in the OS language, light theme, the tiny lesson. */
public final class ExplorerApp extends Application {

    @Override
    public void start(Stage stage) {
        LaunchTiming.mark("start()");
        Explorer explorer = new Explorer(I18n.forSystemLocale());
        MainWindow window = new MainWindow(stage, explorer);
        LaunchTiming.mark("window built");
        stage.setOnHidden(e -> explorer.shutdown());
        // the first pulse after show() is the first frame on screen
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                long ms = LaunchTiming.firstFrame();
                // a developer's figure: the log, not the window (README, Start-up)
                System.err.println("Backprop Explorer: window shown " + ms + " ms after the JVM started");
                AppIcon.applyLater(stage);
            }
        }.start();
        stage.show();
        window.scene().getRoot().requestFocus();
    }
}
