package com.backpropexplorer.cli;

import com.backpropexplorer.data.MnistDataset;
import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.TrainingConfig;
import com.backpropexplorer.engine.TwoLayerNet;
import com.backpropexplorer.engine.Sgd;
import com.backpropexplorer.explain.BookValues;
import com.backpropexplorer.explain.ComputationGraph;
import com.backpropexplorer.explain.Example;
import com.backpropexplorer.explain.Lesson;
import com.backpropexplorer.explain.Lessons;
import com.backpropexplorer.explain.Stage;
import com.backpropexplorer.explain.Tensor;
import com.backpropexplorer.explain.Trace;
import com.backpropexplorer.explain.Tracer;
import com.backpropexplorer.explain.Update;
import com.backpropexplorer.explain.text.Texts;
import com.google.gson.JsonArray;
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
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code trace}: the stages the app animates (forward, backward, the update), with what each one saw. */
@Command(name = "trace", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Print the forward, backward and update stages of one iteration.",
        description = {"Print every stage of one iteration: layer, call path in the book's code, inputs, outputs,",
            "what the layer cached, gradients, then the SGD update W <- W - lr*dW with the loss before and after.",
            "simple: the book's simpleNet (4.4.2, p. 111); tiny: a 2-3-2 TwoLayerNet;",
            "mnist: 784-50-10 on the first test digits (shapes and min/max/mean);",
            "buy-apple, buy-apple-orange: the shopping graphs of 5.3-5.4 (MulLayer, AddLayer);",
            "sigmoid: Sigmoid taken apart into its four nodes (5.5.2);",
            "ch4: chapter 4's TwoLayerNet (Sigmoid) on the first test digits."})
final class TraceCommand implements Callable<Integer> {
    /** How many real digits the mnist example pushes through the net. */
    static final int MNIST_SAMPLES = Lessons.MNIST_BATCH;

