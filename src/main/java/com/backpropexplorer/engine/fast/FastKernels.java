package com.backpropexplorer.engine.fast;

import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.KernelFactory;
import com.backpropexplorer.engine.Minibatch;
import com.backpropexplorer.engine.Optimizer;
import com.backpropexplorer.engine.Sgd;
import com.backpropexplorer.engine.TrainingConfig;
import com.backpropexplorer.engine.TrainingData;
import com.backpropexplorer.engine.TrainingKernel;
import com.backpropexplorer.engine.TwoLayerNet;
import java.util.SplittableRandom;

/**
 * The fast path's one door: a {@link KernelFactory} whose kernels give the numbers of the book's
 * layers ({@link KernelFactory#PLAIN}, tested bit for bit) many times faster. They keep the
 * data sets as sparse rows (MNIST is 81% zeros), skip the work training never reads, fuse the
 * optimizer's update into the gradient pass and may split each step with a second thread. They
 * cover ReLU and sigmoid nets of any size, every optimizer (SGD, Momentum, AdaGrad, Adam) and
 * minibatches made afresh each step (augmented); nets with inputs wider than 65,536 get the
 * plain kernel.
 *
 * <p>The sparse copies of a data set take a moment to make (about half a second for MNIST) and
 * are kept for the data set this factory last trained on, so every run on the same data reuses
 * them; {@link #prepare} makes them ahead of time (e.g. while the data loads, not when training
 * starts). Safe to share between threads.
 */
public final class FastKernels implements KernelFactory {
    private final int threads;
    private SparseData prepared;

    private FastKernels(int threads) {
        if (threads != 1 && threads != 2) {
            throw new IllegalArgumentException("the fast kernels run on 1 or 2 threads, not " + threads);
        }
        this.threads = threads;
    }

    /** Kernels that run each step on {@code threads} threads, 1 or 2. */
    public static FastKernels onThreads(int threads) {
        return new FastKernels(threads);
    }

    /** Kernels on as many threads as pay off here: 2 where there are 2 cores or more, else 1. */
    public static FastKernels standard() {
        return onThreads(Runtime.getRuntime().availableProcessors() >= 2 ? 2 : 1);
    }

    /** The number of threads a step runs on. */
    public int threads() {
        return threads;
    }

    /** Makes the sparse copies of {@code data} now, so that the first run on it starts at once. */
    public FastKernels prepare(TrainingData data) {
        sparse(data);
        return this;
    }

    /**
     * Makes the sparse copies of {@code data} (see {@link #prepare}) and runs the fast loops for
     * a moment on a throwaway net of the book's shape ({@value #WARM_UP_STEPS} steps and one
     * accuracy pass over the test set), so that the JIT has compiled them before the first run
     * starts: the app calls it while the data loads, so that the learner's first run does not
     * spend its first second in slower code. No net, optimizer or random sequence of a later
     * run is touched; it runs on the calling thread (and this factory's helper, if any).
     */
    public FastKernels prepareAndWarmUp(TrainingData data) {
        SparseData sparse = sparse(data);
        TwoLayerNet net = new TwoLayerNet(data.inputSize(), TrainingConfig.BOOK_HIDDEN_SIZE, data.classCount(),
                TrainingConfig.BOOK_WEIGHT_INIT_STD, Activation.RELU, 0L);
        Minibatch batch = new Minibatch(data, Math.min(TrainingConfig.BOOK_BATCH_SIZE, data.trainSize()));
        SplittableRandom random = new SplittableRandom(0L);
        try (FastTrainingKernel kernel = new FastTrainingKernel(net, new Sgd(Sgd.DEFAULT_LEARNING_RATE), sparse,
                threads)) {
            for (int i = 0; i < WARM_UP_STEPS; i++) {
                batch.draw(random);
                kernel.loss(batch);
                kernel.update();
            }
            kernel.testAccuracy(() -> false);
        }
        return this;
    }

    /** Steps of {@link #prepareAndWarmUp}: enough for C2 to compile the step's loops (about 0.2 s). */
    static final int WARM_UP_STEPS = 500;

    @Override
    public TrainingKernel create(TwoLayerNet net, Optimizer optimizer, TrainingData data) {
        if (!FastTrainingKernel.supports(net)) {
            return KernelFactory.PLAIN.create(net, optimizer, data);
        }
        return new FastTrainingKernel(net, optimizer, sparse(data), threads);
    }

    /** The sparse copies of {@code data}: the kept ones when they are of that data set, else new ones. */
    private synchronized SparseData sparse(TrainingData data) {
        if (prepared == null || !prepared.source().equals(data)) {
            prepared = null; // let the old copies go before making new ones
            prepared = SparseData.of(data);
        }
        return prepared;
    }
}
