package com.backpropexplorer.cli;

/** The headless commands. */
public final class Cli {
    private Cli() {
    }

    /** Runs one command and returns the process exit code (0 ok, 1 runtime error, 2 usage). */
    public static int run(String... args) {
        System.err.println("No commands yet.");
        return 2;
    }
}
