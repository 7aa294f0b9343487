package com.backpropexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.backpropexplorer.data.Mnist;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command line as a separate process, where what matters is the process: a signal in the
 * middle of a download, and a Java heap smaller than what a data folder claims.
 */
class CliProcessTest {
    @TempDir
    Path dir;

    private static boolean unix() {
        return File.separatorChar == '/' && Files.isExecutable(Path.of("/bin/kill"));
    }

    /** {@code java [jvmArgs] com.backpropexplorer.Main args...} with this test's class path. */
    private Process start(List<String> jvmArgs, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("com.backpropexplorer.Main");
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("output.txt").toFile()).start();
    }

    /** Whether this process ignores SIGINT (bit 2 of SigIgn in /proc/self/status), as a child would too. */
    private static boolean sigintIgnoredHere() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & 0x2) != 0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc: assume the usual, not ignored
        }
        return false;
    }

    private List<String> hidden(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT"})
    void aSignalDuringADownloadRemovesThePartialFile(String signal) throws Exception {
        assumeTrue(unix(), "signals are sent with /bin/kill");
        assumeTrue(!signal.equals("INT") || !sigintIgnoredHere(), "this test runs with SIGINT ignored (a background"
                + " job of a script), which its child inherits and the JVM keeps; Ctrl-C in a terminal is not ignored");
        Path mnist = com.backpropexplorer.data.SharedMnist.dir().toAbsolutePath();
        assumeTrue(Files.isRegularFile(mnist.resolve(Mnist.TRAIN_IMAGES)), "real MNIST not found in " + mnist);
        Path target = Files.createDirectory(dir.resolve("mnist"));
        try (LocalMirror mirror = new LocalMirror(mnist)) {
            Process process = start(List.of(), "download", "--mirror", mirror.url("stall").toString(), "--dir",
                    target.toString());
            try {
                // the stalled answer leaves half a file under a hidden temporary name
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (hidden(target).isEmpty() && process.isAlive() && System.nanoTime() < until) {
                    Thread.sleep(20);
                }
                assertEquals(1, hidden(target).size(), "a partial file is being written");
                Process kill = new ProcessBuilder("/bin/kill", "-" + signal, Long.toString(process.pid())).start();
                assertEquals(0, kill.waitFor());
                assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the download ended on SIG" + signal);
            } finally {
                process.destroyForcibly();
            }
            assertEquals(List.of(), hidden(target), "the partial file is gone");
            assertFalse(Files.exists(target.resolve(Mnist.TRAIN_IMAGES)), "nothing that looks like a file");
        }
    }

    @Test
    void aDataFolderClaimingMoreThanTheHeapHoldsIsOneSentence() throws Exception {
        // 100,000 images of zeros, consistent in every field: 79 MB of pixels, 627 MB as doubles
        Path data = Files.createDirectory(dir.resolve("data"));
        byte[] header = ByteBuffer.allocate(16).putInt(2051).putInt(100_000).putInt(28).putInt(28).array();
        Files.write(data.resolve(Mnist.TRAIN_IMAGES), gzipZeros(header, 100_000L * 784));
        Files.write(data.resolve(Mnist.TRAIN_LABELS), gzipZeros(
                ByteBuffer.allocate(8).putInt(2049).putInt(100_000).array(), 100_000));
        Files.write(data.resolve(Mnist.TEST_IMAGES), gzipZeros(
                ByteBuffer.allocate(16).putInt(2051).putInt(10).putInt(28).putInt(28).array(), 10L * 784));
        Files.write(data.resolve(Mnist.TEST_LABELS), gzipZeros(ByteBuffer.allocate(8).putInt(2049).putInt(10).array(), 10));
        Process process = start(List.of("-Xmx256m"), "gradcheck", "--data", data.toString());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        String output = Files.readString(dir.resolve("output.txt"), StandardCharsets.UTF_8).strip();
        assertEquals(1, process.exitValue(), output);
        assertTrue(output.matches("MNIST in " + java.util.regex.Pattern.quote(data.toString()) + " needs about [0-9,]+ MB"
                + " of memory, but only [0-9,]+ MB of Java's [0-9,]+ MB are free; close other data in the app, or start"
                + " Java with more memory \\(for example java -Xmx8g\\)\\."), output);
        assertFalse(output.contains("OutOfMemoryError"), output);
    }

    private static byte[] gzipZeros(byte[] header, long zeros) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(bytes, 1 << 16)) {
            out.write(header);
            byte[] block = new byte[1 << 20];
            for (long left = zeros; left > 0; left -= block.length) {
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
        return bytes.toByteArray();
    }
}
