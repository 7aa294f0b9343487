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
        assertEquals(4, stages.size());

        JsonObject matMul = stages.get(0);
        assertEquals(0, matMul.get("stage").getAsInt());
        assertEquals("forward", matMul.get("direction").getAsString());
        assertEquals("MatMul", matMul.get("layer").getAsString());
        assertClose(SimpleNet.BOOK_X, row(matMul.getAsJsonObject("inputs").getAsJsonArray("x"), 0), 0);
        // the book's §4.4.2: net.predict(x) = [-0.87361615, 0.31163259, 0.34522554]
        assertClose(new double[] {-0.87361615, 0.31163259, 0.34522554},
                row(matMul.getAsJsonObject("outputs").getAsJsonArray("out"), 0), 5e-9);
        // net.loss(x, t) = 0.81648668
        assertEquals(0.81648668, stages.get(1).getAsJsonObject("outputs").get("L").getAsDouble(), 5e-9);

        JsonObject backMatMul = stages.get(3);
        assertEquals("backward", backMatMul.get("direction").getAsString());
        JsonArray dW = backMatMul.getAsJsonObject("gradients").getAsJsonArray("dW");
        // the book's dW (numerical there, backprop here: equal to O(h²))
        assertClose(new double[] {0.07838251, 0.25642842, -0.33481093}, row(dW, 0), 2e-7);
        assertClose(new double[] {0.11757377, 0.38464263, -0.5022164}, row(dW, 1), 2e-7);
        assertEquals("", run.err());
    }

    @Test
    void traceSimpleAsTextShowsEveryNumberInFull() {
        CliRun run = CliRun.run(home, "trace");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("loss L = 0.81648668"), run.out());
        assertTrue(run.out().contains("[[-0.78425015, 1.35311457, 0.17493891], [-0.44785118, -0.55581795, 0.26695799]]"));
        assertTrue(run.out().contains("stage 3  backward  MatMul"), run.out());
    }

    @Test
    void traceTinyHasEightStagesWithGradients() {
        CliRun run = CliRun.run(home, "trace", "--example", "tiny", "--seed", "3", "--json");
        assertEquals(0, run.exitCode(), run::toString);
        List<JsonObject> stages = run.jsonLines();
        List<String> layers = stages.stream().map(s -> s.get("layer").getAsString()).toList();
        assertEquals(List.of("Affine1", "Relu1", "Affine2", "SoftmaxWithLoss", "SoftmaxWithLoss", "Affine2", "Relu1",
                "Affine1"), layers);
        JsonObject lastStage = stages.get(7);
        assertEquals(2, lastStage.getAsJsonObject("gradients").getAsJsonArray("dW").size()); // dW1 is 2×3
        assertEquals(3, row(lastStage.getAsJsonObject("gradients").getAsJsonArray("db"), 0).length);
        assertTrue(stages.get(1).getAsJsonObject("cached").has("mask"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"train --iters abc", "train --bogus", "trace --example nope", "train --batch 0",
        "train --optimizer rmsprop", "train --activation tanh", "gradcheck --samples 0", "frobnicate",
        "bench --iters 0", "train --lr -1"})
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
        assertTrue(CliRun.run(home, "train", "--optimizer", "rmsprop").err().contains("use sgd, momentum or adam"));
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
