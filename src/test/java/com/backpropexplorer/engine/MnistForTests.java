package com.backpropexplorer.engine;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.ejml.data.DMatrixRMaj;

/**
 * A minimal reader of the gzipped MNIST IDX files in ../shared/mnist, for the engine's tests and
 * benchmarks only (the application's reader lives in the data package). Pixels scaled to [0, 1].
 */
public final class MnistForTests {
    /** Images (n×784, one a row) and their labels. */
    public record Set(DMatrixRMaj images, int[] labels) {
    }

    private MnistForTests() {
    }

    /** The folder holding the MNIST files: -Dshared.dir/mnist, else ../shared/mnist. */
    public static Path folder() {
        return Path.of(System.getProperty("shared.dir", "../shared")).resolve("mnist");
    }

    public static boolean available() {
        return Files.isRegularFile(folder().resolve("train-images-idx3-ubyte.gz"))
                && Files.isRegularFile(folder().resolve("t10k-labels-idx1-ubyte.gz"));
    }

    /** kind is "train" or "t10k"; at most {@code limit} samples from the start. */
    public static Set load(Path folder, String kind, int limit) throws IOException {
        int[] labels = labels(folder.resolve(kind + "-labels-idx1-ubyte.gz"), limit);
        DMatrixRMaj images = images(folder.resolve(kind + "-images-idx3-ubyte.gz"), limit);
        return new Set(images, labels);
    }

    public static Set load(String kind, int limit) throws IOException {
        return load(folder(), kind, limit);
    }

    private static DMatrixRMaj images(Path file, int limit) throws IOException {
        try (DataInputStream in = open(file, 2051)) {
            int n = Math.min(in.readInt(), limit);
            int size = in.readInt() * in.readInt();
            byte[] bytes = new byte[n * size];
            in.readFully(bytes);
            DMatrixRMaj m = new DMatrixRMaj(n, size);
            for (int i = 0; i < bytes.length; i++) {
                m.data[i] = (bytes[i] & 0xFF) / 255.0;
            }
            return m;
        }
    }

    private static int[] labels(Path file, int limit) throws IOException {
        try (DataInputStream in = open(file, 2049)) {
            int n = Math.min(in.readInt(), limit);
            byte[] bytes = new byte[n];
            in.readFully(bytes);
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = bytes[i] & 0xFF;
            }
            return labels;
        }
    }

    private static DataInputStream open(Path file, int magic) throws IOException {
        InputStream raw = new GZIPInputStream(Files.newInputStream(file), 1 << 16);
        DataInputStream in = new DataInputStream(raw);
        int found = in.readInt();
        if (found != magic) {
            in.close();
            throw new IOException(file + ": magic " + found + ", expected " + magic);
        }
        return in;
    }
}
