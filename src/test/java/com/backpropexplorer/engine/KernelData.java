package com.backpropexplorer.engine;

import java.io.IOException;
import org.ejml.data.DMatrixRMaj;

/** Training and test sets for benchmarks: the real MNIST when present, else seeded MNIST-like noise. */
public final class KernelData {
    /** Both sets and where they came from. */
    public record Sets(DMatrixRMaj train, int[] trainLabels, DMatrixRMaj test, int[] testLabels, String source) {
    }

    private KernelData() {
    }

    public static Sets mnistOrSynthetic() throws IOException {
        if (MnistForTests.available()) {
            MnistForTests.Set train = MnistForTests.load("train", Integer.MAX_VALUE);
            MnistForTests.Set test = MnistForTests.load("t10k", Integer.MAX_VALUE);
            return new Sets(train.images(), train.labels(), test.images(), test.labels(), "MNIST " + MnistForTests.folder());
        }
        return new Sets(KernelFixtures.sparseData(60_000, 784, 0.81, 1), KernelFixtures.labels(60_000, 10, 2),
                KernelFixtures.sparseData(10_000, 784, 0.81, 3), KernelFixtures.labels(10_000, 10, 4),
                "synthetic 81%-sparse noise (MNIST not found in " + MnistForTests.folder() + ")");
    }
}
