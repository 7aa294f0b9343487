package com.backpropexplorer.cli;

import com.backpropexplorer.data.MnistDataset;
import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.TrainingConfig;
import com.backpropexplorer.engine.TwoLayerNet;
import com.backpropexplorer.explain.Gradcheck;
import com.backpropexplorer.explain.GradcheckResult;
import com.backpropexplorer.explain.GradientTiming;
import com.backpropexplorer.explain.LocalNumericalGradient;
import com.backpropexplorer.explain.bugs.BugLab;
import com.backpropexplorer.explain.bugs.PlantedBug;
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
            "on the first MNIST training images, 784-50-10, as the book's gradient_check.py.",
            "The bug lab: --list-bugs names the planted bugs, --plant-bug NAME checks a net with that",
            "bug in its backward (a Sigmoid net for a Sigmoid bug), --reveal says what the bug was."})
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

    @Option(names = "--list-bugs", description = "Print the planted bugs' names, one a line, and stop.")
    boolean listBugs;

    @Option(names = "--plant-bug", paramLabel = "NAME", converter = Converters.BugConverter.class,
            description = "Check a copy of the net with this bug planted in its backward (see --list-bugs).")
    PlantedBug bug;

    @Option(names = "--reveal", description = "With --plant-bug: after the figures, say which line was wrong.")
    boolean reveal;

    @Option(names = "--json", description = "One JSON object.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (listBugs) {
            for (PlantedBug b : PlantedBug.values()) {
                if (json) {
                    JsonObject line = new JsonObject();
                    line.addProperty("bug", b.id());
                    out.println(Json.line(line));
                } else {
                    out.println(b.id()); // the neutral name only: the reveal stays a reveal
                }
            }
            return Cli.OK;
        }
        if (reveal && bug == null) {
            throw new ParameterException(spec.commandLine(), "--reveal needs --plant-bug NAME: there is nothing to reveal.");
        }
        if (samples < 1 || samples > 100) {
            throw new ParameterException(spec.commandLine(), "--samples must be between 1 and 100, not " + samples + ".");
        }
        MnistDataset batch = data.load(root.context()).train().head(samples);
        Activation activation = bug == null ? Activation.RELU : bug.net();
        TwoLayerNet net = new TwoLayerNet(batch.images().numCols, TrainingConfig.BOOK_HIDDEN_SIZE, MnistDataset.CLASSES,
                TrainingConfig.BOOK_WEIGHT_INIT_STD, activation, seed);
        long start = System.nanoTime();
        Gradcheck.Method method = bookLoop ? Gradcheck.Method.BOOK : Gradcheck.Method.LOCAL;
        String description = Gradcheck.describe(net, batch.images());
        GradcheckResult result = bug == null
                ? Gradcheck.run(net, batch.images(), batch.labels(), method, description, LocalNumericalGradient.Monitor.NONE)
                : BugLab.check(bug, net, batch.images(), batch.labels(), method, LocalNumericalGradient.Monitor.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        boolean agree = result.meanAbsDiff().values().stream().allMatch(d -> d < THRESHOLD);
        GradientTiming.Result timing = bookLoop && bug == null ? backpropBeside(result, net, batch) : null;

        if (json) {
            JsonObject line = new JsonObject();
            result.meanAbsDiff().forEach((name, diff) -> line.add(name, Json.number(diff)));
            line.add("seconds", Json.number(seconds));
            line.addProperty("samples", samples);
            if (timing != null) {
                line.add("numerical_seconds", Json.number(timing.numericalNanos() / 1e9));
                line.add("backprop_seconds", Json.number(timing.backpropNanos() / 1e9));
            }
            if (bug != null) {
                line.addProperty("bug", bug.id());
            }
            line.addProperty("agree", agree);
            if (reveal) {
                line.addProperty("layer", bug.method());
                line.addProperty("wrong", bug.wrongLine());
                line.addProperty("right", bug.rightLine());
            }
            out.println(Json.line(line));
        } else {
            result.meanAbsDiff().forEach((name, diff) -> out.printf(Locale.ROOT, "%s: %.3e%n", name, diff));
            out.printf(Locale.ROOT, "numerical gradient and backprop on %d samples: %.2f s%n", samples, seconds);
            if (timing != null) {
                out.printf(Locale.ROOT, "the book's loop: %,d whole forward passes in %.2f s; backprop on the same net"
                        + " and batch: %.2f ms, %,.0f times faster%n", timing.forwardPasses(),
                        timing.numericalNanos() / 1e9, timing.backpropNanos() / 1e6, timing.ratio());
            }
            out.println(agree
                    ? "every mean |backprop - numerical| is below 1e-6: backpropagation is right"
                    : "a difference is 1e-6 or more: backpropagation and the numerical gradient disagree");
            if (bug != null) {
                out.println("planted bug: " + bug.id() + (agree ? " (the check did not catch it)" : " (caught)"));
            }
            if (reveal) {
                out.println("it was in " + bug.method() + ":");
                out.println("  wrong: " + bug.wrongLine());
                out.println("  right: " + bug.rightLine());
                out.println(bug.reveal(Locale.ENGLISH));
            }
        }
        return Cli.OK;
    }

    /** Backprop timed on the same net and batch as the book's loop that just ran. */
    private static GradientTiming.Result backpropBeside(GradcheckResult check, TwoLayerNet net, MnistDataset batch) {
        return GradientTiming.besides(check, net, batch.images(), batch.labels());
    }
}
