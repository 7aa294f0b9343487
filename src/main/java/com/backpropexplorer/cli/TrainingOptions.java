package com.backpropexplorer.cli;

import com.backpropexplorer.data.Mnist;
import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.OptimizerKind;
import com.backpropexplorer.engine.TrainingConfig;
import com.backpropexplorer.engine.WeightInit;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options that choose a training configuration, shared by {@code train} and {@code bench}
 * (one parser, one set of limits): {@code --iters --batch --lr --hidden --init-std --activation
 * --optimizer --seed}.
 */
final class TrainingOptions {
    @Option(names = "--iters", paramLabel = "N", description = "Training iterations (default: ${DEFAULT-VALUE}).")
    int iterations = TrainingConfig.BOOK_ITERATIONS;

    @Option(names = "--batch", paramLabel = "N",
            description = "Minibatch size, 1 to 60,000 (default: ${DEFAULT-VALUE}).")
    int batch = TrainingConfig.BOOK_BATCH_SIZE;

    @Option(names = "--lr", paramLabel = "RATE",
            description = "Learning rate (default: 0.1 for sgd, 0.01 for momentum and adagrad, 0.001 for adam).")
    Double learningRate;

    @Option(names = "--hidden", paramLabel = "N",
            description = "Hidden units, as many as memory allows (default: ${DEFAULT-VALUE}).")
    int hidden = TrainingConfig.BOOK_HIDDEN_SIZE;

    @Option(names = "--init-std", paramLabel = "xavier|he|STD", converter = Converters.WeightInitConverter.class,
            description = "Initial weights: the book's weight_init_std as a number, or xavier (1/sqrt(n)) or he "
                    + "(sqrt(2/n)), n the nodes of the layer before (default: 0.01).")
    WeightInit init = WeightInit.fixed(TrainingConfig.BOOK_WEIGHT_INIT_STD);

    @Option(names = "--activation", paramLabel = "relu|sigmoid", converter = Converters.ActivationConverter.class,
            description = "Hidden activation: relu (ch. 5) or sigmoid (ch. 4) (default: relu).")
    Activation activation = Activation.RELU;

    @Option(names = "--optimizer", paramLabel = "sgd|momentum|adagrad|adam",
            converter = Converters.OptimizerConverter.class, description = "Update rule (default: sgd, as in the book).")
    OptimizerKind optimizer = OptimizerKind.SGD;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed for the initial weights and the minibatches (default: train a random one, printed; bench 0).")
    Long seed;

    /**
     * The configuration these options choose, checked against the limits before anything is
     * loaded (a value out of range is a {@link ParameterException}: exit 2, one sentence).
     *
     * @param defaultSeed the seed when --seed is not given, or null for a random one
     */
    TrainingConfig config(CommandSpec spec, Long defaultSeed) {
        return config(spec, defaultSeed, false, false);
    }

    /**
     * The same, for a run with a learning-rate schedule ({@code scheduled}: one more copy of the
     * weights) or on augmented minibatches (each gathered afresh): both take memory.
     */
    TrainingConfig config(CommandSpec spec, Long defaultSeed, boolean scheduled, boolean augmented) {
        double rate = learningRate != null ? learningRate : optimizer.defaultLearningRate();
        Long given = seed != null ? seed : defaultSeed;
        long chosenSeed = given != null ? given : new SplittableRandom().nextLong() & 0xFFFF_FFFFL;
        TrainingConfig config;
        try {
            config = new TrainingConfig(hidden, batch, rate, init, iterations, activation, chosenSeed, optimizer);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), Converters.sentence(e.getMessage()));
        }
        checkLimits(spec, config, new TrainLimits.Run(config.hiddenSize(), config.batchSize(), config.optimizer(),
                scheduled, augmented));
        return config;
    }

    /** --batch and --hidden within what the training set and memory allow. */
    private static void checkLimits(CommandSpec spec, TrainingConfig config, TrainLimits.Run run) {
        String problem = TrainLimits.batchProblem(config.batchSize());
        if (problem == null) {
            problem = hiddenProblem(run);
        }
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), problem);
        }
    }

    /** The memory check, asking for a collection before saying no: the heap in use counts garbage too. */
    private static String hiddenProblem(TrainLimits.Run run) {
        String problem = TrainLimits.hiddenProblem(run, TrainLimits.heapForTraining());
        if (problem != null) {
            System.gc();
            problem = TrainLimits.hiddenProblem(run, TrainLimits.heapForTraining());
        }
        return problem;
    }

    /** A --batch larger than the training set actually loaded (from {@code dir}) is a bad argument too. */
    static void checkBatchFits(CommandSpec spec, TrainingConfig config, Mnist mnist, Path dir) {
        if (config.batchSize() > mnist.train().size()) {
            throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                    "--batch must be at most %,d, the size of the training set in %s, not %,d.",
                    mnist.train().size(), dir, config.batchSize()));
        }
    }

    /** "784-50-10 relu, batch 100, sgd lr 0.1, init std 0.01": the configuration in one phrase. */
    static String describe(TrainingConfig config, int inputs, int classes) {
        return String.format(Locale.ROOT, "%d-%d-%d %s, batch %d, %s lr %s, init std %s", inputs, config.hiddenSize(),
                classes, config.activation().name().toLowerCase(Locale.ROOT), config.batchSize(),
                config.optimizer().id(), config.learningRate(), config.weightInit());
    }
}
