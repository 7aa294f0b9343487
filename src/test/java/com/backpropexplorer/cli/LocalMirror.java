package com.backpropexplorer.cli;

import com.backpropexplorer.data.Mnist;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A mirror on 127.0.0.1 for the download command's tests: {@code /good/NAME} serves the file
 * from a folder (the real MNIST, so the built-in checksums hold), {@code /stall/} sends the
 * headers and half the file and then nothing, {@code /missing/} answers 404.
 */
final class LocalMirror implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads;
    private final Path folder;
    final List<String> requests = new CopyOnWriteArrayList<>();

    LocalMirror(Path folder) {
        this.folder = folder;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "local-mirror");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::serve);
        server.start();
    }

    URI url(String kind) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + kind + "/");
    }

    private void serve(HttpExchange exchange) throws IOException {
        requests.add(exchange.getRequestURI().getPath());
        String[] parts = exchange.getRequestURI().getPath().split("/");
        String kind = parts.length > 2 ? parts[1] : "";
        String name = parts[parts.length - 1];
        try (exchange) {
            Path file = folder.resolve(name);
            if (!Mnist.FILES.contains(name) || !Files.isRegularFile(file) || kind.equals("missing")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, body.length);
            OutputStream out = exchange.getResponseBody();
            if (kind.equals("stall")) {
                out.write(body, 0, body.length / 2);
                out.flush();
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
