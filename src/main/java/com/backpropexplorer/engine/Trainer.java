package com.backpropexplorer.engine;

import com.backpropexplorer.engine.TrainingSummary.Status;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ejml.data.DMatrixRMaj;

/**
 * Minibatch training as in the book's {@code train_neuralnet.py} (§5.7.4). Each iteration draws
 * {@code batch} row indices at random with replacement ({@code np.random.choice(train_size,
 * batch_size)}), computes the loss and the gradient on those rows, and lets the optimizer update
 * the parameters ({@code W ← W − η·∂L/∂W} for SGD). At every epoch boundary
 * ({@code i % iter_per_epoch == 0}) it measures the accuracy on the whole training and test sets.
 *
 * <p>Reproducible: the config's seed fixes the initial weights and the sequence of minibatches,
 * so two runs with the same seed end with the same weights, bit for bit.
 *
 * <p>Threading: {@link #run} runs on one thread, which owns the net while it runs;
 * {@link #cancel}, {@link #pause} and {@link #resume} may be called from any thread. A cancel
 * request (or an interrupt of the training thread) is seen before the next iteration and
 * between chunks of an accuracy pass.
 *
 * <p>Divergence: at the first NaN or infinite loss the run stops, and the net is put back to the
 * weights of the previous step, the last whose loss was finite. The book's loss has a 1e−7
 * guard inside the log, so with a rate far too high (10, say) it rarely reaches NaN: the loss
 * leaps instead (2.3 → 14 in three steps on MNIST) and the ReLUs die. So a batch loss above
 * {@link #explodedLoss(double) three times the run's first loss} (and at least 5 more) counts
 * as diverged too; a run that learns never gets near that.
 */
public final class Trainer {
    private final TwoLayerNet net;
    private final TrainingConfig config;
    private final TrainingData data;
    private final GradientKernelFactory kernels;
    private final Optimizer optimizer;
    private final AtomicBoolean started = new AtomicBoolean();
    private final Object pauseLock = new Object();
    private volatile boolean cancelRequested;
    private volatile boolean paused;
    /** The accuracy passes use as many threads as the kernel (the UI trains on one, leaving a core free). */
    private int accuracyThreads = Runtime.getRuntime().availableProcessors() >= 2 ? 2 : 1;
    private FastAccuracy fastAccuracy;

    /** A new seeded net of the config's shape, trained with the {@link GradientKernelFactory#standard() standard} kernel. */
    public Trainer(TrainingConfig config, TrainingData data) {
        this(config.newNet(data.inputSize(), data.classCount()), config, data, GradientKernelFactory.standard());
    }

    /**
     * Trains the given net (e.g. to continue after a divergence with a lower rate).
     *
     * @param net trained in place; the caller must not touch it while {@link #run} runs
     * @param kernels how loss and gradient are computed each step
     */
    public Trainer(TwoLayerNet net, TrainingConfig config, TrainingData data, GradientKernelFactory kernels) {
        if (net.inputSize() != data.inputSize()) {
            throw new IllegalArgumentException("the net takes " + net.inputSize() + " inputs but the samples have "
                    + data.inputSize());
        }
        if (net.outputSize() < data.classCount()) {
            throw new IllegalArgumentException("the net has " + net.outputSize() + " outputs but the labels go up to "
                    + (data.classCount() - 1));
        }
        this.net = net;
        this.config = config;
        this.data = data;
        this.kernels = kernels;
        this.optimizer = config.newOptimizer();
    }

    /** The net being trained. Read it only from the training thread (e.g. in a listener) or after {@link #run}. */
    public TwoLayerNet net() {
        return net;
    }

    public TrainingConfig config() {
        return config;
    }

    /** Asks the run to stop before its next iteration (or accuracy chunk). */
    public void cancel() {
        cancelRequested = true;
        synchronized (pauseLock) {
            pauseLock.notifyAll();
        }
    }

    /** Makes the run wait before its next iteration until {@link #resume} or {@link #cancel}. */
    public void pause() {
        paused = true;
    }

    public void resume() {
        synchronized (pauseLock) {
            paused = false;
            pauseLock.notifyAll();
        }
    }

    public boolean isPaused() {
        return paused;
    }

    /**
     * Trains for {@code config.iterations()} iterations, or until cancelled or diverged. A trainer
     * runs once.
     *
     * @return how it ended; also passed to {@link TrainingListener#onFinish}
     */
    public TrainingSummary run(TrainingListener listener) {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("this trainer has already run; make a new one to train again");
        }
        GradientKernel kernel = kernels.create(net, data.trainImages(), data.trainLabels());
        // SGD on the fast kernel: the update runs inside the kernel's parallel gradient pass
        FastGradientKernel fused = null;
        if (kernel instanceof FastGradientKernel fast) {
            accuracyThreads = fast.threads();
            fused = optimizer instanceof Sgd ? fast : null;
        }
        Map<String, DMatrixRMaj> params = net.params();
        Map<String, DMatrixRMaj> grads = zerosLike(params);
        // arrays in the parameters' order: the optimizer's allocation-free form
        DMatrixRMaj[] paramArray = params.values().toArray(new DMatrixRMaj[0]);
        DMatrixRMaj[] gradArray = grads.values().toArray(new DMatrixRMaj[0]);
        DMatrixRMaj[] beforeUpdate = Optimizer.zerosLike(paramArray);
        SplittableRandom random = new SplittableRandom(config.seed());
        int trainSize = data.trainSize();
        int batch = config.batchSize();
        int[] rows = new int[batch];
        int epochLength = config.iterationsPerEpoch(trainSize);

