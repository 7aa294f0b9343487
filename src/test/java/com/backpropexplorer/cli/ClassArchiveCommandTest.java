package com.backpropexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code class-archive} outside the app image (here: the test JVM, started without an archive):
 * one sentence and exit 1, and the command is not offered in the help. Inside the image the dist
 * build runs it for real (its launcher makes the image's archive).
 */
class ClassArchiveCommandTest {
    @TempDir
    Path home;

    @Test
    void withoutTheImagesLauncherThereIsNothingToMake() {
        CliRun run = CliRun.run(home, "class-archive");
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("There is no class-data archive to make: only the app image's launcher (bin/backprop-explorer)"
                + " starts the app with one.", run.err().strip());
        assertEquals("", run.out());
    }

    @Test
    void itIsHiddenFromTheHelp() {
        CliRun run = CliRun.run(home, "--help");
        assertEquals(0, run.exitCode(), run::toString);
        assertFalse(run.out().contains("class-archive"), run.out());
    }
}
