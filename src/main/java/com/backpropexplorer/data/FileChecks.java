package com.backpropexplorer.data;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * What may be read and what may be written, said in one sentence before anything is opened:
 * a folder where a file belongs, a device or a FIFO (reading one can block forever or never
 * end; writing one must not replace it with a regular file), a read-only file that would be
 * replaced silently, a folder that does not exist.
 *
 * <p>Symbolic links are followed: writing through a link writes the file it points to and
 * leaves the link in place.
 */
public final class FileChecks {
    /** Links within links are followed this deep, as the kernel's own limit. */
    private static final int MAX_LINKS = 40;
    private static final Set<PosixFilePermission> WRITE_BITS = EnumSet.of(PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    private FileChecks() {
    }

    /** What kind of file a sentence is about ("The model file", "The image", "The MNIST file"). */
    public enum Kind {
        /** A model file (.npz or our own format). */
        MODEL("kind.model"),
        /** A picture of a digit. */
        IMAGE("kind.image"),
        /** One of the four MNIST files. */
        MNIST("kind.mnist"),
        /** Any other file. */
        FILE("kind.file");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        DataMessage phrase() {
            return DataMessage.of(key);
        }
    }

    /**
     * Fails unless {@code file} is a regular file (links followed) that can be opened for reading.
     *
     * @throws DataException "... does not exist", "... is a folder, not a file", "... is a device
     *     or a pipe", or "... cannot be read"
     */
    public static void requireReadableFile(Path file, Kind kind) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new DataException(e, "file.missing", kind.phrase(), file);
        } catch (IOException e) {
            throw new DataException(e, "file.unreadable", kind.phrase(), file, reason(e));
        }
        if (attributes.isDirectory()) {
            throw new DataException("file.isFolder", kind.phrase(), file);
        }
        if (!attributes.isRegularFile()) {
            throw new DataException("file.notRegular", kind.phrase(), file);
        }
        if (!Files.isReadable(file)) {
            throw new DataException("file.unreadable", kind.phrase(), file, DataMessage.of("reason.denied", file));
        }
    }

    /**
     * Where writing {@code target} really writes, checked before any work is done: the file a
     * link points to (followed to the end), never a folder, a device, a FIFO or a read-only
     * file, and inside a folder that exists and is writable.
     *
     * @return the absolute path to write (the link's target when {@code target} is a link)
     * @throws DataException one sentence naming {@code target} and what to do
     */
    public static Path writeTarget(Path target) {
        Path path = followLinks(target.toAbsolutePath(), target);
        BasicFileAttributes attributes = null;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            // a new file: only the folder matters
        } catch (IOException e) {
            throw new DataException(e, "write.cannot", target, reason(e));
        }
        if (attributes != null) {
            if (attributes.isDirectory()) {
                throw new DataException("write.isFolder", target);
            }
            if (!attributes.isRegularFile()) {
                throw new DataException("write.notRegular", target);
            }
            if (isReadOnly(path)) {
                throw new DataException("write.readOnly", target);
            }
        }
        Path folder = path.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new DataException("write.noFolder", target, folder);
        }
        if (!Files.isWritable(folder)) {
            throw new DataException("write.folderNotWritable", target, folder);
        }
        return path;
    }

    /**
     * A file nobody may write: without permission for this user, or (for a user who may write
     * anything, such as root) without any write bit set, as {@code chmod a-w} leaves it.
     */
    static boolean isReadOnly(Path file) {
        if (!Files.isWritable(file)) {
            return true;
        }
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix == null) {
            return false;
        }
        try {
            Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
            return permissions.stream().noneMatch(WRITE_BITS::contains);
        } catch (IOException e) {
            return false;
        }
    }

    private static Path followLinks(Path path, Path asGiven) {
        Path current = path;
        for (int depth = 0; Files.isSymbolicLink(current); depth++) {
            if (depth == MAX_LINKS) {
                throw new DataException("write.linkLoop", asGiven);
            }
            try {
                Path link = Files.readSymbolicLink(current);
                current = current.resolveSibling(link).normalize();
            } catch (IOException e) {
                throw new DataException(e, "write.cannot", asGiven, reason(e));
            }
        }
        return current;
    }

    /** A short reason for an I/O failure, in words rather than exception class names. */
    public static DataMessage reason(IOException e) {
        if (e instanceof NoSuchFileException missing) {
            return DataMessage.of("reason.noSuchFile", missing.getFile());
        }
        if (e instanceof AccessDeniedException denied) {
            return DataMessage.of("reason.denied", denied.getFile());
        }
        if (e instanceof NotDirectoryException notFolder) {
            return DataMessage.of("reason.notFolder", notFolder.getFile());
        }
        String text = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
        // the operating system's own words (e.g. "No space left on device"), which it gives in English
        return DataMessage.of("reason.system", text != null ? text : e.getClass().getSimpleName());
    }
}