    @ParentCommand
    Cli.Root root;

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--example", paramLabel = "NAME", converter = Converters.ExampleConverter.class,
            description = "Which lesson: simple, tiny, mnist, buy-apple, buy-apple-orange, sigmoid or ch4"
                    + " (default: simple).")
    Example example = Example.SIMPLE;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the tiny and mnist nets (default: 1).")
    long seed = Tracer.TINY_SEED;

    @Option(names = "--lr", paramLabel = "RATE", description = "Learning rate of the update stage (default: 0.1).")
    double lr = Sgd.DEFAULT_LEARNING_RATE;

    @Option(names = "--json", description = "One JSON object per stage.")
    boolean json;

    @Override
    public Integer call() {
        if (!Double.isFinite(lr) || lr < 0) {
            throw new ParameterException(spec.commandLine(),
                    "--lr must be a finite number of 0 or more, not " + lr + ".");
        }
        Lesson lesson = lesson().withLearningRate(lr);
        Trace trace = lesson.trace();
        boolean summarize = example.needsMnist();
        PrintWriter out = spec.commandLine().getOut();
        if (!json) {
            out.printf(Locale.ROOT, "trace %s: %s%s, %s%n", example.id(), counts(trace),
                    trace.x() == null ? "" : ", batch of " + trace.batchSize(), result(trace));
        }
        for (Stage stage : trace.stages()) {
            if (json) {
                out.println(Json.line(stageJson(trace, stage, summarize)));
            } else {
                printStage(out, trace, stage, summarize);
            }
        }
        if (!json) {
            lesson.book().ifPresent(book -> printBook(out, book));
        }
        return Cli.OK;
    }

    private Lesson lesson() {
        return switch (example) {
            case TINY -> Lessons.tiny(seed);
            case MNIST -> mnistLesson(Activation.RELU);
            case CH4 -> mnistLesson(Activation.SIGMOID);
            default -> Lessons.withoutData(example);
        };
    }

    /** "loss L = 0.27", "price = 220.00000000000003", "y = 0.62": what the forward pass ends with. */
    private static String result(Trace trace) {
        ComputationGraph.Node end = trace.graph().nodes().get(trace.graph().nodes().size() - 1);
        return end.id().equals("L") ? "loss L = " + trace.loss() : end.id() + " = " + trace.loss();
    }

    /** "9 stages (4 forward, 4 backward, 1 update)". */
    static String counts(Trace trace) {
        int updates = trace.stages().size() - trace.forwardCount() - trace.backwardCount();
        String s = String.format(Locale.ROOT, "%d stages (%d forward, %d backward", trace.stages().size(),
                trace.forwardCount(), trace.backwardCount());
        return s + (updates > 0 ? ", " + updates + " update)" : ")");
    }

    /** A seeded 784-50-10 net (the book's init) on the first test digits. */
    private Lesson mnistLesson(Activation activation) {
        MnistDataset test = data.load(root.context()).test().head(MNIST_SAMPLES);
        TwoLayerNet net = new TwoLayerNet(test.images().numCols, TrainingConfig.BOOK_HIDDEN_SIZE, MnistDataset.CLASSES,
                TrainingConfig.BOOK_WEIGHT_INIT_STD, activation, seed);
        Example which = activation == Activation.SIGMOID ? Example.CH4 : Example.MNIST;
        return Lessons.twoLayer(which, net, test.images(), test.labels(), Lessons.digits(0, test.size()));
    }

    private static JsonObject stageJson(Trace trace, Stage stage, boolean summarize) {
        JsonObject line = new JsonObject();
        line.addProperty("stage", stage.index());
        line.addProperty("direction", stage.direction().name().toLowerCase(Locale.ROOT));
        line.addProperty("layer", stage.layer());
        line.addProperty("kind", stage.kind().name().toLowerCase(Locale.ROOT));
        JsonArray calls = new JsonArray();
        stage.calls().forEach(calls::add);
        line.add("calls", calls);
        line.add("inputs", tensorsJson(stage.inputs(), summarize));
        line.add("outputs", tensorsJson(stage.outputs(), summarize));
        line.add("cached", tensorsJson(stage.cached(), summarize));
        line.add("gradients", tensorsJson(stage.gradients(), summarize));
        if (stage.isUpdate()) {
            Update update = trace.update().orElseThrow();
            line.add("loss_before", Json.number(update.lossBefore()));
            line.add("loss_after", Json.number(update.lossAfter()));
        }
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

    private static void printStage(PrintWriter out, Trace trace, Stage stage, boolean summarize) {
        out.printf(Locale.ROOT, "%nstage %d  %-8s  %s%n", stage.index(), stage.direction().name().toLowerCase(Locale.ROOT),
                stage.layer());
        out.printf(Locale.ROOT, "  %-6s %s%n", "calls", stage.breadcrumbs());
        printTensors(out, "in", stage.inputs(), summarize);
        printTensors(out, "out", stage.outputs(), summarize);
        printTensors(out, "cached", stage.cached(), summarize);
        printTensors(out, "grad", stage.gradients(), summarize);
        if (stage.isUpdate()) {
            Update update = trace.update().orElseThrow();
            out.printf(Locale.ROOT, "  %-6s before %s  after %s%n", "loss", update.lossBefore(), update.lossAfter());
        }
    }

    /** The book's printed numbers beside ours (simpleNet: §4.4.2, p. 111). */
    private static void printBook(PrintWriter out, BookValues book) {
        out.printf(Locale.ROOT, "%nthe book (%s) beside this run:%n", book.source());
        for (BookValues.Value v : book.values()) {
            out.printf(Locale.ROOT, "  %-18s book %s%n  %-18s ours %s   (max |difference| %.2g)%n", v.name(),
                    v.printedText(), "", values(v.ours()), v.maxAbsDifference());
            if (v.noteKey() != null) {
                out.printf(Locale.ROOT, "  %-18s %s%n", "", Texts.text(Locale.ENGLISH, v.noteKey()));
            }
        }
    }

    private static String values(Tensor t) {
        return t.isScalar() ? String.valueOf(t.value()) : rows(t);
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
