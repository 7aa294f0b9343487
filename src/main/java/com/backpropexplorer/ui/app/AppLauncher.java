package com.backpropexplorer.ui.app;

import javafx.application.Application;

/**
 * Starts the JavaFX application. Lives in ui so that Main stays free of JavaFX types and the
 * command line never loads the toolkit.
 */
public final class AppLauncher {
    private AppLauncher() {
    }

    public static void launch(String[] args) {
        Application.launch(ExplorerApp.class, args);
    }
}
