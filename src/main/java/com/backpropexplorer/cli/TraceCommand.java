package com.backpropexplorer.cli;

import com.backpropexplorer.data.MnistDataset;
import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.TrainingConfig;
import com.backpropexplorer.engine.TwoLayerNet;
import com.backpropexplorer.explain.Example;
import com.backpropexplorer.explain.Stage;
import com.backpropexplorer.explain.Tensor;
import com.backpropexplorer.explain.Trace;
import com.backpropexplorer.explain.Tracer;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code trace}: the stages the app animates, forward then backward, with what each one saw. */
@Command(name = "trace", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Print the forward and backward stages of one pass.",
        description = {"Print every forward and backward stage of one pass: layer, inputs, outputs, what the",
            "layer cached, gradients. simple: the book's simpleNet (4.4.2); tiny: a 2-3-2 TwoLayerNet;",
            "mnist: 784-50-10 on the first test digits (shapes and min/max/mean)."})
final class TraceCommand implements Callable<Integer> {
    /** How many real digits the mnist example pushes through the net. */
    static final int MNIST_SAMPLES = 3;

    @ParentCommand
    Cli.Root root;

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--example", paramLabel = "simple|tiny|mnist", converter = Converters.ExampleConverter.class,
            description = "Which lesson (default: simple).")
    Example example = Example.SIMPLE;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the tiny and mnist nets (default: 1).")
    long seed = Tracer.TINY_SEED;

    @Option(names = "--json", description = "One JSON object per stage.")
    boolean json;

    @Override
    public Integer call() {
        Trace trace = switch (example) {
            case SIMPLE -> Tracer.simple();
            case TINY -> Tracer.tiny(seed);
            case MNIST -> mnistTrace();
        };
        boolean summarize = example == Example.MNIST;
        PrintWriter out = spec.commandLine().getOut();
        if (!json) {
            out.printf(Locale.ROOT, "trace %s: %d stages (%d forward, %d backward), batch of %d, loss L = %s%n",
                    example.id(), trace.stages().size(), trace.forwardCount(),
                    trace.stages().size() - trace.forwardCount(), trace.batchSize(), trace.loss());
        }
        for (Stage stage : trace.stages()) {
            if (json) {
                out.println(Json.line(stageJson(stage, summarize)));
            } else {
                printStage(out, stage, summarize);
            }
        }
        return Cli.OK;
    }

    /** A seeded 784-50-10 net (the book's init) on the first test digits. */
    private Trace mnistTrace() {
        MnistDataset test = data.load(root.context()).test().head(MNIST_SAMPLES);
        TwoLayerNet net = new TwoLayerNet(test.images().numCols, TrainingConfig.BOOK_HIDDEN_SIZE, MnistDataset.CLASSES,
                TrainingConfig.BOOK_WEIGHT_INIT_STD, Activation.RELU, seed);
        return Tracer.twoLayer(Example.MNIST, net, test.images(), test.labels());
    }

    private static JsonObject stageJson(Stage stage, boolean summarize) {
        JsonObject line = new JsonObject();
        line.addProperty("stage", stage.index());
        line.addProperty("direction", stage.direction().name().toLowerCase(Locale.ROOT));
        line.addProperty("layer", stage.layer());
        line.addProperty("kind", stage.kind().name().toLowerCase(Locale.ROOT));
        line.add("inputs", tensorsJson(stage.inputs(), summarize));
        line.add("outputs", tensorsJson(stage.outputs(), summarize));
        line.add("cached", tensorsJson(stage.cached(), summarize));
        line.add("gradients", tensorsJson(stage.gradients(), summarize));
        return line;
    }

    private static JsonObject tensorsJson(List<Tensor> tensors, boolean summarize) {
        JsonObject object = new JsonObject();
        for (Tensor t : tensors) {
            object.add(t.name(), tensorJson(t, summarize));
        }
        return object;
    }

    /** A scalar as a number, a matrix as nested rows, or (mnist) its shape and summary. */
    private static JsonElement tensorJson(Tensor t, boolean summarize) {
        if (t.isScalar()) {
            return Json.number(t.value());
        }
        if (!summarize) {
            double[] values = t.toArray();
            return Json.matrix(t.rows(), t.cols(), i -> values[i]);
        }
        JsonObject summary = new JsonObject();
        com.google.gson.JsonArray shape = new com.google.gson.JsonArray();
        shape.add(t.rows());
        shape.add(t.cols());
        summary.add("shape", shape);
        summary.add("min", Json.number(t.min()));
        summary.add("max", Json.number(t.max()));
        summary.add("mean", Json.number(t.mean()));
        return summary;
    }

    private static void printStage(PrintWriter out, Stage stage, boolean summarize) {
        out.printf(Locale.ROOT, "%nstage %d  %-8s  %s%n", stage.index(), stage.direction().name().toLowerCase(Locale.ROOT),
                stage.layer());
        printTensors(out, "in", stage.inputs(), summarize);
        printTensors(out, "out", stage.outputs(), summarize);
        printTensors(out, "cached", stage.cached(), summarize);
        printTensors(out, "grad", stage.gradients(), summarize);
    }

    private static void printTensors(PrintWriter out, String role, List<Tensor> tensors, boolean summarize) {
        for (Tensor t : tensors) {
            String shape = t.rows() + "x" + t.cols();
            if (t.isScalar()) {
                out.printf(Locale.ROOT, "  %-6s %-5s %s%n", role, t.name(), t.value());
            } else if (summarize) {
                out.printf(Locale.ROOT, "  %-6s %-5s %-7s min %.6g  max %.6g  mean %.6g%n", role, t.name(), shape,
                        t.min(), t.max(), t.mean());
            } else {
                out.printf(Locale.ROOT, "  %-6s %-5s %-7s %s%n", role, t.name(), shape, rows(t));
            }
        }
    }

    /** Every number in full (Java's shortest round-trip form), row by row. */
    private static String rows(Tensor t) {
        StringBuilder s = new StringBuilder("[");
        for (int r = 0; r < t.rows(); r++) {
            s.append(r == 0 ? "[" : ", [");
            double[] row = t.row(r);
            for (int c = 0; c < row.length; c++) {
                s.append(c == 0 ? "" : ", ").append(row[c]);
            }
            s.append(']');
        }
        return s.append(']').toString();
    }
}
