package com.backpropexplorer.engine;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.backpropexplorer.data.Mnist;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real MNIST set in {@code ../shared/mnist} (system property {@code shared.dir}, set by
 * surefire), loaded once per test JVM. Tests that need it are skipped, saying why, where it is
 * absent.
 */
public final class SharedMnist {
    private static Mnist loaded;

    private SharedMnist() {
    }

    /** The folder, or a skipped test when it is not there. */
    public static Path dir() {
        String shared = System.getProperty("shared.dir");
        assumeTrue(shared != null, "skipped: system property shared.dir is not set (run through Maven)");
        Path dir = Path.of(shared, "mnist");
        assumeTrue(Files.isRegularFile(dir.resolve(Mnist.TRAIN_IMAGES)),
                "skipped: the real MNIST set is not in " + dir);
        return dir;
    }

    /** Both splits, or a skipped test. */
    public static synchronized Mnist get() {
        Path dir = dir();
        if (loaded == null) {
            loaded = Mnist.load(dir);
        }
        return loaded;
    }

    /** The splits as the trainer takes them. */
    public static TrainingData trainingData() {
        Mnist mnist = get();
        return new TrainingData(mnist.train().images(), mnist.train().labels(), mnist.test().images(),
                mnist.test().labels());
    }
}
