package com.backpropexplorer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The downloader against a real HTTP server on 127.0.0.1 serving good and broken files. */
class MnistDownloaderTest {
    private static final Map<String, byte[]> CONTENT = Map.of(
            Mnist.TRAIN_IMAGES, IdxFixtures.images(10, 28, 28),
            Mnist.TRAIN_LABELS, IdxFixtures.labels(1, 2, 3, 4, 5, 6, 7, 8, 9, 0),
            Mnist.TEST_IMAGES, IdxFixtures.images(3, 28, 28),
            Mnist.TEST_LABELS, IdxFixtures.labels(7, 2, 1));

    @TempDir
    Path target;

    private HttpServer server;
    private ExecutorService serverThreads;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::serve);
        // several handler threads, so a stalled answer does not block the others
        serverThreads = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "test-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(serverThreads);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        serverThreads.shutdownNow();
    }

    /** /good/NAME the file; /truncated/ its first half; /corrupt/ flipped bytes; /cut/ a connection that drops; else 404. */
    private void serve(HttpExchange exchange) throws IOException {
        requests.add(exchange.getRequestURI().getPath());
        String[] parts = exchange.getRequestURI().getPath().split("/");
        String kind = parts.length > 2 ? parts[1] : "";
        byte[] good = CONTENT.containsKey(parts[parts.length - 1])
                ? IdxFixtures.gzip(CONTENT.get(parts[parts.length - 1])) : null;
        try (exchange) {
            if (good == null || kind.equals("missing")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (kind.equals("silent")) {
                // accepts the request and never answers
                sleepQuietly(10_000);
                return;
            }
            byte[] body = switch (kind) {
                case "good", "cut", "slow", "stall", "trickle" -> good;
                case "garbage" -> garbage(good.length);
                case "truncated" -> Arrays.copyOf(good, good.length / 2);
                case "corrupt" -> corrupt(good);
                case "different" -> IdxFixtures.gzip(different(CONTENT.get(parts[parts.length - 1])));
                default -> null;
            };
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            OutputStream out = exchange.getResponseBody();
            if (kind.equals("slow")) {
                out.write(body, 0, body.length / 2);
                out.flush();
                sleepQuietly(10_000);
                return;
            }
            if (kind.equals("stall")) {
                // headers, then nothing at all
                out.flush();
                sleepQuietly(10_000);
                return;
            }
            if (kind.equals("trickle")) {
                // never silent for long, never done: a byte every 20 ms
                for (int i = 0; i < body.length && !Thread.currentThread().isInterrupted(); i++) {
                    out.write(body[i]);
                    out.flush();
                    sleepQuietly(20);
                }
                return;
            }
            if (kind.equals("cut")) {
                out.write(body, 0, body.length / 3);
                out.flush();
                // closing the exchange before the promised length makes the client see an early EOF
                return;
            }
            out.write(body);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] garbage(int length) {
        byte[] bytes = new byte[length];
        new java.util.Random(7).nextBytes(bytes);
        return bytes;
    }

    /** Well-formed gzip of content of the right size whose last byte differs. */
    private static byte[] different(byte[] content) {
        byte[] changed = content.clone();
        changed[changed.length - 1] ^= 1;
        return changed;
    }

    private static byte[] corrupt(byte[] gz) {
        byte[] bad = gz.clone();
        for (int i = 12; i < bad.length - 8; i += 5) {
            bad[i] ^= 0x33;
        }
        return bad;
    }

    private URI mirror(String kind) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + kind + "/");
    }

    private static List<MnistDownloader.FileSpec> manifest() throws Exception {
        List<MnistDownloader.FileSpec> specs = new ArrayList<>();
        for (String name : Mnist.FILES) {
            byte[] content = CONTENT.get(name);
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
            specs.add(new MnistDownloader.FileSpec(name, sha, content.length));
        }
        return specs;
    }

    private List<String> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(target)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !Mnist.FILES.contains(n)).toList();
        }
    }

    @Test
    void downloadsVerifiesAndReportsProgress() throws Exception {
        List<String> progress = new ArrayList<>();
        MnistDownloader downloader = new MnistDownloader(List.of(mirror("good")), manifest());
        Map<String, MnistDownloader.Outcome> outcomes = downloader.download(target,
                (file, bytes, total) -> progress.add(file + " " + bytes + "/" + total));
        assertEquals(4, outcomes.size());
        assertTrue(outcomes.values().stream().allMatch(o -> o == MnistDownloader.Outcome.DOWNLOADED));
        for (String name : Mnist.FILES) {
            assertArrayEquals(IdxFixtures.gzip(CONTENT.get(name)), Files.readAllBytes(target.resolve(name)));
        }
        long total = IdxFixtures.gzip(CONTENT.get(Mnist.TEST_LABELS)).length;
        assertTrue(progress.contains(Mnist.TEST_LABELS + " " + total + "/" + total), progress.toString());
        assertEquals(List.of(), leftovers());
        // and the result is a loadable MNIST folder
        assertEquals(3, Mnist.load(target).test().size());
    }

    @Test
    void missingOnFirstMirrorFallsBackToSecond() throws Exception {
        List<String> failures = new ArrayList<>();
        new MnistDownloader(List.of(mirror("missing"), mirror("good")), manifest())
                .download(target, new MnistDownloader.ProgressListener() {
                    @Override
                    public void progress(String file, long bytesSoFar, long totalBytes) {
                    }

                    @Override
                    public void mirrorFailed(String file, URI url, DataMessage reason) {
                        failures.add(file + ": " + reason);
                    }
                });
        assertEquals(4, failures.size());
        assertEquals(Mnist.TRAIN_IMAGES + ": answered HTTP 404", failures.get(0));
        assertTrue(Mnist.FILES.stream().allMatch(n -> Files.isRegularFile(target.resolve(n))));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void corruptFirstMirrorFallsBackToSecond() throws Exception {
        new MnistDownloader(List.of(mirror("corrupt"), mirror("good")), manifest()).download(target, (f, b, t) -> { });
        for (String name : Mnist.FILES) {
            assertTrue(MnistDownloader.isValid(target.resolve(name), manifest().get(Mnist.FILES.indexOf(name))));
        }
        assertEquals(List.of(), leftovers());
    }

    @Test
    void everyMirrorBadLeavesNothingThatLooksValid() throws Exception {
        MnistDownloader downloader = new MnistDownloader(
                List.of(mirror("truncated"), mirror("corrupt"), mirror("different"), mirror("cut"), mirror("missing")), manifest());
        DataException e = assertThrows(DataException.class, () -> downloader.download(target, (f, b, t) -> { }));
        String message = e.getMessage();
        assertTrue(message.startsWith("Could not download train-images-idx3-ubyte.gz from any mirror ("
                + mirror("truncated") + " sent a file whose gzip data is cut short or corrupt; "), message);
        assertTrue(message.contains(mirror("different") + " sent a file whose content does not match the MNIST checksum"),
                message);
        assertTrue(message.contains(mirror("cut") + " closed the connection before the file was complete"), message);
        assertTrue(message.contains(mirror("missing") + " answered HTTP 404)"), message);
        assertTrue(message.endsWith("put the four MNIST files into " + target + " by hand."), message);
        assertFalse(Files.exists(target.resolve(Mnist.TRAIN_IMAGES)));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void connectionRefusedIsAMirrorFailure() throws Exception {
        URI dead = URI.create("http://127.0.0.1:1/mnist/");
        new MnistDownloader(List.of(dead, mirror("good")), manifest()).download(target, (f, b, t) -> { });
        assertTrue(Files.isRegularFile(target.resolve(Mnist.TEST_LABELS)));
    }

    @Test
    void validFilesAreSkippedInvalidOnesReplaced() throws Exception {
        Files.write(target.resolve(Mnist.TRAIN_LABELS), IdxFixtures.gzip(CONTENT.get(Mnist.TRAIN_LABELS)));
        // raw (decompressed) content under the .gz name is valid too: the checksum is of the content
        Files.write(target.resolve(Mnist.TEST_LABELS), CONTENT.get(Mnist.TEST_LABELS));
        Files.write(target.resolve(Mnist.TEST_IMAGES), new byte[] {1, 2, 3});
        Map<String, MnistDownloader.Outcome> outcomes =
                new MnistDownloader(List.of(mirror("good")), manifest()).download(target, (f, b, t) -> { });
        assertEquals(MnistDownloader.Outcome.ALREADY_PRESENT, outcomes.get(Mnist.TRAIN_LABELS));
        assertEquals(MnistDownloader.Outcome.ALREADY_PRESENT, outcomes.get(Mnist.TEST_LABELS));
        assertEquals(MnistDownloader.Outcome.DOWNLOADED, outcomes.get(Mnist.TEST_IMAGES));
        assertEquals(List.of("/good/" + Mnist.TRAIN_IMAGES, "/good/" + Mnist.TEST_IMAGES), requests);
    }

    @Test
    void cancelStopsAndLeavesNoPartialFile() throws Exception {
        MnistDownloader downloader = new MnistDownloader(List.of(mirror("good")), manifest());
        assertThrows(CancellationException.class,
                () -> downloader.download(target, (file, bytes, total) -> downloader.cancel()));
        assertFalse(Files.exists(target.resolve(Mnist.TRAIN_IMAGES)));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void cancelFromAnotherThreadUnblocksAStalledDownload() throws Exception {
        assertStalledDownloadStops(MnistDownloader::cancel);
    }

    @Test
    void interruptFromAnotherThreadUnblocksAStalledDownload() throws Exception {
        assertStalledDownloadStops(null);
    }

    private void assertStalledDownloadStops(Consumer<MnistDownloader> stopper) throws Exception {
        MnistDownloader downloader = new MnistDownloader(List.of(mirror("slow")), manifest());
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                downloader.download(target, (file, bytes, total) -> started.countDown());
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        worker.start();
        assertTrue(started.await(5, TimeUnit.SECONDS), "no progress from the slow server");
        long start = System.nanoTime();
        if (stopper != null) {
            stopper.accept(downloader);
        } else {
            worker.interrupt();
        }
        worker.join(5000);
        assertFalse(worker.isAlive(), "download did not stop");
        assertTrue((System.nanoTime() - start) / 1e9 < 3, "stopping took too long");
        assertTrue(thrown.get() instanceof CancellationException, String.valueOf(thrown.get()));
        assertEquals(List.of(), leftovers());
    }

    /** Short stalls; the headers get longer, as a cold HTTP client can take half a second for its first answer. */
    private static final MnistDownloader.Timeouts QUICK = new MnistDownloader.Timeouts(Duration.ofSeconds(2),
            Duration.ofSeconds(3), Duration.ofMillis(300), Duration.ofSeconds(20));

    /** Downloads from {@code mirrors} with short timeouts; returns the failures the listener heard. */
    private List<String> downloadWith(MnistDownloader.Timeouts timeouts, URI... mirrors) throws Exception {
        List<String> failures = new CopyOnWriteArrayList<>();
        new MnistDownloader(List.of(mirrors), manifest(), timeouts).download(target,
                new MnistDownloader.ProgressListener() {
                    @Override
                    public void progress(String file, long bytesSoFar, long totalBytes) {
                    }

                    @Override
                    public void mirrorFailed(String file, URI url, DataMessage reason) {
                        failures.add(file + ": " + reason);
                    }
                });
        return failures;
    }

    @Test
    void aMirrorThatSendsHeadersAndThenStallsIsLeftForTheNext() throws Exception {
        long start = System.nanoTime();
        List<String> failures = downloadWith(QUICK, mirror("stall"), mirror("good"));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(4, failures.size(), failures.toString());
        assertEquals(Mnist.TRAIN_IMAGES + ": sent nothing for 0.3 s in the middle of the file", failures.get(0));
        assertTrue(Mnist.FILES.stream().allMatch(n -> Files.isRegularFile(target.resolve(n))));
        assertEquals(List.of(), leftovers());
        // four stalls of 0.3 s and four good files, not four ten-second waits
        assertTrue(seconds < 8, seconds + " s");
    }

    @Test
    void aMirrorThatNeverAnswersTimesOut() throws Exception {
        MnistDownloader.Timeouts silent = new MnistDownloader.Timeouts(Duration.ofSeconds(2), Duration.ofMillis(800),
                Duration.ofMillis(300), Duration.ofSeconds(20));
        List<String> failures = downloadWith(silent, mirror("silent"), mirror("good"));
        assertEquals(Mnist.TRAIN_IMAGES + ": did not answer in 0.8 s", failures.get(0));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aMirrorThatTricklesIsLeftAtTheDeadline() throws Exception {
        MnistDownloader.Timeouts deadline = new MnistDownloader.Timeouts(Duration.ofSeconds(2),
                Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(600));
        long start = System.nanoTime();
        List<String> failures = downloadWith(deadline, mirror("trickle"), mirror("good"));
        assertEquals(Mnist.TRAIN_IMAGES + ": did not deliver the file within 0.6 s", failures.get(0));
        assertTrue(Mnist.FILES.stream().allMatch(n -> Files.isRegularFile(target.resolve(n))));
        assertEquals(List.of(), leftovers());
        assertTrue((System.nanoTime() - start) / 1e9 < 10);
    }

    @Test
    void garbageIsRefusedByTheChecksumAndTheNextMirrorTried() throws Exception {
        List<String> failures = downloadWith(QUICK, mirror("garbage"), mirror("good"));
        assertTrue(failures.get(0).startsWith(Mnist.TRAIN_IMAGES + ": sent a file whose content is "), failures.get(0));
        for (MnistDownloader.FileSpec spec : manifest()) {
            assertTrue(MnistDownloader.isValid(target.resolve(spec.name()), spec));
        }
    }

    @Test
    void whenNoMirrorDeliversTheSentenceNamesEach() throws Exception {
        // headers get 2 s, so the stalling mirror's come in time even on a busy machine
        MnistDownloader.Timeouts quick = new MnistDownloader.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofMillis(300), Duration.ofSeconds(20));
        DataException e = assertThrows(DataException.class,
                () -> downloadWith(quick, mirror("stall"), mirror("different"), mirror("silent")));
        assertEquals("Could not download train-images-idx3-ubyte.gz from any mirror (" + mirror("stall")
                + " sent nothing for 0.3 s in the middle of the file; " + mirror("different") + " sent a file whose"
                + " content does not match the MNIST checksum; " + mirror("silent") + " did not answer in 2 s); check"
                + " the internet connection and try again, or put the four MNIST files into " + target + " by hand.",
                e.getMessage());
        assertTrue(e.message(java.util.Locale.JAPANESE).startsWith(
                "train-images-idx3-ubyte.gz をどのミラーからもダウンロードできませんでした ("), e.message(java.util.Locale.JAPANESE));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void abandonDeletesThePartialFileAtOnce() throws Exception {
        MnistDownloader downloader = new MnistDownloader(List.of(mirror("stall")), manifest());
        CountDownLatch receiving = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                downloader.download(target, (file, bytes, total) -> receiving.countDown());
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        worker.start();
        // the stalled answer has headers and no body: wait for its hidden temporary file
        long until = System.nanoTime() + 5_000_000_000L;
        while (leftovers().isEmpty() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertEquals(1, leftovers().size(), "a partial file is being written");
        assertTrue(leftovers().get(0).startsWith("." + Mnist.TRAIN_IMAGES + ".") && leftovers().get(0).endsWith(".tmp"));
        downloader.abandon();
        // as a shutdown hook runs it: the file is gone when abandon returns
        assertEquals(List.of(), leftovers());
        worker.join(5000);
        assertTrue(thrown.get() instanceof CancellationException, String.valueOf(thrown.get()));
    }

    @Test
    void mirrorsAreBaseUrlsOfHttpOrHttps() {
        assertEquals(URI.create("https://mirror.example.ac.jp/mnist/"),
                MnistDownloader.parseMirror("https://mirror.example.ac.jp/mnist"));
        assertEquals(URI.create("http://10.0.0.2:8080/"), MnistDownloader.parseMirror("http://10.0.0.2:8080"));
        assertEquals(URI.create("HTTP://host/a/").resolve(Mnist.TEST_LABELS).toString().toLowerCase(),
                MnistDownloader.parseMirror("HTTP://host/a/").resolve(Mnist.TEST_LABELS).toString());
        assertEquals("The mirror ftp://host/mnist/ cannot be used: only http:// and https:// addresses are supported.",
                assertThrows(DataException.class, () -> MnistDownloader.parseMirror("ftp://host/mnist/")).getMessage());
        assertEquals("The mirror mnist/ cannot be used: only http:// and https:// addresses are supported.",
                assertThrows(DataException.class, () -> MnistDownloader.parseMirror("mnist/")).getMessage());
        assertEquals("The mirror http:///mnist/ cannot be used: it names no server; give a base URL such as"
                + " https://example.org/mnist/.",
                assertThrows(DataException.class, () -> MnistDownloader.parseMirror("http:///mnist/")).getMessage());
        assertEquals("The mirror https://h/m/?x=1 cannot be used: a base URL has no ?query or #fragment, the four file"
                + " names are appended to it.",
                assertThrows(DataException.class, () -> MnistDownloader.parseMirror("https://h/m/?x=1")).getMessage());
        assertTrue(assertThrows(DataException.class, () -> MnistDownloader.parseMirror("http://a b/")).getMessage()
                .startsWith("The mirror http://a b/ cannot be used: it is not a valid URL"));
    }

    @Test
    void hardCodedManifestMatchesTheRealFiles() {
        Path shared = SharedMnist.dir();
        for (MnistDownloader.FileSpec spec : MnistDownloader.MNIST_MANIFEST) {
            assertTrue(MnistDownloader.isValid(shared.resolve(spec.name()), spec), spec.name());
        }
        MnistDownloader.FileSpec wrong = new MnistDownloader.FileSpec(Mnist.TEST_LABELS,
                MnistDownloader.MNIST_MANIFEST.get(3).sha256(), 10007);
        assertFalse(MnistDownloader.isValid(shared.resolve(Mnist.TEST_LABELS), wrong));
    }
}
