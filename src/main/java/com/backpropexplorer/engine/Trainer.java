package com.backpropexplorer.engine;

import com.backpropexplorer.engine.TrainingSummary.Status;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Minibatch training as in the book's {@code train_neuralnet.py} (§5.7.4). Each iteration draws
 * {@code batch} row indices at random with replacement ({@code np.random.choice(train_size,
 * batch_size)}), computes the loss on those rows and lets the optimizer update the parameters
 * from their gradient ({@code W ← W − η·∂L/∂W} for SGD). At every epoch boundary
 * ({@code i % iter_per_epoch == 0}) it measures the accuracy on the whole training and test sets.
 * The arithmetic is the {@link TrainingKernel}'s: the book's layers, or a faster kernel with the
 * same numbers.
 *
 * <p>Reproducible: the config's seed fixes the initial weights and the sequence of minibatches,
 * so two runs with the same seed end with the same weights, bit for bit.
 *
 * <p>Threading: {@link #run} runs on one thread, which owns the net while it runs (listeners may
 * read it, to copy it); {@link #cancel}, {@link #pause} and {@link #resume} may be called from
 * any thread. A cancel request (or an interrupt of the training thread) is seen before the next
 * iteration and between chunks of an accuracy pass.
 *
 * <p>Divergence: at the first NaN, infinite or exploded loss ({@link DivergenceGuard}) the run
 * stops, and the net is put back to the weights of the previous step, the last whose loss was
 * sane.
 */
public final class Trainer {
    private final TwoLayerNet net;
    private final TrainingConfig config;
    private final TrainingData data;
    private final KernelFactory kernels;
    private final Optimizer optimizer;
    private final RunControl control = new RunControl();
    private final AtomicBoolean started = new AtomicBoolean();
    private BatchAugmenter augmenter;
    private LearningRateSchedule schedule = LearningRateSchedule.CONSTANT;

    /** A new seeded net of the config's shape, trained with the book's layers ({@link KernelFactory#PLAIN}). */
    public Trainer(TrainingConfig config, TrainingData data) {
        this(config.newNet(data.inputSize(), data.classCount()), config, data, KernelFactory.PLAIN);
    }

    /**
     * Trains the given net (e.g. to continue after a divergence with a lower rate).
     *
     * @param net trained in place; the caller must not touch it while {@link #run} runs
     * @param kernels how loss, update and accuracy are computed
     */
    public Trainer(TwoLayerNet net, TrainingConfig config, TrainingData data, KernelFactory kernels) {
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

    /** The training and test sets it trains and measures on. */
    public TrainingData data() {
        return data;
    }

    /**
     * Augments every minibatch before its loss: the batch is gathered and {@code augmenter}
     * changes its images, with random numbers of their own (seeded from the config's seed, so
     * the minibatches drawn are the same as without). Set before {@link #run}; null for none.
     */
    public Trainer augmentWith(BatchAugmenter value) {
        requireNotStarted();
        augmenter = value;
        return this;
    }

    /** Scales the learning rate over the run (default constant, as the book). Set before {@link #run}. */
    public Trainer schedule(LearningRateSchedule value) {
        requireNotStarted();
        schedule = value == null ? LearningRateSchedule.CONSTANT : value;
        return this;
    }

    private void requireNotStarted() {
        if (started.get()) {
            throw new IllegalStateException("set augmentation and schedule before the run starts");
        }
    }

    /** Asks the run to stop before its next iteration (or accuracy chunk). */
    public void cancel() {
        control.cancel();
    }

    /** Makes the run wait before its next iteration until {@link #resume} or {@link #cancel}. */
    public void pause() {
        control.pause();
    }

    public void resume() {
        control.resume();
    }

    public boolean isPaused() {
        return control.isPaused();
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
        SplittableRandom random = new SplittableRandom(config.seed());
        SplittableRandom augmentRandom = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
        ScheduledOptimizer scheduled = schedule == LearningRateSchedule.CONSTANT ? null
                : new ScheduledOptimizer(optimizer);
        Minibatch batch = new Minibatch(data, config.batchSize());
        int iterPerEpoch = config.iterationsPerEpoch(data.trainSize());
        DivergenceGuard guard = new DivergenceGuard();
        Stopwatch training = new Stopwatch();
        Stopwatch evaluation = new Stopwatch();
        Status status = Status.COMPLETED;
        int steps = 0;
        double lastLoss = Double.NaN;
        Accuracies accuracy = Accuracies.NONE;
        try (TrainingKernel kernel = kernels.create(net, scheduled != null ? scheduled : optimizer, data)) {
            boolean evaluatedLast = false;
            for (int i = 0; i < config.iterations(); i++) {
                control.awaitTurn();
                training.start();
                batch.draw(random);
                if (augmenter != null) {
                    batch.gather();
                    augmenter.augment(batch.x(), augmentRandom);
                }
                if (scheduled != null) {
                    scheduled.setFactor(schedule.factor(i, config.iterations()));
                }
                double loss = kernel.loss(batch);
                if (guard.diverged(i, loss)) {
                    if (steps > 0) {
                        kernel.undoLastUpdate(); // the last update led here: keep the weights before it
                        steps--;
                    }
                    status = Status.DIVERGED;
                    break;
                }
                kernel.update();
                training.stop();
                steps++;
                lastLoss = loss;
                listener.onIteration(i, loss);

                evaluatedLast = i % iterPerEpoch == 0;
                if (evaluatedLast) {
                    accuracy = evaluate(kernel, evaluation);
                    listener.onEpoch(i / iterPerEpoch, i, accuracy.train(), accuracy.test());
                    if (accuracy.confusion() != null) {
                        listener.onConfusion(i / iterPerEpoch, i, accuracy.confusion());
                    }
                }
            }
            if (status == Status.COMPLETED && !evaluatedLast) {
                accuracy = evaluate(kernel, evaluation); // the final weights' accuracy
            }
        } catch (CancellationException e) {
            status = Status.CANCELLED;
        }
        if (status != Status.COMPLETED) {
            accuracy = Accuracies.NONE;
        }
        TrainingSummary summary = new TrainingSummary(status, steps, accuracy.train(), accuracy.test(), lastLoss,
                training.seconds(), evaluation.seconds(), guard.divergedAt(), guard.badLoss(), config.learningRate(),
                accuracy.confusion());
        listener.onFinish(summary);
        return summary;
    }

    /** Accuracy on the whole training and test sets. */
    private Accuracies evaluate(TrainingKernel kernel, Stopwatch evaluation) {
        evaluation.start();
        double train = kernel.trainAccuracy(control::stopRequested);
        int[] predicted = kernel.testPredictions(control::stopRequested);
        Accuracies measured;
        if (predicted == null) {
            measured = new Accuracies(train, kernel.testAccuracy(control::stopRequested), null);
        } else {
            // test accuracy and confusion matrix from the same predictions
            ConfusionMatrix confusion = new ConfusionMatrix(data.testLabels(), predicted, data.classCount());
            measured = new Accuracies(train, confusion.accuracy(), confusion);
        }
        evaluation.stop();
        return measured;
    }

    private record Accuracies(double train, double test, ConfusionMatrix confusion) {
        static final Accuracies NONE = new Accuracies(Double.NaN, Double.NaN, null);
    }
}
