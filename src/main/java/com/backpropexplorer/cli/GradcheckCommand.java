package com.backpropexplorer.cli;

import com.backpropexplorer.data.MnistDataset;
import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.TrainingConfig;
import com.backpropexplorer.engine.TwoLayerNet;
import com.backpropexplorer.explain.Gradcheck;
import com.backpropexplorer.explain.GradcheckResult;
import com.backpropexplorer.explain.LocalNumericalGradient;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gradcheck}: the book's gradient_check.py on the first training images. */
@Command(name = "gradcheck", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Check backprop against the numerical gradient on real digits.",
        description = {"Compare backpropagation with the numerical gradient (central differences, h = 1e-4)",
            "on the first MNIST training images, 784-50-10, as the book's gradient_check.py."})
final class GradcheckCommand implements Callable<Integer> {
    /** The agreement the book's check is expected to show. */
    static final double THRESHOLD = 1e-6;

    @ParentCommand
    Cli.Root root;

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--samples", paramLabel = "N", description = "Training images to use (default: ${DEFAULT-VALUE}).")
    int samples = 3;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for the net's initial weights (default: ${DEFAULT-VALUE}).")
    long seed = 0;

    @Option(names = "--book-loop",
            description = "Perturb every element with a whole forward pass, as the book's loop does (seconds instead of milliseconds).")
    boolean bookLoop;

    @Option(names = "--json", description = "One JSON object.")
    boolean json;

    @Override
    public Integer call() {
        if (samples < 1 || samples > 100) {
            throw new ParameterException(spec.commandLine(), "--samples must be between 1 and 100, not " + samples + ".");
        }
        MnistDataset batch = data.load(root.context()).train().head(samples);
        TwoLayerNet net = new TwoLayerNet(batch.images().numCols, TrainingConfig.BOOK_HIDDEN_SIZE, MnistDataset.CLASSES,
                TrainingConfig.BOOK_WEIGHT_INIT_STD, Activation.RELU, seed);
        long start = System.nanoTime();
        GradcheckResult result = Gradcheck.run(net, batch.images(), batch.labels(),
                bookLoop ? Gradcheck.Method.BOOK : Gradcheck.Method.LOCAL, Gradcheck.describe(net, batch.images()),
                LocalNumericalGradient.Monitor.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        boolean agree = result.meanAbsDiff().values().stream().allMatch(d -> d < THRESHOLD);

        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonObject line = new JsonObject();
            result.meanAbsDiff().forEach((name, diff) -> line.add(name, Json.number(diff)));
            line.add("seconds", Json.number(seconds));
            line.addProperty("samples", samples);
            line.addProperty("agree", agree);
            out.println(Json.line(line));
        } else {
            result.meanAbsDiff().forEach((name, diff) -> out.printf(Locale.ROOT, "%s: %.3e%n", name, diff));
            out.printf(Locale.ROOT, "numerical gradient and backprop on %d samples: %.2f s%n", samples, seconds);
            out.println(agree
                    ? "every mean |backprop - numerical| is below 1e-6: backpropagation is right"
                    : "a difference is 1e-6 or more: backpropagation and the numerical gradient disagree");
        }
        return Cli.OK;
    }
}