        Status status = Status.COMPLETED;
        int steps = 0;
        int divergedAt = -1;
        double lastLoss = Double.NaN;
        double firstLoss = Double.NaN;
        double badLoss = Double.NaN;
        double trainAccuracy = Double.NaN;
        double testAccuracy = Double.NaN;
        int lastEvaluated = -1;
        long trainingNanos = 0;
        long evaluationNanos = 0;
        try {
            for (int iteration = 0; iteration < config.iterations(); iteration++) {
                if (awaitResumeOrCancel() && fused != null) {
                    fused.weightsChanged(); // nothing should have, while paused; but never train on a stale copy
                }
                long start = System.nanoTime();
                for (int i = 0; i < batch; i++) {
                    rows[i] = random.nextInt(trainSize);
                }
                double loss = fused != null ? fused.forwardStep(rows, batch) : kernel.lossAndGradient(rows, batch, grads);
                if (steps == 0) {
                    firstLoss = loss;
                }
                if (!Double.isFinite(loss) || loss > explodedLoss(firstLoss)) {
                    badLoss = loss;
                    if (steps > 0) {
                        copyInto(beforeUpdate, paramArray); // this step's weights gave the bad loss: undo the last update
                        steps--;
                    }
                    status = Status.DIVERGED;
                    divergedAt = iteration;
                    break;
                }
                if (fused != null) {
                    fused.completeSgdStep(grads, optimizer.learningRate(), beforeUpdate);
                } else {
                    copyInto(paramArray, beforeUpdate);
                    optimizer.update(paramArray, gradArray);
                }
                trainingNanos += System.nanoTime() - start;
                steps++;
                lastLoss = loss;
                listener.onIteration(iteration, loss);

                if (iteration % epochLength == 0) {
                    long evalStart = System.nanoTime();
                    trainAccuracy = accuracy(data.trainImages(), data.trainLabels());
                    testAccuracy = accuracy(data.testImages(), data.testLabels());
                    evaluationNanos += System.nanoTime() - evalStart;
                    lastEvaluated = iteration;
                    listener.onEpoch(iteration / epochLength, iteration, trainAccuracy, testAccuracy);
                }
            }
            if (status == Status.COMPLETED && (lastEvaluated < 0 || lastEvaluated != config.iterations() - 1)) {
                long evalStart = System.nanoTime();
                trainAccuracy = accuracy(data.trainImages(), data.trainLabels());
                testAccuracy = accuracy(data.testImages(), data.testLabels());
                evaluationNanos += System.nanoTime() - evalStart;
            }
        } catch (CancellationException e) {
            status = Status.CANCELLED;
        } finally {
            closeQuietly(kernel);
            closeQuietly(fastAccuracy);
        }
        if (status != Status.COMPLETED) {
            trainAccuracy = Double.NaN;
            testAccuracy = Double.NaN;
        }
        TrainingSummary summary = new TrainingSummary(status, steps, trainAccuracy, testAccuracy, lastLoss,
                trainingNanos / 1e9, evaluationNanos / 1e9, divergedAt, badLoss, config.learningRate());
        listener.onFinish(summary);
        return summary;
    }

    /**
     * The batch loss above which a run counts as diverged: 3 × the first loss, and at least 5
     * above it (an untrained 10-class net starts near ln 10 ≈ 2.3, so about 7.3).
     */
    static double explodedLoss(double firstLoss) {
        return Double.isFinite(firstLoss) ? Math.max(3 * firstLoss, firstLoss + 5) : Double.POSITIVE_INFINITY;
    }

    /**
     * Accuracy on a whole set: on its sparse rows for ReLU nets (about 14 times faster, the
     * same count), through the book's layers otherwise.
     */
    private double accuracy(DMatrixRMaj x, int[] labels) {
        if (!FastAccuracy.supports(net)) {
            return Accuracy.of(net, x, labels, this::stopRequested);
        }
        if (fastAccuracy == null) {
            fastAccuracy = new FastAccuracy(net, accuracyThreads);
        }
        return fastAccuracy.of(SparseRows.cached(x), labels, this::stopRequested);
    }

    /** Fast kernels may hold a helper thread: end it with the run. */
    private static void closeQuietly(Object resource) {
        if (resource instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // nothing was being written: a helper thread that fails to stop is a daemon anyway
            }
        }
    }

    private boolean stopRequested() {
        return cancelRequested || Thread.currentThread().isInterrupted();
    }

    /** Waits while paused; true if it did. */
    private boolean awaitResumeOrCancel() {
        boolean waited = false;
        if (paused) {
            synchronized (pauseLock) {
                while (paused && !stopRequested()) {
                    waited = true;
                    try {
                        pauseLock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt(); // keep the flag: the caller's thread was asked to stop
                    }
                }
            }
        }
        if (stopRequested()) {
            throw new CancellationException("training cancelled");
        }
        return waited;
    }

    private static Map<String, DMatrixRMaj> zerosLike(Map<String, DMatrixRMaj> params) {
        Map<String, DMatrixRMaj> out = new LinkedHashMap<>();
        params.forEach((name, p) -> out.put(name, new DMatrixRMaj(p.numRows, p.numCols)));
        return out;
    }

    private static void copyInto(DMatrixRMaj[] from, DMatrixRMaj[] to) {
        for (int i = 0; i < from.length; i++) {
            System.arraycopy(from[i].data, 0, to[i].data, 0, from[i].getNumElements());
        }
    }
}
