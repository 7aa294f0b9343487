package com.backpropexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.data.ModelData;
import com.backpropexplorer.data.ModelFiles;
import com.backpropexplorer.data.SharedMnist;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands on the real MNIST set in ../shared/mnist (skipped, saying why, where it is absent). */
class CliMnistTest {
    @TempDir
    Path home;

    @Test
    void trainJsonPrintsEpochLinesAndASummaryAndSavesNumpy() {
        String data = SharedMnist.dir().toString();
        Path model = home.resolve("model.npz");
        CliRun run = CliRun.run(home, "train", "--data", data, "--iters", "601", "--seed", "1", "--json",
                "--save", model.toString());
        assertEquals(0, run.exitCode(), run::toString);
        List<JsonObject> lines = run.jsonLines();
        assertEquals(3, lines.size(), run::toString); // iterations 0 and 600, then the summary

        JsonObject epoch1 = lines.get(1);
        assertEquals(1, epoch1.get("epoch").getAsInt());
        assertEquals(600, epoch1.get("iter").getAsInt());
        assertTrue(epoch1.get("train_acc").getAsDouble() > 0.85, epoch1.toString());
        assertTrue(epoch1.get("test_acc").getAsDouble() > 0.85, epoch1.toString());

        JsonObject done = lines.get(2);
        assertTrue(done.get("done").getAsBoolean());
        assertEquals(601, done.get("steps").getAsInt());
        for (String field : List.of("train_acc", "test_acc", "seconds", "steps_per_s")) {
            assertTrue(done.get(field).getAsDouble() > 0, field);
        }
        assertEquals(1, done.get("seed").getAsLong());

        assertTrue(Files.isRegularFile(model));
        ModelData saved = ModelFiles.load(model);
        assertEquals(List.of("W1", "b1", "W2", "b2"), List.copyOf(saved.params().keySet()));
        assertEquals(784, saved.param("W1").numRows);
        assertEquals(50, saved.param("W1").numCols);
    }

    @Test
    void theDoneLineCarriesTheTestSetsConfusionMatrixFromTheSamePassAsTestAcc() {
        CliRun run = CliRun.run(home, "train", "--data", SharedMnist.dir().toString(), "--iters", "300", "--seed", "3",
                "--optimizer", "adagrad", "--init-std", "he", "--augment", "--schedule", "cosine", "--json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonObject done = run.jsonLines().get(run.jsonLines().size() - 1);
        com.google.gson.JsonArray confusion = done.getAsJsonArray("confusion");
        assertEquals(10, confusion.size());
        int diagonal = 0;
        int total = 0;
        for (int t = 0; t < 10; t++) {
            com.google.gson.JsonArray row = confusion.get(t).getAsJsonArray();
            assertEquals(10, row.size());
            diagonal += row.get(t).getAsInt();
            for (int p = 0; p < 10; p++) {
                total += row.get(p).getAsInt();
            }
        }
        assertEquals(10_000, total, "every test digit once");
        assertEquals(done.get("test_acc").getAsDouble() * 10_000, diagonal, 1e-6);
        assertTrue(diagonal > 8_500, "300 AdaGrad steps from He's init read most digits: " + diagonal);
        // the row of the digit 1 sums to the number of ones in MNIST's test set
        int ones = 0;
        for (int p = 0; p < 10; p++) {
            ones += confusion.get(1).getAsJsonArray().get(p).getAsInt();
        }
        assertEquals(1135, ones);
    }

    @Test
    void trainTextNamesTheOptimizerInitScheduleAndAugmentation() {
        CliRun run = CliRun.run(home, "train", "--data", SharedMnist.dir().toString(), "--iters", "5", "--batch", "20",
                "--optimizer", "adagrad", "--init-std", "xavier", "--schedule", "step", "--augment", "--seed", "2");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("adagrad lr 0.01 (step), init xavier, 5 iterations, augmented, seed 2"), run.out());
    }

