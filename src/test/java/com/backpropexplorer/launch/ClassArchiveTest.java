package com.backpropexplorer.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data archive: found from the launcher's options, judged current by its stamp, made
 * by a training run and moved into place. The training JVM is a stand-in script here (the real
 * one runs in the dist build, where the image's launcher makes its archive).
 */
class ClassArchiveTest {
    @TempDir
    Path dir;

    private Path app;
    private Path runtime;
    private String classPath;

    @BeforeEach
    void image() throws IOException {
        app = Files.createDirectories(dir.resolve("image/lib/app"));
        runtime = Files.createDirectories(dir.resolve("image/lib/runtime"));
        Path main = Files.writeString(app.resolve("backprop-explorer.jar"), "classes");
        Path library = Files.writeString(app.resolve("ejml-core.jar"), "more classes");
        classPath = main + File.pathSeparator + library;
    }

    private ClassArchive archive(List<String> options) {
        return new ClassArchive(app.resolve("backprop-explorer.jsa"), runtime, classPath, options);
    }

    /** A stand-in for the runtime's java: runs the given shell lines with the arguments in "$@". */
    private void fakeJava(String body) throws IOException {
        assumeTrue(File.separatorChar == '/', "the stand-in JVM is a shell script");
        Path java = Files.createDirectories(runtime.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Writes "archived" to the file named by -XX:ArchiveClassesAtExit=, as the JVM does at exit. */
    private static final String WRITES_ARCHIVE = """
            for a in "$@"; do
              case "$a" in -XX:ArchiveClassesAtExit=*) printf archived > "${a#-XX:ArchiveClassesAtExit=}" ;; esac
            done
            echo "$@" > "$(dirname "$0")/arguments"
            """;

    @Test
    void theLaunchersOptionNamesTheArchiveAndTheOtherOptionsAreKept() {
        List<String> launcher = List.of("-Djpackage.app-version=0.1.0", "-XX:SharedArchiveFile=/opt/x/lib/app/x.jsa",
                "-Xlog:disable", "--add-reads=javafx.graphics=ALL-UNNAMED", "-Djava.class.path=/opt/x/lib/app/x.jar",
                "-Xshare:auto");
        ClassArchive archive = ClassArchive.of(launcher, runtime, classPath).orElseThrow();
        assertEquals(Path.of("/opt/x/lib/app/x.jsa"), archive.file());
        List<String> training = archive.trainingCommand(Path.of("/tmp/new.jsa"));
        assertEquals(runtime.resolve("bin/java").toString(), training.get(0));
        assertEquals(List.of("-Djpackage.app-version=0.1.0", "-Xlog:disable", "--add-reads=javafx.graphics=ALL-UNNAMED"),
                training.subList(1, 4));
        assertTrue(training.contains("-XX:ArchiveClassesAtExit=/tmp/new.jsa"));
        assertTrue(training.contains("-D" + ClassArchive.TRAINING_PROPERTY + "=true"));
        assertTrue(training.contains("-Dglass.platform=Monocle"), "no display needed, no window shown");
        assertEquals(List.of("-cp", classPath, ClassArchive.MAIN_CLASS), training.subList(training.size() - 3,
                training.size()));
        assertTrue(training.stream().noneMatch(a -> a.startsWith("-XX:SharedArchiveFile") || a.startsWith("-Xshare")
                || a.startsWith("-Djava.class.path")), training::toString);
        List<String> refresh = archive.refreshCommand();
        assertEquals("class-archive", refresh.get(refresh.size() - 1));
    }

    @Test
    void theScriptLaunchersPropertyNamesTheArchiveBeforeItExists() throws IOException {
        Path cached = dir.resolve("home/.cache/backprop-explorer/123/backprop-explorer.jsa");
        List<String> launcher = List.of("-Xshare:auto", "-D" + ClassArchive.PATH_PROPERTY + "=" + cached,
                "-Djpackage.app-path=/opt/x/bin/x", "-Xlog:disable");
        ClassArchive archive = ClassArchive.of(launcher, runtime, classPath).orElseThrow();
        assertEquals(cached, archive.file());
        assertTrue(archive.isWritable(), "its cache folder can be made");
        List<String> training = archive.trainingCommand(Path.of("/tmp/new.jsa"));
        assertEquals(List.of("-Djpackage.app-path=/opt/x/bin/x", "-Xlog:disable"), training.subList(1, 3));
        assertTrue(training.stream().noneMatch(a -> a.startsWith("-D" + ClassArchive.PATH_PROPERTY + "=")), training::toString);
        // the app's background refresh runs `class-archive` in a JVM of its own: it must be
        // told which archive to make, or it finds none
        List<String> refresh = archive.refreshCommand();
        assertTrue(refresh.contains("-D" + ClassArchive.PATH_PROPERTY + "=" + cached), refresh::toString);
        assertEquals(cached, ClassArchive.of(refresh, runtime, classPath).orElseThrow().file());

        // the property wins over the option: the option names the archive only once it exists
        List<String> both = List.of("-XX:SharedArchiveFile=/opt/x/lib/app/x.jsa",
                "-D" + ClassArchive.PATH_PROPERTY + "=" + cached);
        assertEquals(cached, ClassArchive.of(both, runtime, classPath).orElseThrow().file());
    }

    @Test
    void anArchiveInAFolderNobodyMayWriteIsNotWritable() throws IOException {
        assumeTrue(File.separatorChar == '/', "POSIX permissions");
        Path locked = Files.createDirectories(dir.resolve("locked"));
        ClassArchive archive = new ClassArchive(locked.resolve("cache/x.jsa"), runtime, classPath, List.of());
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeTrue(!Files.isWritable(locked), "root may write anywhere");
            assertFalse(archive.isWritable());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void makingItMakesItsCacheFolder() throws Exception {
        fakeJava(WRITES_ARCHIVE);
        ClassArchive archive = new ClassArchive(dir.resolve("home/.cache/bpe/42/backprop-explorer.jsa"), runtime,
                classPath, List.of());

        ClassArchiveMaker.make(archive, Duration.ofSeconds(30));

        assertEquals("archived", Files.readString(archive.file()));
        assertTrue(archive.isCurrent());
    }

    @Test
    void withoutTheOptionThereIsNoArchive() {
        assertEquals(Optional.empty(), ClassArchive.of(List.of("-Xmx4g"), runtime, classPath));
    }

    @Test
    void anArchiveIsCurrentOnlyForTheJarsItWasMadeFor() throws IOException {
        ClassArchive archive = archive(List.of());
        assertFalse(archive.isCurrent(), "missing");
        Files.writeString(archive.file(), "archived");
        assertFalse(archive.isCurrent(), "no stamp: made elsewhere or by hand");
        archive.writeStamp();
        assertTrue(archive.isCurrent());

        Path jar = app.resolve("ejml-core.jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
        assertFalse(archive.isCurrent(), "a replaced jar");
        archive.writeStamp();
        assertTrue(archive.isCurrent());

        ClassArchive moved = new ClassArchive(archive.file(), dir.resolve("elsewhere/runtime"), classPath, List.of());
        assertFalse(moved.isCurrent(), "another runtime");
        ClassArchive otherPath = new ClassArchive(archive.file(), runtime, classPath.replace("image", "moved"), List.of());
        assertFalse(otherPath.isCurrent(), "another class path");
    }

    @Test
    void makingItRunsTheAppOnceAndMovesTheArchiveIntoPlace() throws Exception {
        fakeJava(WRITES_ARCHIVE);
        ClassArchive archive = archive(List.of("-Xlog:disable"));
        Files.writeString(archive.file(), "an archive for another place");

        ClassArchiveMaker.Result made = ClassArchiveMaker.make(archive, Duration.ofSeconds(30));

        assertEquals(archive.file(), made.file());
        assertEquals("archived", Files.readString(archive.file()));
        assertEquals(8, made.bytes());
        assertTrue(archive.isCurrent());
        assertFalse(Files.exists(archive.partFile()));
        String arguments = Files.readString(runtime.resolve("bin/arguments"));
        assertTrue(arguments.startsWith("-Xlog:disable -XX:ArchiveClassesAtExit=" + archive.partFile()), arguments);
    }

    @Test
    void aFailedRunSaysWhyAndKeepsTheOldArchive() throws Exception {
        fakeJava("echo 'Exception in thread main: no toolkit'\nexit 3");
        ClassArchive archive = archive(List.of());
        Files.writeString(archive.file(), "old");

        IOException e = assertThrows(IOException.class, () -> ClassArchiveMaker.make(archive, Duration.ofSeconds(30)));

        assertEquals("The run that records the classes failed (exit code 3); its last output:"
                + " Exception in thread main: no toolkit", e.getMessage());
        assertEquals("old", Files.readString(archive.file()));
        assertFalse(archive.isCurrent());
        assertFalse(Files.exists(archive.partFile()));
    }

    @Test
    void aRunThatWritesNothingIsAFailureToo() throws Exception {
        fakeJava("exit 0");
        ClassArchive archive = archive(List.of());
        IOException e = assertThrows(IOException.class, () -> ClassArchiveMaker.make(archive, Duration.ofSeconds(30)));
        assertTrue(e.getMessage().startsWith("The run that records the classes ended without writing"), e.getMessage());
        assertFalse(Files.exists(archive.file()));
    }

    @Test
    void aRunThatHangsIsStoppedAtTheTimeout() throws Exception {
        fakeJava("exec sleep 30");
        ClassArchive archive = archive(List.of());
        long start = System.nanoTime();
        IOException e = assertThrows(IOException.class, () -> ClassArchiveMaker.make(archive, Duration.ofMillis(500)));
        assertTrue(e.getMessage().startsWith("The run that records the classes did not finish within"), e.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(20).toNanos());
    }

    @Test
    void twoProcessesNeverMakeItAtOnce() throws Exception {
        fakeJava(WRITES_ARCHIVE);
        ClassArchive archive = archive(List.of());
        try (FileChannel channel = FileChannel.open(archive.lockFile(), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = channel.lock()) {
            IOException e = assertThrows(IOException.class, () -> ClassArchiveMaker.make(archive, Duration.ofSeconds(30)));
            assertEquals("Another process is making the class-data archive " + archive.file()
                    + " right now; wait for it to finish.", e.getMessage());
        }
        assertFalse(Files.exists(archive.file()));
    }

    @Test
    void anImageSomeoneElseOwnsIsNotWritable() throws IOException {
        assumeTrue(File.separatorChar == '/', "POSIX permissions");
        assumeTrue(!"root".equals(System.getProperty("user.name")), "root may write anywhere");
        Files.setPosixFilePermissions(app, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertFalse(archive(List.of()).isWritable());
        } finally {
            Files.setPosixFilePermissions(app, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
