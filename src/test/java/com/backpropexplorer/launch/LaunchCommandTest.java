package com.backpropexplorer.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages name the command the way the user started the program. */
class LaunchCommandTest {
    @TempDir
    Path dir;

    private Path executable(Path file) throws IOException {
        assumeTrue(File.separatorChar == '/', "executables and symbolic links as on Linux");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void theInstalledLauncherFoundOnPathIsJustItsName() throws IOException {
        Path launcher = executable(dir.resolve("opt/backprop-explorer/bin/backprop-explorer"));
        Path usrBin = Files.createDirectories(dir.resolve("usr/bin"));
        Files.createSymbolicLink(usrBin.resolve("backprop-explorer"), launcher);
        String path = dir.resolve("nothing-here") + File.pathSeparator + usrBin;
        assertEquals("backprop-explorer", LaunchCommand.of(launcher.toString(), "com.backpropexplorer.Main", path, null));
    }

    @Test
    void anUnpackedImageIsNamedByItsFullPath() throws IOException {
        Path launcher = executable(dir.resolve("Downloads/backprop-explorer/bin/backprop-explorer"));
        assertEquals(launcher.toString(), LaunchCommand.of(launcher.toString(), null, "/usr/bin:/bin", null));
    }

    @Test
    void anotherProgramOfTheSameNameEarlierOnPathMeansTheFullPath() throws IOException {
        Path launcher = executable(dir.resolve("image/bin/backprop-explorer"));
        Path other = executable(dir.resolve("elsewhere/backprop-explorer"));
        String path = other.getParent() + File.pathSeparator + launcher.getParent();
        assertEquals(launcher.toString(), LaunchCommand.of(launcher.toString(), null, path, null));
    }

    @Test
    void aPathWithSpacesIsQuotedForTheShell() throws IOException {
        Path launcher = executable(dir.resolve("My Apps/backprop-explorer/bin/backprop-explorer"));
        assertEquals("'" + launcher + "'", LaunchCommand.of(launcher.toString(), null, "", null));
        assertEquals("'it'\\''s'", LaunchCommand.quoted("it's"));
        assertEquals("target/backprop-explorer.jar", LaunchCommand.quoted("target/backprop-explorer.jar"));
    }

    @Test
    void theJarIsNamedAsItWasTyped() throws IOException {
        Path jar = Files.createDirectories(dir.resolve("target")).resolve("backprop-explorer.jar");
        Files.writeString(jar, "jar");
        String typed = jar.toString();
        assertEquals("java -jar " + typed, LaunchCommand.of(null, typed + " train --iters 10", null, jar));
    }

    @Test
    void someoneElsesJarOrAFolderOfClassesGiveTheProgramsName() throws IOException {
        Path ours = Files.writeString(dir.resolve("backprop-explorer.jar"), "ours");
        Path runner = Files.writeString(dir.resolve("surefirebooter.jar"), "a test runner");
        assertEquals(LaunchCommand.PROGRAM, LaunchCommand.of(null, runner + " 42", null, ours));
        assertEquals(LaunchCommand.PROGRAM, LaunchCommand.of(null, "com.backpropexplorer.Main trace", null, null));
        assertEquals(LaunchCommand.PROGRAM, LaunchCommand.of(null, null, null, null));
    }

    @Test
    void withAppendsTheArguments() {
        assertEquals(LaunchCommand.current() + " download", LaunchCommand.with("download"));
    }
}