    @Test
    void trainTextLooksLikeTheBooksScript() {
        CliRun run = CliRun.run(home, "train", "--data", SharedMnist.dir().toString(), "--iters", "20", "--batch", "50",
                "--hidden", "20", "--optimizer", "adam", "--seed", "2");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("adam lr 0.001"), run.out());
        assertTrue(run.outLines().stream().anyMatch(l -> l.matches("iter 0: train acc 0\\.\\d{4} test acc 0\\.\\d{4}")),
                run.out());
        assertTrue(run.outLines().stream().anyMatch(l -> l.startsWith("training steps: 20 in ")), run.out());
    }

    @Test
    void gradcheckAgreesOnRealDigits() {
        CliRun run = CliRun.run(home, "gradcheck", "--data", SharedMnist.dir().toString(), "--json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonObject result = run.jsonLines().get(0);
        for (String name : List.of("W1", "b1", "W2", "b2")) {
            assertTrue(result.get(name).getAsDouble() < 1e-6, name + " " + result);
        }
        assertTrue(result.get("seconds").getAsDouble() > 0);
        assertTrue(result.get("agree").getAsBoolean());
    }

    @Test
    void traceMnistSummarizesShapes() {
        CliRun run = CliRun.run(home, "trace", "--example", "mnist", "--data", SharedMnist.dir().toString(), "--json");
        assertEquals(0, run.exitCode(), run::toString);
        List<JsonObject> stages = run.jsonLines();
        assertEquals(9, stages.size(), "4 forward, 4 backward, 1 update");
        JsonObject x = stages.get(0).getAsJsonObject("inputs").getAsJsonObject("x");
        assertEquals(3, x.getAsJsonArray("shape").get(0).getAsInt());
        assertEquals(784, x.getAsJsonArray("shape").get(1).getAsInt());
        assertEquals(0.0, x.get("min").getAsDouble());
        assertEquals(1.0, x.get("max").getAsDouble());
        JsonObject dW1 = stages.get(7).getAsJsonObject("gradients").getAsJsonObject("dW");
        assertEquals(50, dW1.getAsJsonArray("shape").get(1).getAsInt());
        JsonObject update = stages.get(8);
        assertEquals("update", update.get("direction").getAsString());
        assertEquals(784, update.getAsJsonObject("outputs").getAsJsonObject("W1").getAsJsonArray("shape").get(0)
                .getAsInt());
        assertTrue(update.get("loss_after").getAsDouble() < update.get("loss_before").getAsDouble());
    }

    @Test
    void gradcheckCatchesAPlantedBugAndSaysWhichOneItWas() {
        CliRun run = CliRun.run(home, "gradcheck", "--data", SharedMnist.dir().toString(), "--plant-bug", "bug-c",
                "--json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonObject result = run.jsonLines().get(0);
        assertEquals("bug-c", result.get("bug").getAsString());
        assertFalse(result.get("agree").getAsBoolean());
        assertEquals(0.28, result.get("b2").getAsDouble(), 0.01, "no division by N: b2 off by about 0.28");
        assertFalse(result.has("wrong"), "no reveal unless asked");

        CliRun text = CliRun.run(home, "gradcheck", "--data", SharedMnist.dir().toString(), "--plant-bug", "bug-d");
        assertEquals(0, text.exitCode(), text::toString);
        List<String> lines = text.out().lines().toList();
        assertTrue(lines.get(0).startsWith("W1: "), text.out());
        assertEquals("planted bug: bug-d (caught)", lines.get(lines.size() - 1), "the bug is named after the figures");
        assertFalse(text.out().contains("Sigmoid"), "the name stays neutral");

        CliRun reveal = CliRun.run(home, "gradcheck", "--data", SharedMnist.dir().toString(), "--plant-bug", "bug-a",
                "--reveal");
        assertTrue(reveal.out().contains("it was in Affine.backward:"), reveal.out());
        assertTrue(reveal.out().contains("  wrong: self.db = dout[0]"), reveal.out());
    }

    @Test
    void traceCh4RunsTheSigmoidNet() {
        CliRun run = CliRun.run(home, "trace", "--example", "ch4", "--data", SharedMnist.dir().toString(), "--json");
        assertEquals(0, run.exitCode(), run::toString);
        List<JsonObject> stages = run.jsonLines();
        assertEquals(9, stages.size());
        assertEquals("Sigmoid1", stages.get(1).get("layer").getAsString());
        assertEquals("sigmoid", stages.get(1).get("kind").getAsString());
        assertEquals("Sigmoid.forward", stages.get(1).getAsJsonArray("calls").get(3).getAsString());
    }

    @Test
    void benchReportsStepsPerSecond() {
        CliRun run = CliRun.run(home, "bench", "--data", SharedMnist.dir().toString(), "--iters", "30", "--json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonObject result = run.jsonLines().get(0);
        assertEquals(30, result.get("steps").getAsInt());
        assertTrue(result.get("steps_per_s").getAsDouble() > 0);
        assertEquals(1, result.get("epochs").getAsInt());
        assertEquals(BenchCommand.DEFAULT_WARMUP, result.get("warmup_steps").getAsInt());
    }

    @Test
    void benchTakesTrainsOptionsAndNamesTheConfiguration() {
        String[] config = {"--data", SharedMnist.dir().toString(), "--activation", "sigmoid", "--optimizer", "adagrad",
            "--lr", "0.05", "--hidden", "20", "--batch", "30", "--init-std", "0.02", "--seed", "3", "--iters", "40"};
        CliRun text = CliRun.run(home, concat(new String[] {"bench", "--warmup", "5"}, config));
        assertEquals(0, text.exitCode(), text::toString);
        assertTrue(text.outLines().get(0).startsWith(
                "bench: 784-20-10 sigmoid, batch 30, adagrad lr 0.05, init std 0.02, 40 steps, seed 3, fast kernel"),
                text.out());
        assertTrue(text.outLines().get(1).startsWith("warm-up (its own net, not timed): 5 steps in "), text.out());

        JsonObject json = CliRun.run(home, concat(new String[] {"bench", "--warmup", "5", "--json"}, config))
                .jsonLines().get(0);
        assertEquals("sigmoid", json.get("activation").getAsString());
        assertEquals("adagrad", json.get("optimizer").getAsString());
        assertEquals(0.05, json.get("lr").getAsDouble());
        assertEquals(20, json.get("hidden").getAsInt());
        assertEquals(30, json.get("batch").getAsInt());
        assertEquals(0.02, json.get("init_std").getAsDouble());
        assertEquals(3, json.get("seed").getAsLong());
        assertEquals(40, json.get("steps").getAsInt());
        assertEquals(5, json.get("warmup_steps").getAsInt());

        // the same configuration trained by train ends with the same accuracies
        CliRun train = CliRun.run(home, concat(new String[] {"train", "--json"}, config));
        JsonObject done = train.jsonLines().get(train.jsonLines().size() - 1);
        assertEquals(done.get("train_acc").getAsDouble(), json.get("train_acc").getAsDouble(), train::toString);
        assertEquals(done.get("test_acc").getAsDouble(), json.get("test_acc").getAsDouble(), train::toString);
    }

    @Test
    void theWarmUpDoesNotChangeTheTimedRunsNumbers() {
        JsonObject cold = bench("--warmup", "0");
        JsonObject warm = bench("--warmup", "300");
        assertEquals(0, cold.get("warmup_steps").getAsInt());
        assertEquals(300, warm.get("warmup_steps").getAsInt());
        for (String field : List.of("last_loss", "train_acc", "test_acc")) {
            assertEquals(cold.get(field).getAsDouble(), warm.get(field).getAsDouble(), field);
        }
    }

    private JsonObject bench(String... extra) {
        CliRun run = CliRun.run(home, concat(new String[] {"bench", "--data", SharedMnist.dir().toString(), "--iters",
            "200", "--optimizer", "momentum", "--seed", "5", "--json"}, extra));
        assertEquals(0, run.exitCode(), run::toString);
        return run.jsonLines().get(0);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
