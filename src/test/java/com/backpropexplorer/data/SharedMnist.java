package com.backpropexplorer.data;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.backpropexplorer.engine.TrainingData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one way tests, benchmarks and measuring tools find the real MNIST set: the folder
 * {@code mnist} in {@code ../shared} (system property {@code shared.dir}, which surefire sets),
 * read with the application's own reader and loaded once per JVM. Tests that need it are
 * skipped, saying why, where it is absent.
 */
public final class SharedMnist {
    private static final MnistCache CACHE = new MnistCache();

    private SharedMnist() {
    }

    /** The folder when it holds the four MNIST files, else empty (benchmarks fall back to generated data). */
    public static Optional<Path> find() {
        Path dir = Path.of(System.getProperty("shared.dir", "../shared"), "mnist");
        for (String name : Mnist.FILES) {
            if (Mnist.find(dir, name).isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.of(dir);
    }

    /** The folder, or a skipped test when it is not there. */
    public static Path dir() {
        Optional<Path> dir = find();
        assumeTrue(dir.isPresent(), "skipped: the real MNIST set is not in "
                + Path.of(System.getProperty("shared.dir", "../shared"), "mnist").toAbsolutePath().normalize());
        return dir.get();
    }

    /** Both splits, or a skipped test. */
    public static Mnist get() {
        return CACHE.both(dir());
    }

    /** The test split alone (10,000 images), or a skipped test. */
    public static MnistDataset test() {
        return CACHE.test(dir());
    }

    /** Both splits as the trainer takes them, or a skipped test. */
    public static TrainingData trainingData() {
        Mnist mnist = get();
        return new TrainingData(mnist.train().images(), mnist.train().labels(), mnist.test().images(),
                mnist.test().labels());
    }
}
