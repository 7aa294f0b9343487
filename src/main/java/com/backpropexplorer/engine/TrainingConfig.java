package com.backpropexplorer.engine;

/**
 * The hyperparameters of a training run, with the book's recipe ({@code train_neuralnet.py},
 * §5.7.4) as {@link #book() defaults}: hidden 50, batch 100, learning rate 0.1,
 * weight_init_std 0.01, 10,000 iterations, ReLU, SGD.
 *
 * @param hiddenSize units in the hidden layer
 * @param batchSize rows drawn (with replacement) per iteration
 * @param learningRate η of the optimizer
 * @param weightInit how the initial weights are spread: a fixed std (the book's weight_init_std), Xavier or He
 * @param iterations how many updates to make
 * @param activation the hidden layer's activation
 * @param seed makes the initial weights and the minibatches reproducible bit for bit
 * @param optimizer which update rule to use
 */
public record TrainingConfig(int hiddenSize, int batchSize, double learningRate, WeightInit weightInit,
                             int iterations, Activation activation, long seed, OptimizerKind optimizer) {
    public static final int BOOK_HIDDEN_SIZE = 50;
    public static final int BOOK_BATCH_SIZE = 100;
    public static final double BOOK_WEIGHT_INIT_STD = 0.01;
    public static final int BOOK_ITERATIONS = 10_000;

    public TrainingConfig {
        if (hiddenSize < 1) {
            throw new IllegalArgumentException("the hidden size must be at least 1, not " + hiddenSize);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("the batch size must be at least 1, not " + batchSize);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("the learning rate must be a positive number, not " + learningRate);
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("the number of iterations must not be negative, not " + iterations);
        }
        if (weightInit == null || activation == null || optimizer == null) {
            throw new IllegalArgumentException("choose a weight initialisation, an activation and an optimizer");
        }
    }

    /** The book's recipe with the given seed. */
    public static TrainingConfig book(long seed) {
        return new TrainingConfig(BOOK_HIDDEN_SIZE, BOOK_BATCH_SIZE, Sgd.DEFAULT_LEARNING_RATE, WeightInit.fixed(BOOK_WEIGHT_INIT_STD),
                BOOK_ITERATIONS, Activation.RELU, seed, OptimizerKind.SGD);
    }

    /**
     * Iterations per epoch, as the book computes {@code iter_per_epoch = max(train_size / batch_size, 1)}
     * (600 for MNIST's 60,000 images in batches of 100).
     */
    public int iterationsPerEpoch(int trainSize) {
        return Math.max(trainSize / batchSize, 1);
    }

    /** A fresh optimizer of the chosen kind at this learning rate. */
    public Optimizer newOptimizer() {
        return optimizer.create(learningRate);
    }

    /** A new net of this shape, seeded: the same config gives the same initial weights. */
    public TwoLayerNet newNet(int inputSize, int outputSize) {
        return new TwoLayerNet(inputSize, hiddenSize, outputSize, weightInit, activation, seed);
    }

    public TrainingConfig withHiddenSize(int value) {
        return new TrainingConfig(value, batchSize, learningRate, weightInit, iterations, activation, seed, optimizer);
    }

    public TrainingConfig withBatchSize(int value) {
        return new TrainingConfig(hiddenSize, value, learningRate, weightInit, iterations, activation, seed, optimizer);
    }

    public TrainingConfig withLearningRate(double value) {
        return new TrainingConfig(hiddenSize, batchSize, value, weightInit, iterations, activation, seed, optimizer);
    }

    /** The book's weight_init_std as a fixed standard deviation. */
    public TrainingConfig withWeightInitStd(double value) {
        return withWeightInit(WeightInit.fixed(value));
    }

    public TrainingConfig withWeightInit(WeightInit value) {
        return new TrainingConfig(hiddenSize, batchSize, learningRate, value, iterations, activation, seed, optimizer);
    }

    public TrainingConfig withIterations(int value) {
        return new TrainingConfig(hiddenSize, batchSize, learningRate, weightInit, value, activation, seed, optimizer);
    }

    public TrainingConfig withActivation(Activation value) {
        return new TrainingConfig(hiddenSize, batchSize, learningRate, weightInit, iterations, value, seed, optimizer);
    }

    public TrainingConfig withSeed(long value) {
        return new TrainingConfig(hiddenSize, batchSize, learningRate, weightInit, iterations, activation, value, optimizer);
    }

    /** Another optimizer at the learning rate given (keep η when it was chosen on purpose). */
    public TrainingConfig withOptimizer(OptimizerKind value) {
        return new TrainingConfig(hiddenSize, batchSize, learningRate, weightInit, iterations, activation, seed, value);
    }
}
