package com.backpropexplorer.ui.lesson;

import com.backpropexplorer.data.DataException;
import com.backpropexplorer.data.MnistCache;
import com.backpropexplorer.data.MnistDataset;
import com.backpropexplorer.data.MnistLocator;
import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.explain.Example;
import com.backpropexplorer.explain.Lesson;
import com.backpropexplorer.explain.Lessons;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Chapter 4's TwoLayerNet (§4.5): the book's 784-50-10 net with Sigmoid in the hidden layer,
 * freshly initialised (weight_init_std = 0.01, a fixed seed), on the first MNIST test digits.
 * The same step-through as the other nets; its page adds the animated numerical gradient.
 */
public final class Ch4Lesson implements LessonSource {
    /** The seed of the net. */
    public static final long SEED = 42;

    private final Supplier<Path> folder;
    private final MnistCache mnist;
    /** The lesson last computed, for the numerical gradient to walk (its net and batch). */
    private volatile Lesson lesson;

    /**
     * @param folder where MNIST is, or null to look it up; asked on every compute
     * @param mnist where the test digits are kept once loaded
     */
    public Ch4Lesson(Supplier<Path> folder, MnistCache mnist) {
        this.folder = folder;
        this.mnist = mnist;
    }

    @Override
    public Example example() {
        return Example.CH4;
    }

    /** The lesson as last computed, or null before the first compute. */
    public Lesson lesson() {
        return lesson;
    }

    @Override
    public LessonRun compute() throws MnistMissingException {
        MnistDataset test;
        try {
            Path given = folder.get();
            test = mnist.test(MnistLocator.system().locate(given));
        } catch (DataException e) {
            throw new MnistMissingException(e);
        }
        MnistDataset digits = test.head(Math.min(Lessons.MNIST_BATCH, test.size()));
        Lesson computed = Lessons.ch4(Lessons.bookNet(Activation.SIGMOID, SEED), digits.images(), digits.labels(),
                Lessons.digits(0, digits.size()));
        LessonRun run = LessonRun.of(computed);
        lesson = computed;
        return run;
    }
}
