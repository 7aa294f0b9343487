package com.backpropexplorer.cli;

import com.backpropexplorer.data.Mnist;
import com.backpropexplorer.engine.KernelFactory;
import com.backpropexplorer.engine.Trainer;
import com.backpropexplorer.engine.TrainingConfig;
import com.backpropexplorer.engine.TrainingData;
import com.backpropexplorer.engine.TrainingListener;
import com.backpropexplorer.engine.TrainingSummary;
import com.backpropexplorer.engine.WeightInit;
import com.backpropexplorer.engine.fast.FastKernels;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: training steps per second in any configuration {@code train} takes (by default
 * the book's recipe), timed like ../shared/bench/numpy_two_layer_net.py times numpy: the
 * training steps alone (batch draw, gradient, update), with the epoch accuracy passes measured
 * apart. A warm-up run first (its own net and optimizer, so the timed run's numbers are those
 * of a run without it) lets the JIT compile the hot loops, so that a short run and a long one
 * measure the same rate.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Measure training steps per second (default: the book's recipe).",
        description = {"Training steps per second in any configuration train takes (default: the",
            "book's recipe: 784-50-10 ReLU, batch 100, SGD lr 0.1, seed 0), after a warm-up",
            "run; the training loop alone is timed, the accuracy passes and the warm-up apart."})
final class BenchCommand implements Callable<Integer> {
    /** Steps of the warm-up run: enough for C2 to compile the step's loops (see README, Performance). */
    static final int DEFAULT_WARMUP = 1_500;

    @ParentCommand
    Cli.Root root;

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Mixin
    TrainingOptions training;

    @Option(names = "--warmup", paramLabel = "N",
            description = "Steps of a separate warm-up run before the timed one, 0 for none (default: ${DEFAULT-VALUE}).")
    int warmup = DEFAULT_WARMUP;

    @Option(names = "--kernel", paramLabel = "fast|plain",
            description = "fast: sparse inputs, no first-layer dx (default); plain: the book's layers on EJML, the reference.")
    String kernel = "fast";

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for the fast kernel, 1 or 2 (default: 2 where there are 2 cores).")
    Integer threads;

    @Option(names = "--json", description = "One JSON object.")
    boolean json;

    @Override
    public Integer call() {
        TrainingConfig config = training.config(spec, 0L);
        if (config.iterations() < 1) {
            throw new ParameterException(spec.commandLine(), "--iters must be at least 1, not " + config.iterations() + ".");
        }
        if (warmup < 0) {
            throw new ParameterException(spec.commandLine(), "--warmup must be 0 or more, not " + warmup + ".");
        }
        KernelFactory kernels = kernels();
        Mnist mnist = data.load(root.context());
        TrainingOptions.checkBatchFits(spec, config, mnist, data.locate(root.context()));
        TrainingData sets = TrainCommand.trainingData(mnist);
        TrainingSummary warm = warmup == 0 ? null : run(config.withIterations(warmup), sets, kernels, new AtomicInteger());
        AtomicInteger epochs = new AtomicInteger();
        TrainingSummary summary = run(config, sets, kernels, epochs);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonObject line = new JsonObject();
            line.addProperty("activation", config.activation().name().toLowerCase(Locale.ROOT));
            line.addProperty("optimizer", config.optimizer().id());
            line.add("lr", Json.number(config.learningRate()));
            line.addProperty("hidden", config.hiddenSize());
            line.addProperty("batch", config.batchSize());
            if (config.weightInit().kind() == WeightInit.Kind.FIXED) {
                line.add("init_std", Json.number(config.weightInit().fixedStd()));
            } else {
                line.addProperty("init_std", config.weightInit().id());
            }
            line.addProperty("seed", config.seed());
            line.addProperty("iters", config.iterations());
            line.addProperty("kernel", kernel);
            line.addProperty("threads", threadCount());
            line.addProperty("warmup_steps", warm == null ? 0 : warm.steps());
            line.add("warmup_seconds", Json.number(warm == null ? 0 : warm.trainingSeconds() + warm.evaluationSeconds()));
            line.addProperty("steps", summary.steps());
            line.add("seconds", Json.number(summary.trainingSeconds()));
            line.add("steps_per_s", Json.number(summary.stepsPerSecond()));
            line.add("eval_seconds", Json.number(summary.evaluationSeconds()));
            line.addProperty("epochs", epochs.get());
            line.add("last_loss", Json.number(summary.lastLoss()));
            line.add("train_acc", Json.number(summary.trainAccuracy()));
            line.add("test_acc", Json.number(summary.testAccuracy()));
            out.println(Json.line(line));
        } else {
            out.printf(Locale.ROOT, "bench: %s, %d steps, seed %d, %s kernel%s%n",
                    TrainingOptions.describe(config, sets.inputSize(), sets.classCount()), config.iterations(),
                    config.seed(), kernel, kernel.equals("fast") ? " on " + threadCount() + " thread(s)" : "");
            if (warm != null) {
                out.printf(Locale.ROOT, "warm-up (its own net, not timed): %d steps in %.2f s (%.0f steps/s)%n",
                        warm.steps(), warm.trainingSeconds(), warm.stepsPerSecond());
            }
            out.printf(Locale.ROOT, "training steps: %d in %.2f s (%.0f steps/s)%n", summary.steps(),
                    summary.trainingSeconds(), summary.stepsPerSecond());
            out.printf(Locale.ROOT, "accuracy passes (60,000 + 10,000 images, %d times): %.2f s%n", epochs.get(),
                    summary.evaluationSeconds());
            out.printf(Locale.ROOT, "final: train acc %.4f test acc %.4f, last loss %.6f%n", summary.trainAccuracy(),
                    summary.testAccuracy(), summary.lastLoss());
        }
        if (summary.diverged()) {
            throw new UserError(summary.divergenceMessage());
        }
        return Cli.OK;
    }

    /** One training run of {@code config} on a new net of its own, counting its epochs. */
    private static TrainingSummary run(TrainingConfig config, TrainingData sets, KernelFactory kernels,
                                       AtomicInteger epochs) {
        Trainer trainer = new Trainer(config.newNet(sets.inputSize(), sets.classCount()), config, sets, kernels);
        return trainer.run(new TrainingListener() {
            @Override
            public void onEpoch(int epoch, int iteration, double trainAccuracy, double testAccuracy) {
                epochs.incrementAndGet();
            }
        });
    }

    private int threadCount() {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors() >= 2 ? 2 : 1;
    }

    private KernelFactory kernels() {
        if (threads != null && (threads < 1 || threads > 2)) {
            throw new ParameterException(spec.commandLine(), "--threads must be 1 or 2, not " + threads + ".");
        }
        return switch (kernel) {
            case "fast" -> FastKernels.onThreads(threadCount());
            case "plain" -> KernelFactory.PLAIN;
            default -> throw new ParameterException(spec.commandLine(),
                    "--kernel must be fast or plain, not '" + kernel + "'.");
        };
    }
}
