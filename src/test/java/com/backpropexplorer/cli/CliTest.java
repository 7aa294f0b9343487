package com.backpropexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.data.Mnist;
import com.backpropexplorer.engine.SimpleNet;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The commands that need no MNIST, and every error path. */
class CliTest {
    @TempDir
    Path home;

    private static double[] row(JsonArray matrix, int r) {
        JsonArray row = matrix.get(r).getAsJsonArray();
        double[] out = new double[row.size()];
        for (int c = 0; c < out.length; c++) {
            out[c] = row.get(c).getAsDouble();
        }
        return out;
    }

    private static void assertClose(double[] expected, double[] actual, double tolerance) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance, "element " + i);
        }
    }

    @Test
    void traceSimplePrintsTheBooksNumbers() {
        CliRun run = CliRun.run(home, "trace", "--example", "simple", "--json");
        assertEquals(0, run.exitCode(), run::toString);
        List<JsonObject> stages = run.jsonLines();
        assertEquals(5, stages.size(), "2 forward, 2 backward, 1 update");

        JsonObject matMul = stages.get(0);
        assertEquals(0, matMul.get("stage").getAsInt());
        assertEquals("forward", matMul.get("direction").getAsString());
        assertEquals("MatMul", matMul.get("layer").getAsString());
        assertClose(SimpleNet.BOOK_X, row(matMul.getAsJsonObject("inputs").getAsJsonArray("x"), 0), 0);
        // the book's §4.4.2, p. 111: net.predict(x) = [1.05414809, 0.63071653, 1.1328074]
        assertClose(new double[] {1.05414809, 0.63071653, 1.1328074},
                row(matMul.getAsJsonObject("outputs").getAsJsonArray("out"), 0), 5e-9);
        // the book prints 0.92806853663411326, computed without the 1e-7 inside the log; ours has it
        assertEquals(0.9280682857864075, stages.get(1).getAsJsonObject("outputs").get("L").getAsDouble(), 1e-15);

        JsonObject backMatMul = stages.get(3);
        assertEquals("backward", backMatMul.get("direction").getAsString());
        JsonArray dW = backMatMul.getAsJsonObject("gradients").getAsJsonArray("dW");
        // the book's dW (numerical there, backprop here), to its 8 printed digits
        assertClose(new double[] {0.21924763, 0.14356247, -0.36281009}, row(dW, 0), 5e-9);
        assertClose(new double[] {0.32887144, 0.2153437, -0.54421514}, row(dW, 1), 5e-9);
        assertEquals("", run.err());
    }

    @Test
    void traceSimpleAsTextShowsEveryNumberInFull() {
        CliRun run = CliRun.run(home, "trace");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("loss L = 0.9280682857864075"), run.out());
        assertTrue(run.out().contains("[[0.47355232, 0.9977393, 0.84668094], [0.85557411, 0.03563661, 0.69422093]]"));
        assertTrue(run.out().contains("stage 3  backward  MatMul"), run.out());
    }

    @Test
    void traceTinyHasEightStagesWithGradients() {
        CliRun run = CliRun.run(home, "trace", "--example", "tiny", "--seed", "3", "--json");
        assertEquals(0, run.exitCode(), run::toString);
        List<JsonObject> stages = run.jsonLines();
        List<String> layers = stages.stream().map(s -> s.get("layer").getAsString()).toList();
        assertEquals(List.of("Affine1", "Relu1", "Affine2", "SoftmaxWithLoss", "SoftmaxWithLoss", "Affine2", "Relu1",
                "Affine1", "SGD"), layers);
        JsonObject lastStage = stages.get(7);
        assertEquals(2, lastStage.getAsJsonObject("gradients").getAsJsonArray("dW").size()); // dW1 is 2×3
        assertEquals(3, row(lastStage.getAsJsonObject("gradients").getAsJsonArray("db"), 0).length);
        assertTrue(stages.get(1).getAsJsonObject("cached").has("mask"));
    }

    @Test
    void traceTinyNamesTheCallsAndEndsWithTheUpdate() {
        CliRun run = CliRun.run(home, "trace", "--example", "tiny", "--json");
        assertEquals(0, run.exitCode(), run::toString);
        List<JsonObject> stages = run.jsonLines();
        assertEquals(9, stages.size());
        assertEquals(List.of("TwoLayerNet.gradient", "TwoLayerNet.loss", "TwoLayerNet.predict", "Affine.forward"),
                strings(stages.get(0).getAsJsonArray("calls")));
        assertEquals(List.of("TwoLayerNet.gradient", "TwoLayerNet.loss", "TwoLayerNet.predict", "Relu.forward"),
                strings(stages.get(1).getAsJsonArray("calls")));
        assertEquals(List.of("TwoLayerNet.gradient", "TwoLayerNet.loss", "SoftmaxWithLoss.forward"),
                strings(stages.get(3).getAsJsonArray("calls")));
        assertEquals(List.of("TwoLayerNet.gradient", "SoftmaxWithLoss.backward"),
                strings(stages.get(4).getAsJsonArray("calls")));
        assertEquals(List.of("TwoLayerNet.gradient", "Affine.backward"), strings(stages.get(7).getAsJsonArray("calls")));

        JsonObject update = stages.get(8);
        assertEquals("update", update.get("direction").getAsString());
        assertEquals("SGD", update.get("layer").getAsString());
        assertEquals("sgd", update.get("kind").getAsString());
        assertEquals(List.of("SGD.update"), strings(update.getAsJsonArray("calls")));
        assertEquals(List.of("W1", "b1", "W2", "b2", "dW1", "db1", "dW2", "db2", "lr"),
                List.copyOf(update.getAsJsonObject("inputs").keySet()));
        assertEquals(List.of("W1", "b1", "W2", "b2"), List.copyOf(update.getAsJsonObject("outputs").keySet()));
        assertEquals(0, update.getAsJsonObject("cached").size());
        assertEquals(0, update.getAsJsonObject("gradients").size());
        assertEquals(0.1, update.getAsJsonObject("inputs").get("lr").getAsDouble(), 0.0);
        // the new parameters are exactly W − η·dW, and the forward stages read W1 under the same name
        JsonObject in = update.getAsJsonObject("inputs");
        double[] w1 = row(in.getAsJsonArray("W1"), 0);
        double[] dW1 = row(in.getAsJsonArray("dW1"), 0);
        double[] after = row(update.getAsJsonObject("outputs").getAsJsonArray("W1"), 0);
        for (int j = 0; j < w1.length; j++) {
            assertEquals(w1[j] - 0.1 * dW1[j], after[j], 0.0);
        }
        assertEquals(row(stages.get(0).getAsJsonObject("inputs").getAsJsonArray("W1"), 0)[0], w1[0], 0.0);
        double before = update.get("loss_before").getAsDouble();
        assertEquals(stages.get(3).getAsJsonObject("outputs").get("L").getAsDouble(), before, 0.0);
        assertTrue(update.get("loss_after").getAsDouble() < before, "one step at η = 0.1 goes downhill");
    }

    @Test
    void traceTextCountsTheUpdateStageAndTakesTheLearningRate() {
        CliRun run = CliRun.run(home, "trace", "--example", "tiny", "--lr", "0.5");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("trace tiny: 9 stages (4 forward, 4 backward, 1 update), batch of 2"), run.out());
        assertTrue(run.out().contains("stage 8  update    SGD"), run.out());
        assertTrue(run.out().contains("calls  gradient() › loss() › predict() › Affine.forward()"), run.out());
        assertTrue(run.out().contains("in     lr    0.5"), run.out());
    }

    @Test
    void traceSimplePrintsTheBooksNumbersBesideOurs() {
        CliRun run = CliRun.run(home, "trace", "--example", "simple");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("trace simple: 5 stages (2 forward, 2 backward, 1 update)"), run.out());
        assertTrue(run.out().contains("the book (§4.4.2, p. 111) beside this run:"), run.out());
        assertTrue(run.out().contains("book 0.92806853663411326"), run.out());
        assertTrue(run.out().contains("ours 0.9280682857864075"), run.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "NaN", "Infinity", "abc"})
    void traceRefusesALearningRateThatIsNoRate(String lr) {
        CliRun run = CliRun.run(home, "trace", "--lr", lr);
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(1, run.errLines().size(), run::toString);
        assertTrue(run.err().contains("--lr"), run.err());
    }

    @Test
    void traceBuyAppleOrangeUsesTheBooksLayersAndVariables() {
        CliRun run = CliRun.run(home, "trace", "--example", "buy-apple-orange", "--json");
        assertEquals(0, run.exitCode(), run::toString);
        List<JsonObject> stages = run.jsonLines();
        assertEquals(List.of("mul_apple_layer", "mul_orange_layer", "add_apple_orange_layer", "mul_tax_layer",
                "mul_tax_layer", "add_apple_orange_layer", "mul_orange_layer", "mul_apple_layer"),
                stages.stream().map(j -> j.get("layer").getAsString()).toList());
        assertEquals(List.of("mul", "mul", "add", "mul", "mul", "add", "mul", "mul"),
                stages.stream().map(j -> j.get("kind").getAsString()).toList());
        List<String> keys = new java.util.ArrayList<>();
        for (JsonObject stage : stages) {
            for (String part : List.of("inputs", "outputs")) {
                for (var e : stage.getAsJsonObject(part).entrySet()) {
                    assertTrue(e.getValue().isJsonPrimitive() && e.getValue().getAsJsonPrimitive().isNumber(),
                            e.getKey() + " is a plain number");
                    if (!keys.contains(e.getKey())) {
                        keys.add(e.getKey());
                    }
                }
            }
        }
        assertEquals(List.of("apple", "apple_num", "apple_price", "orange", "orange_num", "orange_price", "all_price",
                "tax", "price", "dprice", "dall_price", "dtax", "dapple_price", "dorange_price", "dorange", "dorange_num",
                "dapple", "dapple_num"), keys);
        assertEquals(715, stages.get(3).getAsJsonObject("outputs").get("price").getAsDouble(), 1e-9);
        JsonObject tax = stages.get(4).getAsJsonObject("outputs");
        assertEquals(1.1, tax.get("dall_price").getAsDouble(), 1e-9);
        assertEquals(650, tax.get("dtax").getAsDouble(), 1e-9);
        assertEquals(3.3, stages.get(6).getAsJsonObject("outputs").get("dorange").getAsDouble(), 1e-9);
        assertEquals(165, stages.get(6).getAsJsonObject("outputs").get("dorange_num").getAsDouble(), 1e-9);
        assertEquals(2.2, stages.get(7).getAsJsonObject("outputs").get("dapple").getAsDouble(), 1e-9);
        assertEquals(110, stages.get(7).getAsJsonObject("outputs").get("dapple_num").getAsDouble(), 1e-9);
        assertEquals(List.of("AddLayer.backward"), strings(stages.get(5).getAsJsonArray("calls")));
    }

    @Test
    void traceBuyAppleGivesTheBooksNumbersAsText() {
        CliRun run = CliRun.run(home, "trace", "--example", "buy-apple");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("trace buy-apple: 4 stages (2 forward, 2 backward), price = 220.0"), run.out());
        assertTrue(run.out().contains("the book (§5.4) beside this run:"), run.out());
        List<JsonObject> stages = CliRun.run(home, "trace", "--example", "buy-apple", "--json").jsonLines();
        assertEquals(2.2, stages.get(3).getAsJsonObject("outputs").get("dapple").getAsDouble(), 1e-9);
        assertEquals(110, stages.get(3).getAsJsonObject("outputs").get("dapple_num").getAsDouble(), 1e-9);
        assertEquals(200, stages.get(2).getAsJsonObject("outputs").get("dtax").getAsDouble(), 1e-9);
    }

    @Test
    void traceSigmoidStepsItsFourNodes() {
        List<JsonObject> stages = CliRun.run(home, "trace", "--example", "sigmoid", "--json").jsonLines();
        assertEquals(List.of("mul", "exp", "add", "div", "div", "add", "exp", "mul"),
                stages.stream().map(j -> j.get("layer").getAsString()).toList());
        double y = stages.get(3).getAsJsonObject("outputs").get("y").getAsDouble();
        assertEquals(y * (1 - y), stages.get(7).getAsJsonObject("outputs").get("dx").getAsDouble(), 1e-12);
    }

    @Test
    void gradcheckListsThePlantedBugsByTheirNeutralNamesOnly() {
        CliRun run = CliRun.run(home, "gradcheck", "--list-bugs");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of("bug-a", "bug-b", "bug-c", "bug-d", "bug-e"), run.out().lines().toList());
        assertEquals("", run.err());
        assertEquals(5, CliRun.run(home, "gradcheck", "--list-bugs", "--json").jsonLines().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gradcheck --plant-bug bug-z", "gradcheck --reveal", "gradcheck --plant-bug"})
    void gradcheckRefusesABugThatIsNotThere(String args) {
        CliRun run = CliRun.run(home, args.split(" "));
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(1, run.errLines().size(), run::toString);
    }

    private static List<String> strings(JsonArray array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(e -> out.add(e.getAsString()));
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"train --iters abc", "train --bogus", "trace --example nope", "train --batch 0",
        "train --optimizer rmsprop", "train --activation tanh", "gradcheck --samples 0", "frobnicate",
        "bench --iters 0", "train --lr -1", "bench --optimizer rmsprop", "bench --activation tanh", "bench --warmup -1"})
    void badArgumentsExitTwoWithOneSentence(String args) {
        CliRun run = CliRun.run(home, args.split(" "));
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(1, run.errLines().size(), run::toString);
        assertTrue(run.err().contains("--help"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void noCommandListsTheCommands() {
        CliRun run = CliRun.run(home);
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(List.of("Choose a command: train, gradcheck, trace, bench, download, predict, screenshot. See 'backprop-explorer --help'."),
                run.errLines());
    }

    @Test
    void badArgumentMessagesSayWhatIsWrong() {
        assertTrue(CliRun.run(home, "train", "--iters", "abc").err().startsWith("Invalid value for option '--iters': 'abc'"));
        assertTrue(CliRun.run(home, "train", "--optimizer", "rmsprop").err().contains("use sgd, momentum, adagrad or adam"));
        assertTrue(CliRun.run(home, "train", "--init-std", "glorot").err().contains("use xavier, he or a standard deviation"));
        assertTrue(CliRun.run(home, "train", "--schedule", "exp").err().contains("use constant, step or cosine"));
        assertTrue(CliRun.run(home, "train", "--batch", "0").err().contains("batch size must be at least 1"));
    }

    @Test
    void aMissingDataFolderSaysWhereItLooked() {
        CliRun run = CliRun.run(home, "train", "--iters", "1");
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals(1, run.errLines().size(), run::toString);
        String message = run.err();
        assertAll(
                () -> assertTrue(message.contains("MNIST was not found"), message),
                () -> assertTrue(message.contains("$MNIST_DIR (not set)"), message),
                () -> assertTrue(message.contains(home.resolve(".cache/backprop-explorer/mnist").toString()), message),
                () -> assertTrue(message.contains("download"), message));
        assertFalse(message.contains("Exception"), message);
    }

    @Test
    void aGivenDataFolderThatDoesNotExistIsNamed() {
        Path missing = home.resolve("nowhere");
        for (String command : List.of("train", "gradcheck", "bench")) {
            CliRun run = CliRun.run(home, command, "--data", missing.toString());
            assertEquals(1, run.exitCode(), run::toString);
            assertTrue(run.err().contains(missing.toString()), run.err());
            assertEquals(1, run.errLines().size(), run::toString);
        }
    }

    @Test
    void aCorruptDataFolderExitsOneWithoutAStackTrace() throws IOException {
        Path corrupt = Files.createDirectory(home.resolve("corrupt"));
        for (String name : Mnist.FILES) {
            Files.writeString(corrupt.resolve(name), "not an MNIST file at all");
        }
        CliRun run = CliRun.run(home, "gradcheck", "--data", corrupt.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals(1, run.errLines().size(), run::toString);
        assertTrue(run.err().contains("train-images-idx3-ubyte.gz"), run.err());

        CliRun verbose = CliRun.run(home, "gradcheck", "--data", corrupt.toString(), "--verbose");
        assertEquals(1, verbose.exitCode());
        assertTrue(verbose.errLines().size() > 3, "--verbose adds the stack trace");
        assertTrue(verbose.err().contains("DataException"), verbose.err());
    }

    @Test
    void aCorruptDataFolderFoundThroughTheEnvironmentToo() throws IOException {
        Path corrupt = Files.createDirectory(home.resolve("env-mnist"));
        for (String name : Mnist.FILES) {
            Files.write(corrupt.resolve(name), new byte[] {0, 0, 8, 3, 0, 0}); // a header cut short
        }
        Cli.Context context = new Cli.Context(
                new com.backpropexplorer.data.MnistLocator(java.util.Map.of("MNIST_DIR", corrupt.toString()), home), false);
        CliRun run = CliRun.run(context, "trace", "--example", "mnist");
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals(1, run.errLines().size(), run::toString);
    }

    @Test
    void anUnwritableSavePathFailsBeforeTraining() {
        // no MNIST here either: the save path is checked first, so the user learns of it at once
        CliRun run = CliRun.run(home, "train", "--save", home.resolve("no/such/folder/model.npz").toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("Cannot write " + home.resolve("no/such/folder/model.npz")
                + ": the folder "), run.err());
        assertEquals(1, run.errLines().size());
    }

    @Test
    void helpAndVersionExitZero() {
        CliRun help = CliRun.run(home, "--help");
        assertEquals(0, help.exitCode());
        for (String command : List.of("train", "gradcheck", "trace", "bench", "download")) {
            assertTrue(help.out().contains(command), command);
        }
        CliRun trainHelp = CliRun.run(home, "train", "--help");
        assertEquals(0, trainHelp.exitCode());
        assertTrue(trainHelp.out().contains("--optimizer"));
        assertTrue(trainHelp.out().contains("default: 10000"), trainHelp.out());

        CliRun version = CliRun.run(home, "--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("Backprop Explorer"), version.out());
    }

    @Test
    void downloadProgressBarRedrawsOneLineOnATerminal() {
        java.io.StringWriter text = new java.io.StringWriter();
        DownloadCommand.Progress progress = new DownloadCommand.Progress(new java.io.PrintWriter(text), true);
        assertEquals("train-labels-idx1-ubyte.gz   [###############...............]  50%  0.0 / 0.0 MB",
                progress.bar("train-labels-idx1-ubyte.gz", 14_000, 28_000));
        progress.progress("t10k-labels-idx1-ubyte.gz", 1_000_000, 4_000_000);
        progress.progress("t10k-labels-idx1-ubyte.gz", 4_000_000, 4_000_000);
        progress.finished("t10k-labels-idx1-ubyte.gz");
        String written = text.toString();
        assertTrue(written.startsWith("\rt10k-labels-idx1-ubyte.gz    [########......................]  25%"), written);
        assertTrue(written.contains("\r") && written.contains("100%"), written);
        assertTrue(written.endsWith("t10k-labels-idx1-ubyte.gz: verified" + System.lineSeparator()), written);
    }

    @Test
    void downloadProgressIsPlainLinesElsewhere() throws Exception {
        java.io.StringWriter text = new java.io.StringWriter();
        DownloadCommand.Progress progress = new DownloadCommand.Progress(new java.io.PrintWriter(text), false);
        progress.started("a.gz", new java.net.URI("https://example.org/a.gz"));
        progress.progress("a.gz", 10, 100);
        progress.finished("a.gz");
        assertEquals(List.of("downloading a.gz from https://example.org/a.gz", "a.gz: verified"),
                text.toString().lines().toList());
    }
}
