package com.backpropexplorer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file the program writes (models, CSV, PNG, downloads) goes through AtomicFiles: what
 * it refuses, what it follows, what it keeps. Real links, FIFOs, devices and permissions on
 * the real file system.
 */
class AtomicFilesTest {
    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "links, FIFOs and permission bits are POSIX; this file system has none");
    }

    private static void write(Path target, String text) {
        AtomicFiles.write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aSymlinkIsFollowedAndStaysALink() throws IOException {
        Path real = Files.writeString(dir.resolve("real.csv"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), Path.of("real.csv"));
        write(link, "new");
        assertTrue(Files.isSymbolicLink(link), "the link itself is never replaced");
        assertEquals(Path.of("real.csv"), Files.readSymbolicLink(link));
        assertEquals("new", Files.readString(real));
        // a link to a file not yet there creates that file, next to the link's target
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Path dangling = Files.createSymbolicLink(dir.resolve("later.png"), sub.resolve("target.png"));
        write(dangling, "png");
        assertTrue(Files.isSymbolicLink(dangling));
        assertEquals("png", Files.readString(sub.resolve("target.png")));
        assertEquals(List.of("later.png", "link.csv", "real.csv", "sub"), names(), "no temporary file is left");
        // a chain of links ends at the file
        Path second = Files.createSymbolicLink(dir.resolve("second"), link);
        write(second, "third");
        assertEquals("third", Files.readString(real));
    }

    @Test
    void aLinkLoopIsOneSentence() throws IOException {
        Path a = dir.resolve("a");
        Files.createSymbolicLink(a, dir.resolve("b"));
        Files.createSymbolicLink(dir.resolve("b"), a);
        DataException e = assertThrows(DataException.class, () -> write(a, "x"));
        assertEquals("Cannot write " + a + ": its symbolic links go round in a circle; fix the link or choose another"
                + " name.", e.getMessage());
    }

    @Test
    void aFifoIsRefusedAndStaysAFifo() throws IOException {
        Path fifo = dir.resolve("model.npz");
        assumeTrue(HostileMnistTest.mkfifo(fifo), "mkfifo is not available here");
        DataException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(DataException.class, () -> write(fifo, "x")));
        assertEquals("Cannot write " + fifo + ": it is a device or a pipe, not a regular file; choose a file name.",
                e.getMessage());
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "still a FIFO");
        // also behind a link
        Path link = Files.createSymbolicLink(dir.resolve("via-link.npz"), fifo);
        assertThrows(DataException.class, () -> write(link, "x"));
        assertEquals(List.of("model.npz", "via-link.npz"), names());
    }

    @Test
    void aDeviceNodeIsRefused() {
        Path device = Path.of("/dev/null");
        assumeTrue(Files.exists(device), "no /dev/null here");
        DataException e = assertThrows(DataException.class, () -> write(device, "x"));
        assertEquals("Cannot write /dev/null: it is a device or a pipe, not a regular file; choose a file name.",
                e.getMessage());
        assertTrue(Files.exists(device) && !Files.isRegularFile(device), "still a device");
        assertEquals("/dev/null はデバイスまたはパイプで、通常のファイルではないため書き込めません。ファイル名を指定してください。",
                e.message(Locale.JAPANESE));
    }

    @Test
    void aReplacedFileKeepsItsPermissions() throws IOException {
        Path file = Files.writeString(dir.resolve("log.csv"), "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        write(file, "new");
        assertEquals("new", Files.readString(file));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxrw-rw-"));
        write(file, "newer");
        assertEquals("rwxrw-rw-", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aNewFileGetsWhatAnyNewFileGets() throws IOException {
        // the umask decides, not a private 0600 temporary file
        Path plain = Files.createFile(dir.resolve("made-by-anyone"));
        Path ours = dir.resolve("ours.png");
        write(ours, "png");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(ours));
    }

    @Test
    void aReadOnlyFileIsNotReplacedSilently() throws IOException {
        Path file = Files.writeString(dir.resolve("model.bpex"), "keep me");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        DataException e = assertThrows(DataException.class, () -> write(file, "x"));
        assertEquals("Cannot replace " + file + ": the file is read-only; make it writable or choose another name.",
                e.getMessage());
        assertEquals("keep me", Files.readString(file));
        assertEquals(List.of("model.bpex"), names());
    }

    @Test
    void aFolderIsNotAFileName() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("charts.png"));
        DataException e = assertThrows(DataException.class, () -> write(folder, "x"));
        assertEquals("Cannot write " + folder + ": it is a folder; give a file name, not a folder.", e.getMessage());
        assertTrue(Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aFailedWriteKeepsThePreviousFile() throws IOException {
        Path file = Files.writeString(dir.resolve("log.csv"), "previous");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), file);
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(link, out -> {
            out.write(new byte[] {1, 2, 3});
            throw new IllegalStateException("the writer failed");
        }));
        assertEquals("previous", Files.readString(file));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(List.of("link.csv", "log.csv"), names());
    }

    @Test
    void theCheckAloneNamesTheFileItWouldWrite() throws IOException {
        Path real = Files.writeString(dir.resolve("real.npz"), "");
        Path link = Files.createSymbolicLink(dir.resolve("link.npz"), real);
        assertEquals(real, FileChecks.writeTarget(link));
        assertEquals(dir.resolve("new.npz"), FileChecks.writeTarget(dir.resolve("new.npz")));
        assertFalse(Files.exists(dir.resolve("new.npz")), "checking writes nothing");
        assertArrayEquals(new byte[0], Files.readAllBytes(real));
    }
}
