package com.backpropexplorer.cli;

import com.backpropexplorer.engine.KernelFactory;
import com.backpropexplorer.engine.Trainer;
import com.backpropexplorer.engine.TrainingConfig;
import com.backpropexplorer.engine.TrainingData;
import com.backpropexplorer.engine.TrainingListener;
import com.backpropexplorer.engine.TrainingSummary;
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
 * {@code bench}: training steps per second on the book's recipe, timed like
 * ../shared/bench/numpy_two_layer_net.py times numpy: the training steps alone (batch draw,
 * gradient, update), with the epoch accuracy passes measured apart.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Measure training steps per second on the book's recipe.",
        description = {"Training steps per second on the book's recipe (784-50-10, batch 100, SGD lr 0.1),",
            "timing the training loop alone; the epoch accuracy passes are timed separately."})
final class BenchCommand implements Callable<Integer> {
    @ParentCommand
    Cli.Root root;

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--iters", paramLabel = "N", description = "Training steps (default: ${DEFAULT-VALUE}, the book's).")
    int iterations = TrainingConfig.BOOK_ITERATIONS;

    @Option(names = "--seed", paramLabel = "N", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed = 0;

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
        if (iterations < 1) {
            throw new ParameterException(spec.commandLine(), "--iters must be at least 1, not " + iterations + ".");
        }
        KernelFactory kernels = kernels();
        TrainingData sets = TrainCommand.trainingData(data.load(root.context()));
        TrainingConfig config = TrainingConfig.book(seed).withIterations(iterations);
        AtomicInteger epochs = new AtomicInteger();
        Trainer trainer = new Trainer(config.newNet(sets.inputSize(), sets.classCount()), config, sets, kernels);
        TrainingSummary summary = trainer.run(new TrainingListener() {
            @Override
            public void onEpoch(int epoch, int iteration, double trainAccuracy, double testAccuracy) {
                epochs.incrementAndGet();
            }
        });
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonObject line = new JsonObject();
            line.addProperty("steps", summary.steps());
            line.add("seconds", Json.number(summary.trainingSeconds()));
            line.add("steps_per_s", Json.number(summary.stepsPerSecond()));
            line.add("eval_seconds", Json.number(summary.evaluationSeconds()));
            line.addProperty("epochs", epochs.get());
            line.add("train_acc", Json.number(summary.trainAccuracy()));
            line.add("test_acc", Json.number(summary.testAccuracy()));
            line.addProperty("kernel", kernel);
            line.addProperty("threads", threadCount());
            out.println(Json.line(line));
        } else {
            out.printf(Locale.ROOT, "bench: book recipe 784-50-10, batch 100, SGD lr 0.1, %d steps, seed %d, %s kernel%s%n",
                    iterations, seed, kernel, kernel.equals("fast") ? " on " + threadCount() + " thread(s)" : "");
            out.printf(Locale.ROOT, "training steps: %d in %.2f s (%.0f steps/s)%n", summary.steps(),
                    summary.trainingSeconds(), summary.stepsPerSecond());
            out.printf(Locale.ROOT, "accuracy passes (60,000 + 10,000 images, %d times): %.2f s%n", epochs.get(),
                    summary.evaluationSeconds());
            out.printf(Locale.ROOT, "final: train acc %.4f test acc %.4f%n", summary.trainAccuracy(), summary.testAccuracy());
        }
        return Cli.OK;
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
