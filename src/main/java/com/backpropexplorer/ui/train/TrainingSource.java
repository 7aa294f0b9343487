package com.backpropexplorer.ui.train;

import com.backpropexplorer.data.DataException;
import com.backpropexplorer.data.Mnist;
import com.backpropexplorer.data.MnistCache;
import com.backpropexplorer.data.MnistLocator;
import com.backpropexplorer.engine.TrainingData;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where the training view gets its examples: MNIST from the folder the app knows about, or
 * (in tests) a generated set. Loading runs on a background thread.
 */
public interface TrainingSource {

    /**
     * The folder the data would come from, or empty when it is not there (the view then offers
     * the download). Cheap: only checks that the files exist.
     */
    Optional<Path> locate();

    /**
     * Loads the examples (seconds for MNIST).
     *
     * @throws DataException with one sentence for the learner
     */
    TrainingSet load();

    /**
     * MNIST from {@code folder} (the learner's choice, or null to look in MNIST_DIR and the
     * per-user cache folder), loaded through the program's one {@code mnist} cache.
     */
    static TrainingSource mnist(Supplier<Path> folder, MnistCache mnist) {
        return new TrainingSource() {
            @Override
            public Optional<Path> locate() {
                return MnistLocator.system().find(folder.get());
            }

            @Override
            public TrainingSet load() {
                Path dir = MnistLocator.system().locate(folder.get());
                Mnist both = mnist.both(dir);
                return new TrainingSet(new TrainingData(both.train().images(), both.train().labels(),
                        both.test().images(), both.test().labels()), "MNIST", dir);
            }
        };
    }

    /** A generated set that is always there (tests, demos). */
    static TrainingSource of(TrainingSet set) {
        return new TrainingSource() {
            @Override
            public Optional<Path> locate() {
                return Optional.of(set.folder() == null ? Path.of("") : set.folder());
            }

            @Override
            public TrainingSet load() {
                return set;
            }
        };
    }
}
