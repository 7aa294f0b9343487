package com.backpropexplorer.data;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files so that a crash, a full disk or a failing writer never leaves a half-written
 * file under the real name: the content goes to a temporary sibling, is flushed to disk, and
 * only then is moved over the target in one step.
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
     * @throws DataException if the file cannot be written (one sentence naming the file and why);
     *     a DataException or RuntimeException thrown by the writer propagates unchanged
     */
    public static void write(Path target, IoConsumer<OutputStream> writer) {
        Path temp = null;
        try {
            temp = createTempSibling(target);
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
            moveIntoPlace(temp, target);
            temp = null;
        } catch (IOException e) {
            throw cannotWrite(target, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Creates an empty temporary file next to {@code target} (same folder, hence same file
     * system, so the final move can be atomic). Its name starts with a dot and the target's name.
     */
    public static Path createTempSibling(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        return Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".tmp");
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
        return new DataException("Could not write " + target + ": " + reason(e)
                + "; check that the folder exists, is writable and has free space.", e);
    }

    /** A short human reason for an I/O failure, without exception class names. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "the folder or file " + ((NoSuchFileException) e).getFile() + " does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied for " + ((AccessDeniedException) e).getFile();
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return ((FileSystemException) e).getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
