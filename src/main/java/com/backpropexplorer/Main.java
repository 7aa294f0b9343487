package com.backpropexplorer;

import com.backpropexplorer.cli.Cli;

/**
 * Entry point of the runnable jar. With no arguments it opens the window; with a
 * command (train, gradcheck, trace, predict, bench, download, screenshot) it runs
 * headless. Kept free of JavaFX types so the command line never loads the toolkit.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            com.backpropexplorer.ui.app.AppLauncher.launch(args);
            return;
        }
        System.exit(Cli.run(args));
    }
}
