package com.backpropexplorer.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

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
 * <p>Cancel with {@link #cancel()} or by interrupting the downloading thread: {@link #download}
 * then throws {@link CancellationException} and leaves no partial file. An instance downloads
 * once; once cancelled it stays cancelled.
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
        default void mirrorFailed(String file, URI url, String reason) {
        }

        /** {@code file} was downloaded, verified and moved into place. */
        default void finished(String file) {
        }
    }

    private final HttpClient client;
    private final List<URI> mirrors;
    private final List<FileSpec> manifest;
    private volatile boolean cancelled;
    private volatile CompletableFuture<?> currentResponse;

    /** A downloader for MNIST from the default mirrors. */
    public MnistDownloader() {
        this(DEFAULT_MIRRORS, MNIST_MANIFEST);
    }

    /**
     * @param mirrors base URLs (ending in '/') tried in order for every file
     * @param manifest the files to fetch and their expected content
     */
    public MnistDownloader(List<URI> mirrors, List<FileSpec> manifest) {
        if (mirrors.isEmpty()) {
            throw new IllegalArgumentException("at least one mirror is needed");
        }
        this.mirrors = List.copyOf(mirrors);
        this.manifest = List.copyOf(manifest);
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(20))
                .build();
    }

    /** Asks a running {@link #download} to stop as soon as possible; safe from any thread. */
    public void cancel() {
        cancelled = true;
        CompletableFuture<?> response = currentResponse;
        if (response != null) {
            // aborts the exchange, which also ends a wait on a stalled connection
            response.cancel(true);
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
            throw new DataException("Could not create the folder " + targetDir + " for MNIST: "
                    + AtomicFiles.reason(e) + "; choose another folder.", e);
        }
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
    static String contentProblem(Path file, FileSpec spec) {
        try (InputStream in = IdxReader.openContent(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[CHUNK];
            long size = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
                size += n;
                if (size > spec.size()) {
                    return "content is longer than the " + spec.size() + " bytes of the MNIST file";
                }
            }
            if (size != spec.size()) {
                return "content is " + size + " bytes, the MNIST file has " + spec.size();
            }
            return HexFormat.of().formatHex(sha.digest()).equals(spec.sha256())
                    ? null : "content does not match the MNIST checksum";
        } catch (IOException e) {
            return "gzip data is cut short or corrupt";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private void fetch(FileSpec spec, Path target, ProgressListener listener) {
        List<String> failures = new ArrayList<>();
        for (URI mirror : mirrors) {
            URI url = mirror.resolve(spec.name());
            listener.started(spec.name(), url);
            Path temp = createTemp(target);
            try {
                String problem = fetchTo(url, spec, temp, listener);
                if (problem == null) {
                    String contentProblem = contentProblem(temp, spec);
                    problem = contentProblem == null ? null : "sent a file whose " + contentProblem;
                }
                if (problem == null) {
                    AtomicFiles.moveIntoPlace(temp, target);
                    temp = null;
                    listener.finished(spec.name());
                    return;
                }
                failures.add(mirror + " " + problem);
                listener.mirrorFailed(spec.name(), url, problem);
            } catch (IOException e) {
                checkCancelled();
                String problem = networkReason(e);
                failures.add(mirror + " " + problem);
                listener.mirrorFailed(spec.name(), url, problem);
            } finally {
                AtomicFiles.deleteQuietly(temp);
            }
        }
        throw new DataException("Could not download " + spec.name() + " from any mirror (" + String.join("; ", failures)
                + "); check the internet connection and try again, or put the four MNIST files into "
                + target.getParent() + " by hand.");
    }

    private static Path createTemp(Path target) {
        try {
            return AtomicFiles.createTempSibling(target);
        } catch (IOException e) {
            throw AtomicFiles.cannotWrite(target, e);
        }
    }

    /** Why a request failed, in words rather than exception class names. */
    private static String networkReason(IOException e) {
        String message = String.valueOf(e.getMessage());
        if (e instanceof HttpTimeoutException) {
            return "did not answer in time";
        }
        if (e instanceof ConnectException) {
            return "could not be reached" + (e.getMessage() != null ? " (" + message + ")" : "");
        }
        if (e instanceof java.io.EOFException || message.contains("EOF") || message.contains("bytes received")) {
            return "closed the connection before the file was complete";
        }
        return "failed: " + AtomicFiles.reason(e);
    }

    /**
     * Streams {@code url} into {@code temp}; returns null on success, else why it failed.
     *
     * <p>The body is received asynchronously while this thread waits on the future: a thread
     * blocked in the HTTP client's body InputStream does not react to interrupts, a waiting
     * {@code get()} does.
     */
    private String fetchTo(URI url, FileSpec spec, Path temp, ProgressListener listener) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60)).GET().build();
        // gzip never makes MNIST bigger; a much larger answer is not the file we want
        long limit = spec.size() + (1 << 20);
        try (OutputStream out = Files.newOutputStream(temp)) {
            ChunkWriter writer = new ChunkWriter(spec.name(), out, limit, listener);
            CompletableFuture<HttpResponse<Void>> response = client.sendAsync(request, info -> {
                writer.total = info.headers().firstValueAsLong("Content-Length").orElse(-1);
                return info.statusCode() == 200
                        ? HttpResponse.BodySubscribers.ofByteArrayConsumer(writer)
                        : HttpResponse.BodySubscribers.discarding();
            });
            currentResponse = response;
            checkCancelled();
            int status;
            try {
                status = response.get().statusCode();
            } catch (InterruptedException e) {
                cancel();
                Thread.currentThread().interrupt();
                throw new CancellationException("MNIST download cancelled.");
            } catch (CancellationException e) {
                throw new CancellationException("MNIST download cancelled.");
            } catch (ExecutionException e) {
                checkCancelled();
                if (writer.tooLarge) {
                    return "sent more than " + limit + " bytes, more than the file can be";
                }
                Throwable cause = e.getCause();
                if (cause instanceof UncheckedIOException) {
                    cause = cause.getCause();
                }
                throw cause instanceof IOException ? (IOException) cause : new IOException(cause);
            } finally {
                currentResponse = null;
            }
            if (status != 200) {
                return "answered HTTP " + status;
            }
            checkCancelled();
            if (writer.total >= 0 && writer.received != writer.total) {
                return "sent " + writer.received + " of " + writer.total + " bytes";
            }
            return null;
        }
    }

    /** Receives the body's chunks on the HTTP client's threads, writes them and reports progress. */
    private final class ChunkWriter implements Consumer<Optional<byte[]>> {
        private final String name;
        private final OutputStream out;
        private final long limit;
        private final ProgressListener listener;
        volatile long total = -1;
        volatile long received;
        volatile boolean tooLarge;

        ChunkWriter(String name, OutputStream out, long limit, ProgressListener listener) {
            this.name = name;
            this.out = out;
            this.limit = limit;
            this.listener = listener;
        }

        @Override
        public void accept(Optional<byte[]> chunk) {
            if (chunk.isEmpty()) {
                return;
            }
            if (cancelled) {
                throw new CancellationException("MNIST download cancelled.");
            }
            byte[] bytes = chunk.get();
            if (received + bytes.length > limit) {
                tooLarge = true;
                throw new IllegalStateException("answer larger than " + limit + " bytes");
            }
            try {
                out.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            received += bytes.length;
            listener.progress(name, received, total);
        }
    }

    private void checkCancelled() {
        if (cancelled || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("MNIST download cancelled.");
        }
    }
}
