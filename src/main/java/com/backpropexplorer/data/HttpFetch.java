package com.backpropexplorer.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One HTTP GET streamed into a file, with every wait bounded: the connection
 * ({@link MnistDownloader.Timeouts#connect}), the answer's headers
 * ({@link MnistDownloader.Timeouts#headers}), each pause in the body
 * ({@link MnistDownloader.Timeouts#idle}: a server that sends headers and then nothing is
 * given up on) and the whole file ({@link MnistDownloader.Timeouts#perFile}).
 *
 * <p>The body is received asynchronously while the calling thread waits on the future in
 * short steps: it notices a stall, a deadline or a cancellation within a fraction of a second,
 * and a waiting thread reacts to interrupts, which one blocked in a socket read does not.
 */
final class HttpFetch {
    private final HttpClient client;
    private final MnistDownloader.Timeouts timeouts;
    private final BooleanSupplier cancelled;
    private volatile CompletableFuture<?> current;

    HttpFetch(MnistDownloader.Timeouts timeouts, BooleanSupplier cancelled) {
        this.timeouts = timeouts;
        this.cancelled = cancelled;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(timeouts.connect())
                .build();
    }

    /** Aborts the exchange under way, which also ends a wait on a stalled connection. */
    void abort() {
        CompletableFuture<?> response = current;
        if (response != null) {
            response.cancel(true);
        }
    }

    /**
     * Streams {@code url} into {@code file}; null on success, else why it failed (a phrase that
     * follows the mirror's address: "answered HTTP 404").
     *
     * @param limit the most bytes the answer may have
     * @throws CancellationException if cancelled or interrupted
     */
    DataMessage fetch(URI url, Path file, long limit, String name, MnistDownloader.ProgressListener listener) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeouts.headers()).GET().build();
        try (OutputStream out = Files.newOutputStream(file)) {
            ChunkWriter writer = new ChunkWriter(name, out, limit, listener);
            CompletableFuture<HttpResponse<Void>> response = client.sendAsync(request, info -> {
                writer.total = info.headers().firstValueAsLong("Content-Length").orElse(-1);
                writer.touch();
                return info.statusCode() == 200
                        ? HttpResponse.BodySubscribers.ofByteArrayConsumer(writer)
                        : HttpResponse.BodySubscribers.discarding();
            });
            current = response;
            int status;
            try {
                status = await(response, writer);
            } catch (WaitEnded ended) {
                writer.abandoned = true;
                response.cancel(true);
                return ended.reason;
            } catch (ExecutionException e) {
                checkCancelled();
                if (writer.tooLarge) {
                    return DataMessage.of("download.reason.tooLarge", limit);
                }
                Throwable cause = e.getCause();
                if (cause instanceof UncheckedIOException) {
                    cause = cause.getCause();
                }
                return reason(cause instanceof IOException io ? io : new IOException(cause));
            } finally {
                current = null;
            }
            if (status != 200) {
                return DataMessage.of("download.reason.http", status);
            }
            checkCancelled();
            if (writer.total >= 0 && writer.received != writer.total) {
                return DataMessage.of("download.reason.short", writer.received, writer.total);
            }
            return null;
        } catch (IOException e) {
            // the temporary file could not be written
            throw AtomicFiles.cannotWrite(file, e);
        }
    }

    /** Thrown by {@link #await} when a wait is given up: the phrase says why. */
    private static final class WaitEnded extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient DataMessage reason;

        WaitEnded(DataMessage reason) {
            super(null, null, false, false);
            this.reason = reason;
        }
    }

    private int await(CompletableFuture<HttpResponse<Void>> response, ChunkWriter writer)
            throws ExecutionException, WaitEnded {
        long start = System.nanoTime();
        long step = Math.max(10, Math.min(250, timeouts.idle().toMillis() / 4));
        while (true) {
            checkCancelled();
            try {
                return response.get(step, TimeUnit.MILLISECONDS).statusCode();
            } catch (InterruptedException e) {
                response.cancel(true);
                Thread.currentThread().interrupt();
                throw new CancellationException("MNIST download cancelled.");
            } catch (CancellationException e) {
                throw new CancellationException("MNIST download cancelled.");
            } catch (TimeoutException e) {
                long now = System.nanoTime();
                if (now - start > timeouts.perFile().toNanos()) {
                    throw new WaitEnded(DataMessage.of("download.reason.deadline", seconds(timeouts.perFile())));
                }
                long lastActivity = writer.lastActivity;
                if (lastActivity != 0 && now - lastActivity > timeouts.idle().toNanos()) {
                    throw new WaitEnded(DataMessage.of("download.reason.stalled", seconds(timeouts.idle())));
                }
            }
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private void checkCancelled() {
        if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("MNIST download cancelled.");
        }
    }

    /** Why a request failed, in words rather than exception class names. */
    private DataMessage reason(IOException e) {
        String message = String.valueOf(e.getMessage());
        if (e instanceof HttpTimeoutException) {
            return DataMessage.of("download.reason.noAnswer", seconds(timeouts.headers()));
        }
        if (e instanceof ConnectException) {
            return e.getMessage() != null ? DataMessage.of("download.reason.unreachableBecause", message)
                    : DataMessage.of("download.reason.unreachable");
        }
        if (e instanceof EOFException || message.contains("EOF") || message.contains("bytes received")) {
            return DataMessage.of("download.reason.closed");
        }
        return DataMessage.of("download.reason.failed", FileChecks.reason(e));
    }

    /** Receives the body's chunks on the HTTP client's threads, writes them and reports progress. */
    private final class ChunkWriter implements Consumer<Optional<byte[]>> {
        private final String name;
        private final OutputStream out;
        private final long limit;
        private final MnistDownloader.ProgressListener listener;
        volatile long total = -1;
        volatile long received;
        volatile long lastActivity;
        volatile boolean tooLarge;
        volatile boolean abandoned;

        ChunkWriter(String name, OutputStream out, long limit, MnistDownloader.ProgressListener listener) {
            this.name = name;
            this.out = out;
            this.limit = limit;
            this.listener = listener;
        }

        void touch() {
            lastActivity = System.nanoTime();
        }

        @Override
        public void accept(Optional<byte[]> chunk) {
            if (chunk.isEmpty()) {
                return;
            }
            if (abandoned || cancelled.getAsBoolean()) {
                throw new CancellationException("MNIST download cancelled.");
            }
            touch();
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
}
