package com.backpropexplorer.launch;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Makes the {@link ClassArchive}: runs the app once, headless, in a JVM that writes every
 * class it loaded into a new archive when it exits, and moves that archive into place.
 * A JVM starting meanwhile maps either the old archive or the new one, never half of one.
 */
public final class ClassArchiveMaker {
    /** How long the app has to start, show its first frame and write the archive. */
    public static final Duration TIMEOUT = Duration.ofMinutes(3);
    /** How long after the first frame the app waits before it looks at its archive. */
    private static final long REFRESH_DELAY_MILLIS = 3000;

    /** What was made: the archive, its size and how long it took. */
    public record Result(Path file, long bytes, double seconds) {
    }

    private ClassArchiveMaker() {
    }

    /**
     * Makes the archive now (the {@code class-archive} command).
     *
     * @throws IOException with one sentence when another process is making it, the training
     *     run failed or timed out, or the archive could not be written
     */
    public static Result make(ClassArchive archive, Duration timeout) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Files.createDirectories(archive.file().getParent());
        try (FileChannel channel = FileChannel.open(archive.lockFile(), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = tryLock(channel)) {
            if (lock == null) {
                throw new IOException("Another process is making the class-data archive " + archive.file()
                        + " right now; wait for it to finish.");
            }
            Path part = archive.partFile();
            Files.deleteIfExists(part);
            Path log = Files.createTempFile("backprop-explorer-class-archive", ".log");
            try {
                run(archive.trainingCommand(part), log, timeout);
                if (!Files.isRegularFile(part) || Files.size(part) == 0) {
                    throw new IOException("The run that records the classes ended without writing "
                            + part + "; its last output: " + tail(log));
                }
                Files.move(part, archive.file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                archive.writeStamp();
            } finally {
                Files.deleteIfExists(log);
                Files.deleteIfExists(part);
            }
        }
        return new Result(archive.file(), Files.size(archive.file()), (System.nanoTime() - start) / 1e9);
    }

    /** The lock, or null when another process (or another thread here) holds it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static void run(List<String> command, Path log, Duration timeout) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        process.getOutputStream().close();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IOException("The run that records the classes did not finish within " + timeout.toSeconds()
                    + " s; try again when the computer is less busy.");
        }
        if (process.exitValue() != 0) {
            throw new IOException("The run that records the classes failed (exit code " + process.exitValue()
                    + "); its last output: " + tail(log));
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, Charset.defaultCharset());
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size())).strip();
        } catch (IOException e) {
            return "(none)";
        }
    }

    /**
     * From the app: once {@code windowShown} is true, and a little later, checks the archive on
     * a background thread; when it is missing or does not fit this image and the image is
     * writable, starts {@code class-archive} in a process of its own, at low priority. That
     * process outlives the window if the learner closes it early. Does nothing when the app
     * was not started by the image's launcher.
     */
    public static void refreshLater(BooleanSupplier windowShown) {
        Thread thread = new Thread(() -> {
            try {
                while (!windowShown.getAsBoolean()) {
                    Thread.sleep(50);
                }
                Thread.sleep(REFRESH_DELAY_MILLIS);
                ClassArchive.ofThisProcess()
                        .filter(archive -> !archive.isCurrent() && archive.isWritable())
                        .ifPresent(ClassArchiveMaker::startRefresh);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "class-archive-check");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private static void startRefresh(ClassArchive archive) {
        try {
            new ProcessBuilder(archive.refreshCommand()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().getOutputStream().close();
        } catch (IOException e) {
            System.err.println("Backprop Explorer: could not start making the class-data archive ("
                    + e.getMessage() + "); the app starts more slowly without it.");
        }
    }

    /**
     * In the training run: ends the process shortly after the first frame (when
     * {@code windowShown} turns true), so the JVM writes the archive; gives up after the timeout.
     */
    public static void exitAfterFirstFrame(BooleanSupplier windowShown) {
        Thread thread = new Thread(() -> {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            try {
                while (!windowShown.getAsBoolean()) {
                    if (System.nanoTime() > deadline) {
                        System.err.println("the window was not shown within " + TIMEOUT.toSeconds() + " s");
                        Runtime.getRuntime().halt(3);
                    }
                    Thread.sleep(20);
                }
                // what the first seconds do after the frame (the lesson's first computation) too
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.exit(0);
        }, "class-archive-training");
        thread.setDaemon(true);
        thread.start();
    }
}
