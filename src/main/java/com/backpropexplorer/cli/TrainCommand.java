package com.backpropexplorer.cli;

import com.backpropexplorer.data.FileChecks;
import com.backpropexplorer.data.Mnist;
import com.backpropexplorer.data.ModelData;
import com.backpropexplorer.data.ModelFiles;
import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.OptimizerKind;
import com.backpropexplorer.engine.Trainer;
import com.backpropexplorer.engine.TrainingConfig;
import com.backpropexplorer.engine.TrainingData;
import com.backpropexplorer.engine.TrainingListener;
import com.backpropexplorer.engine.TrainingSummary;
import com.backpropexplorer.engine.fast.FastKernels;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code train}: the book's train_neuralnet.py, with its per-epoch accuracy lines. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Train TwoLayerNet on MNIST, as the book's train_neuralnet.py.",
        description = {"Train TwoLayerNet on MNIST with minibatch SGD (or Momentum, Adam), as the book's",
            "train_neuralnet.py; prints train and test accuracy every epoch."})
final class TrainCommand implements Callable<Integer> {
    @ParentCommand
    Cli.Root root;

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--iters", paramLabel = "N", description = "Training iterations (default: ${DEFAULT-VALUE}).")
    int iterations = TrainingConfig.BOOK_ITERATIONS;

    @Option(names = "--batch", paramLabel = "N",
            description = "Minibatch size, 1 to 60,000 (default: ${DEFAULT-VALUE}).")
    int batch = TrainingConfig.BOOK_BATCH_SIZE;

    @Option(names = "--lr", paramLabel = "RATE",
            description = "Learning rate (default: 0.1 for sgd, 0.01 for momentum, 0.001 for adam).")
    Double learningRate;

    @Option(names = "--hidden", paramLabel = "N",
            description = "Hidden units, as many as memory allows (default: ${DEFAULT-VALUE}).")
    int hidden = TrainingConfig.BOOK_HIDDEN_SIZE;

    @Option(names = "--init-std", paramLabel = "STD", description = "weight_init_std (default: ${DEFAULT-VALUE}).")
    double initStd = TrainingConfig.BOOK_WEIGHT_INIT_STD;

    @Option(names = "--activation", paramLabel = "relu|sigmoid", converter = Converters.ActivationConverter.class,
            description = "Hidden activation: relu (ch. 5) or sigmoid (ch. 4) (default: relu).")
    Activation activation = Activation.RELU;

    @Option(names = "--optimizer", paramLabel = "sgd|momentum|adam", converter = Converters.OptimizerConverter.class,
            description = "Update rule (default: sgd, as in the book).")
    OptimizerKind optimizer = OptimizerKind.SGD;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for the initial weights and the minibatches (default: random, printed).")
    Long seed;

