package com.backpropexplorer.ui;

import com.backpropexplorer.ui.pages.AppContext;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: the main window in the OS language, light theme, the tiny lesson. */
public final class ExplorerApp extends Application {

    @Override
    public void start(Stage stage) {
        LaunchTiming.mark("start()");
        AppContext ctx = new AppContext(I18n.forSystemLocale());
        MainWindow window = new MainWindow(stage, ctx);
        LaunchTiming.mark("window built");
        stage.setOnHidden(e -> ctx.shutdown());
        // the first pulse after show() is the first frame on screen
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                long ms = LaunchTiming.firstFrame();
                ctx.statusRightProperty().set(ctx.i18n().text("status.launch", ms));
                System.err.println("Backprop Explorer: window shown " + ms + " ms after the JVM started");
                AppIcon.applyLater(stage);
            }
        }.start();
        stage.show();
        window.scene().getRoot().requestFocus();
    }
}
