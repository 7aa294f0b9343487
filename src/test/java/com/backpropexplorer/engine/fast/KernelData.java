package com.backpropexplorer.engine.fast;

import com.backpropexplorer.data.Mnist;
import com.backpropexplorer.data.MnistCache;
import com.backpropexplorer.data.SharedMnist;
import com.backpropexplorer.engine.TrainingData;
import java.nio.file.Path;
import java.util.Optional;

/** Training and test sets for benchmarks: the real MNIST when present, else seeded MNIST-like noise. */
public final class KernelData {
    private KernelData() {
    }

    /** Both sets and where they came from. */
    public record Sets(TrainingData data, String source) {
    }

    public static Sets mnistOrSynthetic() {
        Optional<Path> dir = SharedMnist.find();
        if (dir.isPresent()) {
            Mnist mnist = new MnistCache().both(dir.get());
            return new Sets(new TrainingData(mnist.train().images(), mnist.train().labels(), mnist.test().images(),
                    mnist.test().labels()), "MNIST " + dir.get());
        }
        return new Sets(new TrainingData(KernelFixtures.sparseData(60_000, 784, 0.81, 1),
                KernelFixtures.labels(60_000, 10, 2), KernelFixtures.sparseData(10_000, 784, 0.81, 3),
                KernelFixtures.labels(10_000, 10, 4)), "synthetic 81%-sparse noise (no MNIST in ../shared/mnist)");
    }
}
