package com.backpropexplorer.ui.lesson;

import com.backpropexplorer.data.DataException;
import com.backpropexplorer.data.MnistCache;
import com.backpropexplorer.data.MnistDataset;
import com.backpropexplorer.data.MnistLocator;
import com.backpropexplorer.engine.TwoLayerNet;
import com.backpropexplorer.explain.Example;
import com.backpropexplorer.explain.Lessons;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.ejml.data.DMatrixRMaj;

/**
 * The 784-50-10 TwoLayerNet on a few real MNIST test digits. The net comes from a supplier so
 * the training view can later hand in the net it trained; by default it is the book's freshly
 * initialised net (weight_init_std = 0.01), whose loss is about ln 10 ≈ 2.3.
 */
public final class MnistLesson implements LessonSource {
    /** How many test digits go through the net at once (the batch N). */
    public static final int BATCH = 3;
    /** The seed of the default, untrained net. */
    public static final long NET_SEED = 42;

    private final Supplier<Path> folder;
    private final Supplier<TwoLayerNet> net;
    private final MnistCache mnist;
    /** The batch shown; the weights panel offers 100 to feel a real mini-batch. */
    private volatile int batchSize = BATCH;
    private volatile int firstDigit;

    /**
     * @param folder where MNIST is, or null to look it up (MNIST_DIR, the per-user cache);
     *     asked on every compute, so a folder chosen or downloaded later is picked up
     * @param net the net to show
     * @param mnist where the test digits are kept once loaded
     */
    public MnistLesson(Supplier<Path> folder, Supplier<TwoLayerNet> net, MnistCache mnist) {
        this.folder = folder;
        this.net = net;
        this.mnist = mnist;
    }

    /** The book's untrained 784-50-10 net with a fixed seed. */
    public static TwoLayerNet untrainedNet() {
        return new TwoLayerNet(784, 50, 10, 0.01, com.backpropexplorer.engine.Activation.RELU, NET_SEED);
    }

    public int batchSize() {
        return batchSize;
    }

    /** How many test digits the next {@link #compute} runs (1 to 10,000); call reload after. */
    public void setBatchSize(int n) {
        if (n < 1 || n > 10_000) {
            throw new IllegalArgumentException("batch size " + n + " is not between 1 and 10000");
        }
        batchSize = n;
    }

    /** The test digits shown are this one and the next {@code batchSize - 1} (clamped to the test set). */
    public void setFirstDigit(int index) {
        firstDigit = Math.max(0, index);
    }

    public int firstDigit() {
        return firstDigit;
    }

    @Override
    public Example example() {
        return Example.MNIST;
    }

    @Override
    public LessonRun compute() throws MnistMissingException {
        MnistDataset test = testSet();
        int n = Math.min(batchSize, test.size());
        int first = Math.min(firstDigit, Math.max(0, test.size() - n));
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = first + i;
        }
        DMatrixRMaj x = test.images(indices);
        int[] labels = test.labels(indices);
        TwoLayerNet shown = net.get();
        return LessonRun.of(Lessons.mnist(shown, x, labels, Lessons.digits(first, n)));
    }

    private MnistDataset testSet() throws MnistMissingException {
        Path dir;
        try {
            Path given = folder.get();
            dir = given != null ? MnistLocator.system().locate(given) : MnistLocator.system().locate(null);
        } catch (DataException e) {
            throw new MnistMissingException(e);
        }
        try {
            return mnist.test(dir);
        } catch (DataException e) {
            throw new MnistMissingException(e);
        }
    }
}