    @Option(names = "--save", paramLabel = "FILE",
            description = "Save the trained weights: FILE.npz as NumPy (np.load reads it), any other name in our own format.")
    Path save;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Override
    public Integer call() {
        TrainingConfig config = config();
        checkLimits(config);
        checkWritable(save);
        Mnist mnist = data.load(root.context());
        if (config.batchSize() > mnist.train().size()) {
            throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                    "--batch must be at most %,d, the size of the training set in %s, not %,d.",
                    mnist.train().size(), data.locate(root.context()), config.batchSize()));
        }
        TrainingData sets = trainingData(mnist);
        PrintWriter out = spec.commandLine().getOut();
        if (!json) {
            out.printf(Locale.ROOT, "train: %d-%d-%d %s, batch %d, %s lr %s, %d iterations, seed %d%n",
                    sets.inputSize(), config.hiddenSize(), sets.classCount(), config.activation().name().toLowerCase(Locale.ROOT),
                    config.batchSize(), config.optimizer().id(), config.learningRate(), config.iterations(), config.seed());
        }
        Trainer trainer = new Trainer(config.newNet(sets.inputSize(), sets.classCount()), config, sets,
                FastKernels.standard());
        TrainingSummary summary = trainer.run(new EpochPrinter(out, json));
        if (summary.diverged()) {
            if (json) {
                JsonObject line = new JsonObject();
                line.addProperty("done", false);
                line.addProperty("diverged", true);
                line.addProperty("iter", summary.divergedAt());
                line.add("last_loss", Json.number(summary.lastLoss()));
                out.println(Json.line(line));
            }
            throw new UserError(summary.divergenceMessage() + (save == null ? "" : " Nothing was saved."));
        }
        if (save != null) {
            ModelFiles.save(save, new ModelData(trainer.net().params(),
                    Map.of(ModelData.ACTIVATION, config.activation().name().toLowerCase(Locale.ROOT))));
        }
        printSummary(out, summary, config.seed());
        return Cli.OK;
    }

    private TrainingConfig config() {
        OptimizerKind kind = optimizer;
        double rate = learningRate != null ? learningRate : kind.defaultLearningRate();
        long chosenSeed = seed != null ? seed : new SplittableRandom().nextLong() & 0xFFFF_FFFFL;
        try {
            return new TrainingConfig(hidden, batch, rate, initStd, iterations, activation, chosenSeed, kind);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), Converters.sentence(e.getMessage()));
        }
    }

    /** --batch and --hidden within what the training set and memory allow, before anything is loaded. */
    private void checkLimits(TrainingConfig config) {
        String problem = TrainLimits.batchProblem(config.batchSize());
        if (problem == null) {
            problem = TrainLimits.hiddenProblem(config.hiddenSize(), config.batchSize(), config.activation(),
                    TrainLimits.heapForTraining());
        }
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), problem);
        }
    }

    /**
     * Fails before a long training run rather than after it, when the model could not be saved:
     * a folder, a device or FIFO, a read-only file, a folder that does not exist or is not writable.
     */
    static void checkWritable(Path file) {
        if (file != null) {
            FileChecks.writeTarget(file);
        }
    }

    static TrainingData trainingData(Mnist mnist) {
        return new TrainingData(mnist.train().images(), mnist.train().labels(), mnist.test().images(),
                mnist.test().labels());
    }

    private void printSummary(PrintWriter out, TrainingSummary summary, long usedSeed) {
        if (json) {
            JsonObject line = new JsonObject();
            line.addProperty("done", true);
            line.add("train_acc", Json.number(summary.trainAccuracy()));
            line.add("test_acc", Json.number(summary.testAccuracy()));
            line.addProperty("steps", summary.steps());
            line.add("seconds", Json.number(summary.trainingSeconds()));
            line.add("steps_per_s", Json.number(summary.stepsPerSecond()));
            line.add("eval_seconds", Json.number(summary.evaluationSeconds()));
            line.addProperty("seed", usedSeed);
            if (save != null) {
                line.addProperty("saved", save.toString());
            }
            out.println(Json.line(line));
            return;
        }
        out.printf(Locale.ROOT, "final: train acc %.4f test acc %.4f%n", summary.trainAccuracy(), summary.testAccuracy());
        out.printf(Locale.ROOT, "training steps: %d in %.2f s (%.0f steps/s); accuracy passes %.2f s%n",
                summary.steps(), summary.trainingSeconds(), summary.stepsPerSecond(), summary.evaluationSeconds());
        if (save != null) {
            out.printf(Locale.ROOT, "saved %s (%s)%n", save,
                    ModelFiles.formatFor(save) == ModelFiles.Format.NPZ ? "NumPy .npz" : "Backprop Explorer model");
        }
    }

    /** The book's per-epoch line, or its JSON twin. */
    static final class EpochPrinter implements TrainingListener {
        private final PrintWriter out;
        private final boolean json;

        EpochPrinter(PrintWriter out, boolean json) {
            this.out = out;
            this.json = json;
        }

        @Override
        public void onEpoch(int epoch, int iteration, double trainAccuracy, double testAccuracy) {
            if (json) {
                JsonObject line = new JsonObject();
                line.addProperty("epoch", epoch);
                line.addProperty("iter", iteration);
                line.add("train_acc", Json.number(trainAccuracy));
                line.add("test_acc", Json.number(testAccuracy));
                out.println(Json.line(line));
            } else {
                out.printf(Locale.ROOT, "iter %d: train acc %.4f test acc %.4f%n", iteration, trainAccuracy, testAccuracy);
            }
        }
    }
}
