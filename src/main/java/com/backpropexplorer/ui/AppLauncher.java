package com.backpropexplorer.ui;

/** Starts the JavaFX application. */
public final class AppLauncher {
    private AppLauncher() {
    }

    public static void launch(String[] args) {
        System.err.println("The window is not built yet.");
    }
}
