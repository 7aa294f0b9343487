package com.backpropexplorer.data;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that a crash, a full disk or a failing writer never leaves a half-written
 * file under the real name: the content goes to a temporary sibling, is flushed to disk, and
 * only then is moved over the target in one step.
 *
 * <p>Before anything is written, {@link FileChecks#writeTarget} refuses a folder, a device, a
 * FIFO and a read-only file, and follows a symbolic link to the file it points to (the link
 * stays a link). A replaced file keeps its permissions; a new one gets the user's defaults
 * (the umask), as any other program's files.
 *
 * <pre>{@code
 * AtomicFiles.write(path, out -> out.write(bytes));
 * }</pre>
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /**
     * Writes {@code target} through {@code writer}; the previous file (if any) stays untouched
     * unless the writer completes. The temporary file is deleted on every failure.
     *
     * @throws DataException if the target must not or cannot be written (one sentence naming
     *     the file and why); a DataException or RuntimeException thrown by the writer propagates
     *     unchanged
     */
    public static void write(Path target, IoConsumer<OutputStream> writer) {
        Path destination = FileChecks.writeTarget(target);
        Path temp = null;
        try {
            temp = createTempSibling(destination);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
                // writers may close what they are given (e.g. a ZipOutputStream in try-with-resources);
                // the channel must stay open for force()
                writer.accept(new FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        out.flush();
                    }
                });
                out.flush();
                // the rename must not reach the disk before the content does
                channel.force(true);
            }
            replace(temp, destination);
            temp = null;
        } catch (IOException e) {
            throw cannotWrite(target, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Creates an empty temporary file next to {@code target} (same folder, hence same file
     * system, so the final move can be atomic), with the permissions a new file gets. Its name
     * starts with a dot and the target's name and ends with {@code .tmp}.
     */
    public static Path createTempSibling(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        for (int attempt = 0; ; attempt++) {
            Path temp = absolute.resolveSibling("." + absolute.getFileName() + "."
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                // no file attributes given: the umask decides, unlike Files.createTempFile's 0600
                Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt == 100) {
                    throw e;
                }
            }
        }
    }

    /** Gives {@code temp} the POSIX permissions of {@code existing}, if that exists. */
    private static void keepPermissions(Path existing, Path temp) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(existing, PosixFileAttributeView.class);
        if (view == null || !Files.exists(existing)) {
            return;
        }
        Set<PosixFilePermission> permissions = view.readAttributes().permissions();
        Files.setPosixFilePermissions(temp, permissions);
    }

    /**
     * Moves a finished temporary file over {@code destination} (a path {@link FileChecks#writeTarget}
     * returned), keeping the permissions of the file it replaces.
     */
    public static void replace(Path temp, Path destination) throws IOException {
        keepPermissions(destination, temp);
        moveIntoPlace(temp, destination);
    }

    /**
     * Moves {@code source} over {@code target} atomically, or with a plain replacing move where
     * the file system cannot do it atomically.
     */
    public static void moveIntoPlace(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes {@code file} if it exists, ignoring failures (used for cleanup on error paths). */
    public static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // cleanup of a temporary file; the original error matters more
        }
    }

    /** Turns an I/O failure while writing {@code target} into one user-facing sentence. */
    static DataException cannotWrite(Path target, IOException e) {
        return new DataException(e, "write.failed", target, FileChecks.reason(e));
    }
}
