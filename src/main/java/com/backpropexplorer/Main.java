package com.backpropexplorer;

import com.backpropexplorer.cli.Cli;
import com.backpropexplorer.launch.ClassArchive;
import com.backpropexplorer.launch.ClassArchiveMaker;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Entry point of the runnable jar and of the app image's launcher. With no arguments it opens
 * the window; with a command (train, gradcheck, trace, predict, bench, download, screenshot) it
 * runs headless. Kept free of JavaFX types so the command line never loads the toolkit.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        com.backpropexplorer.ui.app.LaunchTiming.mark("main()");
        if (args.length == 0) {
            if (ClassArchive.isTrainingRun()) {
                // the run that fills the class-data archive: the command line's classes too
                PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
                Cli.run(nowhere, nowhere, "trace", "--example", "tiny");
                Cli.run(nowhere, nowhere, "trace", "--example", "tiny", "--json");
                ClassArchiveMaker.exitAfterFirstFrame(Main::windowShown);
            } else {
                ClassArchiveMaker.refreshLater(Main::windowShown);
            }
            com.backpropexplorer.ui.app.AppLauncher.launch(args);
            return;
        }
        System.exit(Cli.run(args));
    }

    private static boolean windowShown() {
        // the window shows its frame first, the lesson a few frames later: wait for the lesson
        return com.backpropexplorer.ui.app.LaunchTiming.isPageShown();
    }
}
