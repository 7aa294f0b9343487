package com.backpropexplorer.cli;

import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.OptimizerKind;
import com.backpropexplorer.engine.TrainingConfig;
import com.backpropexplorer.engine.WeightInit;
import picocli.CommandLine.Option;

/**
 * The net and update rule of a training run, shared by {@code train} and {@code bench} so both
 * accept the same words: {@code --hidden}, {@code --batch}, {@code --lr}, {@code --init-std},
 * {@code --activation}, {@code --optimizer}. Defaults are the book's recipe.
 */
final class RecipeOptions {
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
            converter = Converters.OptimizerConverter.class,
            description = "Update rule (default: sgd, as in the book).")
    OptimizerKind optimizer = OptimizerKind.SGD;

    /**
     * The config these options describe.
     *
     * @throws IllegalArgumentException with the engine's message for a value it refuses
     */
    TrainingConfig config(int iterations, long seed) {
        double rate = learningRate != null ? learningRate : optimizer.defaultLearningRate();
        return new TrainingConfig(hidden, batch, rate, init, iterations, activation, seed, optimizer);
    }
}
