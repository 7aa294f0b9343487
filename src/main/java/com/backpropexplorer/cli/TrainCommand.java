package com.backpropexplorer.cli;

import com.backpropexplorer.data.FileChecks;
import com.backpropexplorer.data.Mnist;
import com.backpropexplorer.data.ModelData;
import com.backpropexplorer.data.ModelFiles;
import com.backpropexplorer.engine.LearningRateSchedule;
import com.backpropexplorer.engine.Trainer;
import com.backpropexplorer.engine.TrainingConfig;
import com.backpropexplorer.engine.TrainingData;
import com.backpropexplorer.engine.TrainingListener;
import com.backpropexplorer.engine.TrainingSummary;
import com.backpropexplorer.engine.augment.DigitAugmenter;
import com.backpropexplorer.engine.fast.FastKernels;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code train}: the book's train_neuralnet.py, with its per-epoch accuracy lines. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Train TwoLayerNet on MNIST, as the book's train_neuralnet.py.",
        description = {"Train TwoLayerNet on MNIST with minibatch SGD (or Momentum, AdaGrad, Adam), as the book's",
            "train_neuralnet.py; prints train and test accuracy every epoch."})
final class TrainCommand implements Callable<Integer> {
    @ParentCommand
    Cli.Root root;

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Mixin
    TrainingOptions training;

    @Option(names = "--augment",
            description = "Vary every minibatch as canvas drawings vary: random shift, small rotation, scale, thicker or thinner strokes.")
    boolean augment;

    @Option(names = "--schedule", paramLabel = "constant|step|cosine", converter = Converters.ScheduleConverter.class,
            description = "Learning-rate schedule: constant (the book's), step (/10 at 1/2 and 3/4 of the run) or cosine decay to 0 (default: constant).")
    LearningRateSchedule schedule = LearningRateSchedule.CONSTANT;

    @Option(names = "--save", paramLabel = "FILE",
            description = "Save the trained weights: FILE.npz as NumPy (np.load reads it), any other name in our own format.")
    Path save;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Override
    public Integer call() {
        TrainingConfig config = training.config(spec, null, schedule != LearningRateSchedule.CONSTANT, augment);
        checkWritable(save);
        Mnist mnist = data.load(root.context());
        TrainingOptions.checkBatchFits(spec, config, mnist, data.locate(root.context()));
        TrainingData sets = trainingData(mnist);
        PrintWriter out = spec.commandLine().getOut();
        if (!json) {
            out.printf(Locale.ROOT, "train: %d-%d-%d %s, batch %d, %s lr %s%s, init %s, %d iterations%s, seed %d%n",
                    sets.inputSize(), config.hiddenSize(), sets.classCount(), config.activation().name().toLowerCase(Locale.ROOT),
                    config.batchSize(), config.optimizer().id(), config.learningRate(),
                    schedule == LearningRateSchedule.CONSTANT ? "" : " (" + schedule.id() + ")", config.weightInit(),
                    config.iterations(), augment ? ", augmented" : "", config.seed());
        }
        Trainer trainer = new Trainer(config.newNet(sets.inputSize(), sets.classCount()), config, sets,
                FastKernels.standard());
        if (augment) {
            trainer.augmentWith(new DigitAugmenter());
        }
        trainer.schedule(schedule);
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
            if (summary.confusion() != null) {
                line.add("confusion", Json.table(summary.confusion().counts()));
            }
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
