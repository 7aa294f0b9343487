package com.backpropexplorer.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * Fetches the four MNIST files into a folder, from the mirrors the book's
 * {@code dataset/mnist.py} uses: first its current mirror ({@value #BOOK_MIRROR}; older
 * editions used {@code http://yann.lecun.com/exdb/mnist/}, which no longer serves the files
 * reliably), then {@value #FALLBACK_MIRROR}.
 *
 * <p>Each file is streamed to a temporary sibling, checked against the SHA-256 and size of its
 * <em>decompressed</em> content (the mirrors' gzip bytes differ, their content does not), and
 * only then moved into place atomically: an interrupted or corrupt download never leaves a
 * file that looks valid. Files already present and valid are skipped; an HTTP error, a broken
 * connection or a wrong checksum moves on to the next mirror.
 *
 * <p>Every wait is bounded ({@link Timeouts}): a mirror that does not connect, does not answer,
 * stalls in the middle of a file or takes longer than the deadline for one file is given up
 * on, and the next mirror is tried.
 *
 * <p>Cancel with {@link #cancel()} or by interrupting the downloading thread: {@link #download}
 * then throws {@link CancellationException} and leaves no partial file. {@link #abandon()}
 * (for a shutdown hook, on Ctrl-C) also deletes the partial file at once, before the JVM
 * exits. An instance downloads once; once cancelled it stays cancelled.
 */
public final class MnistDownloader {
    /** The mirror used by the current version of the book's {@code dataset/mnist.py}. */
    public static final String BOOK_MIRROR = "https://ossci-datasets.s3.amazonaws.com/mnist/";
    /** A second public mirror of the same files. */
    public static final String FALLBACK_MIRROR = "https://storage.googleapis.com/cvdf-datasets/mnist/";
    /** The mirrors tried by default, in order. */
    public static final List<URI> DEFAULT_MIRRORS = List.of(URI.create(BOOK_MIRROR), URI.create(FALLBACK_MIRROR));

    /** The four MNIST files: SHA-256 and size of their decompressed content (../shared/mnist/README.md). */
    public static final List<FileSpec> MNIST_MANIFEST = List.of(
            new FileSpec(Mnist.TRAIN_IMAGES, "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db", 47040016),
            new FileSpec(Mnist.TRAIN_LABELS, "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5", 60008),
            new FileSpec(Mnist.TEST_IMAGES, "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7", 7840016),
            new FileSpec(Mnist.TEST_LABELS, "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2", 10008));

    private static final int CHUNK = 1 << 16;

    /**
     * One file to fetch and how to recognise it.
     *
     * @param name file name, appended to each mirror's base URL
     * @param sha256 lower-case hex SHA-256 of the decompressed content
     * @param size length of the decompressed content in bytes
     */
    public record FileSpec(String name, String sha256, long size) {
    }

    /** What happened to one file. */
    public enum Outcome {
        /** It was fetched and verified. */
        DOWNLOADED,
        /** A valid copy was already there. */
        ALREADY_PRESENT
    }

    /**
     * Hears how a download goes, e.g. to draw a progress bar. {@link #progress} is called on the
     * HTTP client's threads (one at a time), the others on the thread that called {@link #download}.
     * Only {@link #progress} must be implemented.
     */
    @FunctionalInterface
    public interface ProgressListener {
        /**
         * Some bytes of {@code file} arrived.
         *
         * @param totalBytes the compressed size announced by the server, or -1 if unknown
         */
        void progress(String file, long bytesSoFar, long totalBytes);

        /** Fetching {@code file} from {@code url} starts. */
        default void started(String file, URI url) {
        }

        /** {@code file} was already present and valid, so it is not fetched. */
        default void skipped(String file) {
        }

        /** Fetching {@code file} from {@code url} failed for {@code reason}; the next mirror is tried. */
        default void mirrorFailed(String file, URI url, DataMessage reason) {
        }

        /** {@code file} was downloaded, verified and moved into place. */
        default void finished(String file) {
        }
    }

    /**
     * How long each wait may last.
     *
     * @param connect to open a connection
     * @param headers from the request to the answer's headers
     * @param idle between two pieces of the body (a stalled server)
     * @param perFile for one file from one mirror, from the request to the last byte
     */
    public record Timeouts(Duration connect, Duration headers, Duration idle, Duration perFile) {
        /** 20 s to connect, 60 s for the headers, 30 s of silence, 10 minutes a file (9.9 MB at 17 KB/s). */
        public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(20), Duration.ofSeconds(60),
                Duration.ofSeconds(30), Duration.ofMinutes(10));
    }

    private final List<URI> mirrors;
    private final List<FileSpec> manifest;
    private final HttpFetch http;
    private final Set<Path> temporaries = new HashSet<>();
    private volatile boolean cancelled;

    /** A downloader for MNIST from the default mirrors. */
    public MnistDownloader() {
        this(DEFAULT_MIRRORS);
    }

    /** A downloader for MNIST from {@code mirrors}, tried in order (e.g. a campus mirror). */
    public MnistDownloader(List<URI> mirrors) {
        this(mirrors, MNIST_MANIFEST, Timeouts.DEFAULT);
    }

    /**
     * @param mirrors base URLs (ending in '/') tried in order for every file
     * @param manifest the files to fetch and their expected content
     */
    public MnistDownloader(List<URI> mirrors, List<FileSpec> manifest) {
        this(mirrors, manifest, Timeouts.DEFAULT);
    }

    /**
     * @param mirrors base URLs (ending in '/') tried in order for every file
     * @param manifest the files to fetch and their expected content
     * @param timeouts how long each wait may last
     */
    public MnistDownloader(List<URI> mirrors, List<FileSpec> manifest, Timeouts timeouts) {
        if (mirrors.isEmpty()) {
            throw new IllegalArgumentException("at least one mirror is needed");
        }
        this.mirrors = List.copyOf(mirrors);
        this.manifest = List.copyOf(manifest);
        this.http = new HttpFetch(timeouts, () -> cancelled);
    }

    /**
     * A mirror's base URL as the user typed it: http or https, with a host, no query; a missing
     * final '/' is added, so the file names are appended to the whole path.
     *
     * @throws DataException one sentence saying what is wrong with {@code text}
     */
    public static URI parseMirror(String text) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new DataException(e, "download.badMirror", text, DataMessage.of("download.mirror.syntax"));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new DataException("download.badMirror", text, DataMessage.of("download.mirror.scheme"));
        }
        if (uri.getHost() == null) {
            throw new DataException("download.badMirror", text, DataMessage.of("download.mirror.host"));
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new DataException("download.badMirror", text, DataMessage.of("download.mirror.query"));
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return URI.create(scheme + "://" + uri.getRawAuthority() + (path.endsWith("/") ? path : path + "/"));
    }

    /** The mirrors this downloader tries, in order. */
    public List<URI> mirrors() {
        return mirrors;
    }

    /** Asks a running {@link #download} to stop as soon as possible; safe from any thread. */
    public void cancel() {
        cancelled = true;
        http.abort();
    }

    /**
     * Cancels and deletes the partial file now, without waiting for {@link #download} to notice:
     * for a shutdown hook (Ctrl-C, SIGTERM), after which the JVM exits.
     */
    public void abandon() {
        synchronized (temporaries) {
            cancel();
            temporaries.forEach(AtomicFiles::deleteQuietly);
            temporaries.clear();
        }
    }

    /**
     * Makes sure every file of the manifest is in {@code targetDir} and valid.
     *
     * @return for each file, whether it was downloaded or already there
     * @throws DataException if a file could not be fetched from any mirror, or the folder cannot
     *     be written
     * @throws CancellationException if cancelled or interrupted
     */
    public Map<String, Outcome> download(Path targetDir, ProgressListener listener) {
        try {
            Files.createDirectories(targetDir);
        } catch (IOException e) {
            throw new DataException(e, Files.exists(targetDir) && !Files.isDirectory(targetDir)
                    ? "download.dirIsFile" : "download.cannotCreateDir", targetDir, FileChecks.reason(e));
        }
        // Ctrl-C, SIGTERM or closing the app mid-file: the partial file goes with the process
        Thread cleanup = new Thread(this::abandon, "mnist-download-cleanup");
        try {
            Runtime.getRuntime().addShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            throw new CancellationException("MNIST download cancelled: the program is ending.");
        }
        try {
            return downloadAll(targetDir, listener);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: nothing to remove
            }
        }
    }

    private Map<String, Outcome> downloadAll(Path targetDir, ProgressListener listener) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (FileSpec spec : manifest) {
            checkCancelled();
            Path target = targetDir.resolve(spec.name());
            if (Files.isRegularFile(target) && isValid(target, spec)) {
                listener.skipped(spec.name());
                outcomes.put(spec.name(), Outcome.ALREADY_PRESENT);
                continue;
            }
            fetch(spec, target, listener);
            outcomes.put(spec.name(), Outcome.DOWNLOADED);
        }
        return outcomes;
    }

    /** True if the decompressed content of {@code file} has the size and SHA-256 of {@code spec}. */
    public static boolean isValid(Path file, FileSpec spec) {
        return contentProblem(file, spec) == null;
    }

    /** Null if {@code file} holds the content of {@code spec}, else what is wrong with it ("content is ..."). */
    static DataMessage contentProblem(Path file, FileSpec spec) {
        try (InputStream in = IdxReader.openContent(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[CHUNK];
            long size = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
                size += n;
                if (size > spec.size()) {
                    return DataMessage.of("download.content.longer", spec.size());
                }
            }
            if (size != spec.size()) {
                return DataMessage.of("download.content.size", size, spec.size());
            }
            return HexFormat.of().formatHex(sha.digest()).equals(spec.sha256())
                    ? null : DataMessage.of("download.content.checksum");
        } catch (IOException e) {
            return DataMessage.of("download.content.gzip");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private void fetch(FileSpec spec, Path target, ProgressListener listener) {
        Path destination = FileChecks.writeTarget(target);
        List<DataMessage> failures = new ArrayList<>();
        for (URI mirror : mirrors) {
            URI url = mirror.resolve(spec.name());
            listener.started(spec.name(), url);
            Path temp = createTemp(destination);
            try {
                // gzip never makes MNIST bigger; a much larger answer is not the file we want
                DataMessage problem = http.fetch(url, temp, spec.size() + (1 << 20), spec.name(), listener);
                if (problem == null) {
                    DataMessage contentProblem = contentProblem(temp, spec);
                    problem = contentProblem == null ? null : DataMessage.of("download.reason.badContent", contentProblem);
                }
                if (problem == null) {
                    checkCancelled();
                    AtomicFiles.replace(temp, destination);
                    listener.finished(spec.name());
                    return;
                }
                failures.add(DataMessage.of("download.mirrorProblem", mirror, problem));
                listener.mirrorFailed(spec.name(), url, problem);
            } catch (IOException e) {
                throw AtomicFiles.cannotWrite(target, e);
            } finally {
                release(temp);
            }
        }
        throw new DataException("download.failed", spec.name(), DataMessage.list(failures), target.getParent());
    }

    private Path createTemp(Path target) {
        synchronized (temporaries) {
            checkCancelled();
            try {
                Path temp = AtomicFiles.createTempSibling(target);
                temporaries.add(temp);
                return temp;
            } catch (IOException e) {
                throw AtomicFiles.cannotWrite(target, e);
            }
        }
    }

    /** Deletes {@code temp} if it is still there (it is not once moved into place). */
    private void release(Path temp) {
        synchronized (temporaries) {
            temporaries.remove(temp);
            AtomicFiles.deleteQuietly(temp);
        }
    }

    private void checkCancelled() {
        if (cancelled || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("MNIST download cancelled.");
        }
    }
}
