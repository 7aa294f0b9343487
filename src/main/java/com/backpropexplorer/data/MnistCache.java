package com.backpropexplorer.data;

import java.nio.file.Path;

/**
 * The MNIST splits a program has loaded, kept while it runs, so that everything that reads them
 * (the lessons, the gradient check, training) shares one copy: the training split is 376 MB of
 * doubles, the test split 63 MB. A split is loaded the first time it is asked for; asking for
 * another folder lets go of what was kept and loads from there.
 *
 * <p>Thread-safe: loads run on background threads, and two threads asking at once get the same
 * copy (the second waits for the first's load instead of loading again).
 */
public final class MnistCache {
    private Path folder;
    private MnistDataset train;
    private MnistDataset test;

    /**
     * The test split (10,000 images) from {@code dir}.
     *
     * @throws DataException if a file is missing, unreadable or corrupt
     */
    public synchronized MnistDataset test(Path dir) {
        use(dir);
        if (test == null) {
            test = Mnist.loadTest(dir);
        }
        return test;
    }

    /**
     * Both splits from {@code dir}.
     *
     * @throws DataException if a file is missing, unreadable or corrupt
     */
    public synchronized Mnist both(Path dir) {
        MnistDataset testSplit = test(dir);
        if (train == null) {
            train = Mnist.loadTrain(dir);
        }
        return new Mnist(train, testSplit);
    }

    private void use(Path dir) {
        Path normalized = dir.toAbsolutePath().normalize();
        if (!normalized.equals(folder)) {
            folder = normalized;
            train = null;
            test = null;
        }
    }
}
