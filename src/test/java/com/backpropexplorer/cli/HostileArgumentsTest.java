package com.backpropexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.backpropexplorer.data.Mnist;
import com.backpropexplorer.data.ModelData;
import com.backpropexplorer.data.ModelFiles;
import com.backpropexplorer.data.MnistDownloader;
import com.backpropexplorer.data.MnistLocator;
import com.backpropexplorer.engine.OptimizerKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Arguments built to hurt: sizes that would not fit in memory, paths that are devices, FIFOs,
 * folders or read-only files, mirrors that are not mirrors, models that are not the book's
 * net. Each is one sentence and the right exit code, before any work is done.
 */
class HostileArgumentsTest {
    @TempDir
    Path home;

    private static void assertOneSentence(CliRun run) {
        assertEquals(1, run.errLines().size(), run::toString);
        String line = run.errLines().get(0);
        assertTrue(line.endsWith("."), run::toString);
        assertFalse(line.contains("Exception") || line.contains("Unexpected"), run::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000000", "2147483647", "60001"})
    void aBatchLargerThanTheTrainingSetIsABadArgument(String batch) {
        CliRun run = CliRun.run(home, "train", "--batch", batch);
        assertEquals(Cli.USAGE_ERROR, run.exitCode(), run::toString);
        assertOneSentence(run);
        assertTrue(run.err().startsWith("--batch must be at most 60,000, the size of MNIST's training set, not "),
                run::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000000", "2147483647"})
    void aHiddenLayerBeyondMemoryIsABadArgumentThatGivesTheLimit(String hidden) {
        CliRun run = CliRun.run(home, "train", "--hidden", hidden);
        assertEquals(Cli.USAGE_ERROR, run.exitCode(), run::toString);
        assertOneSentence(run);
        assertTrue(run.err().matches("--hidden [0-9,]+ with --batch 100 needs about [0-9,]+ MB of memory, but Java may use"
                + " only [0-9,]+ MB: with this --batch, --hidden can be at most [0-9,]+; .*\\R"), run::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5"})
    void sizesBelowOneAreBadArguments(String value) {
        for (String option : List.of("--batch", "--hidden")) {
            CliRun run = CliRun.run(home, "train", option, value);
            assertEquals(Cli.USAGE_ERROR, run.exitCode(), run::toString);
            assertOneSentence(run);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "train --iters -1", "train --iters 99999999999", "train --lr 0", "train --lr -0.1", "train --lr NaN",
        "train --lr Infinity", "train --init-std -1", "train --init-std NaN", "train --init-std glorot", "train --schedule linear", "train --seed 1.5",
        "gradcheck --samples 0", "gradcheck --samples 101", "gradcheck --samples 2147483648",
        "bench --iters 0", "bench --threads 3", "bench --threads -1", "trace --seed x",
        "bench --warmup -1", "bench --lr 0", "bench --hidden 0", "bench --batch 60001", "bench --init-std NaN"})
    void everyOtherNumberOfEveryCommandIsCheckedToo(String line) {
        CliRun run = CliRun.run(home, line.split(" "));
        assertEquals(Cli.USAGE_ERROR, run.exitCode(), run::toString);
        assertOneSentence(run);
    }

    @Test
    void theLimitsAdmitTheTrainingSetAndABigNet() {
        // past the argument checks, these fail only for want of MNIST here (exit 1, not 2)
        for (String[] args : List.of(new String[] {"--batch", "60000"}, new String[] {"--hidden", "1000"})) {
            CliRun run = CliRun.run(home, "train", args[0], args[1]);
            assertEquals(Cli.RUNTIME_ERROR, run.exitCode(), run::toString);
            assertTrue(run.err().startsWith("MNIST was not found"), run::toString);
        }
    }

    @Test
    void theHiddenLimitFollowsTheMemoryTheBatchAndTheOptimizer() {
        long heap = 6L << 30;
        TrainLimits.Run book = new TrainLimits.Run(50, 100, OptimizerKind.SGD, false, false);
        long max = TrainLimits.maxHidden(book, heap);
        assertTrue(TrainLimits.bytesNeeded(new TrainLimits.Run(max, 100, OptimizerKind.SGD, false, false)) <= heap
                && TrainLimits.bytesNeeded(new TrainLimits.Run(max + 1, 100, OptimizerKind.SGD, false, false)) > heap);
        assertTrue(max > 50_000, "the book's 50 units and far more fit in 6 GB: " + max);
        TrainLimits.Run wholeSet = new TrainLimits.Run(50, 60_000, OptimizerKind.SGD, false, false);
        assertTrue(TrainLimits.maxHidden(wholeSet, heap) < max, "a larger batch leaves room for fewer");
        assertTrue(TrainLimits.maxHidden(new TrainLimits.Run(50, 100, OptimizerKind.ADAM, false, false), heap) < max,
                "Adam's two copies of the weights leave room for fewer");
        assertEquals(0, TrainLimits.maxHidden(book, 100L << 20), "100 MB cannot even hold MNIST");
        assertEquals(Long.MAX_VALUE, TrainLimits.bytesNeeded(new TrainLimits.Run(Long.MAX_VALUE / 2, 100,
                OptimizerKind.SGD, false, false)), "never wraps");
        assertTrue(TrainLimits.hiddenProblem(book, heap) == null);
        // measured on MNIST (batch 60,000, hidden 50): it did not run in a 900 MB heap
        assertTrue(TrainLimits.bytesNeeded(wholeSet) > 900L << 20);
    }

    @Test
    void savingOntoADeviceAFolderOrAReadOnlyFileFailsBeforeTraining() throws IOException {
        Path device = Path.of("/dev/null");
        if (Files.exists(device)) {
            CliRun run = CliRun.run(home, "train", "--save", device.toString());
            assertEquals(Cli.RUNTIME_ERROR, run.exitCode(), run::toString);
            assertEquals("Cannot write /dev/null: it is a device or a pipe, not a regular file; choose a file name.",
                    run.err().strip());
        }
        Path folder = Files.createDirectory(home.resolve("models"));
        CliRun toFolder = CliRun.run(home, "train", "--save", folder.toString());
        assertEquals(Cli.RUNTIME_ERROR, toFolder.exitCode(), toFolder::toString);
        assertTrue(toFolder.err().contains("it is a folder"), toFolder::toString);
        Path readOnly = Files.writeString(home.resolve("keep.npz"), "precious");
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r--r--r--"));
        CliRun onto = CliRun.run(home, "train", "--save", readOnly.toString());
        assertEquals(Cli.RUNTIME_ERROR, onto.exitCode(), onto::toString);
        assertTrue(onto.err().startsWith("Cannot replace " + readOnly + ": the file is read-only;"), onto::toString);
        assertEquals("precious", Files.readString(readOnly));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://mirror.example/mnist/", "mnist", "http://", "https://host/m/?x=1"})
    void aMirrorThatIsNotAnHttpBaseUrlIsABadArgument(String url) {
        CliRun run = CliRun.run(home, "download", "--mirror", url, "--dir", home.toString());
        assertEquals(Cli.USAGE_ERROR, run.exitCode(), run::toString);
        assertOneSentence(run);
        assertTrue(run.err().contains("The mirror " + url + " cannot be used: "), run::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "NaN", "Infinity", "1e9"})
    void timeoutsOutsideAMillisecondToADayAreBadArguments(String seconds) {
        for (String option : List.of("--timeout", "--deadline")) {
            CliRun run = CliRun.run(home, "download", option, seconds, "--dir", home.toString());
            assertEquals(Cli.USAGE_ERROR, run.exitCode(), run::toString);
            assertOneSentence(run);
            assertTrue(run.err().startsWith(option + " must be between 0.001 and 86,400 seconds (a day), not "),
                    run::toString);
        }
    }

    /** Downloads with --mirror from a local server that serves the real MNIST (skipped without it). */
    private static Path realMnist() {
        Path shared = com.backpropexplorer.data.SharedMnist.dir();
        assumeTrue(Files.isRegularFile(shared.resolve(Mnist.TRAIN_IMAGES)),
                "real MNIST not found in " + shared + "; the --mirror test serves it (the checksums are MNIST's)");
        return shared;
    }

    @Test
    void downloadFromTheMirrorsGivenInOrderInsteadOfTheBuiltInOnes() throws IOException {
        Path target = home.resolve("mnist");
        try (LocalMirror mirror = new LocalMirror(realMnist())) {
            CliRun run = CliRun.run(home, "download", "--mirror", mirror.url("missing").toString(),
                    "--mirror", mirror.url("good").toString().replaceAll("/$", ""), "--dir", target.toString());
            assertEquals(Cli.OK, run.exitCode(), run::toString);
            assertEquals("MNIST is in " + target + " (4 downloaded, 0 already there)", run.out().strip());
            assertEquals(8, mirror.requests.size(), mirror.requests::toString);
            assertEquals("/missing/" + Mnist.TRAIN_IMAGES, mirror.requests.get(0));
            assertEquals("/good/" + Mnist.TRAIN_IMAGES, mirror.requests.get(1));
            assertFalse(run.err().contains(MnistDownloader.BOOK_MIRROR), "the built-in mirrors are not tried");
        }
        assertEquals(10_000, Mnist.loadTest(target).size());
    }

    @Test
    void whenNoMirrorDeliversDownloadExitsOneWithOneSentence() throws IOException {
        Path target = home.resolve("mnist");
        try (LocalMirror mirror = new LocalMirror(realMnist())) {
            long start = System.nanoTime();
            // --timeout bounds the wait for the headers and each pause after them: 2 s, so that a busy
            // machine still gets both mirrors' headers in time and only the stall is what times out
            CliRun run = CliRun.run(home, "download", "--mirror", mirror.url("stall").toString(), "--mirror",
                    mirror.url("missing").toString(), "--timeout", "2", "--dir", target.toString());
            assertEquals(Cli.RUNTIME_ERROR, run.exitCode(), run::toString);
            String last = run.errLines().get(run.errLines().size() - 1);
            assertEquals("Could not download " + Mnist.TRAIN_IMAGES + " from any mirror (" + mirror.url("stall")
                    + " sent nothing for 2 s in the middle of the file; " + mirror.url("missing") + " answered HTTP"
                    + " 404); check the internet connection and try again, or put the four MNIST files into " + target
                    + " by hand.", last);
            assertEquals(1, run.errLines().stream().filter(l -> l.startsWith("Could not")).count(), run::toString);
            assertTrue((System.nanoTime() - start) / 1e9 < 20);
        }
        try (Stream<Path> left = Files.list(target)) {
            assertEquals(List.of(), left.toList(), "no partial file");
        }
    }

    @Test
    void predictRefusesModelsThatAreNotTheBooksMnistNet() throws IOException {
        Path picture = home.resolve("one.png");
        javax.imageio.ImageIO.write(PredictCommandTest.drawn(1, true, 120, 160), "png", picture.toFile());
        Map<String, DMatrixRMaj> nine = new LinkedHashMap<>();
        nine.put("W1", new DMatrixRMaj(784, 20));
        nine.put("b1", new DMatrixRMaj(1, 20));
        nine.put("W2", new DMatrixRMaj(20, 9));
        nine.put("b2", new DMatrixRMaj(1, 9));
        Path nineClasses = home.resolve("nine.npz");
        ModelFiles.save(nineClasses, new ModelData(nine, Map.of()));
        CliRun run = CliRun.run(home, "predict", "--model", nineClasses.toString(), picture.toString());
        assertEquals(Cli.RUNTIME_ERROR, run.exitCode(), run::toString);
        assertEquals("", run.out(), "no probabilities printed");
        assertEquals("nine.npz holds a 784-20-9 net, but reading digits takes 784 inputs and 10 outputs (784-H-10);"
                + " choose a model trained on MNIST.", run.err().strip());
        Map<String, DMatrixRMaj> three = new LinkedHashMap<>(nine);
        three.put("W2", new DMatrixRMaj(20, 10));
        three.put("b2", new DMatrixRMaj(1, 10));
        three.put("W3", new DMatrixRMaj(10, 10));
        three.put("b3", new DMatrixRMaj(1, 10));
        Path deep = home.resolve("deep.npz");
        // written as numpy would, past our own save's check
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(deep))) {
            for (Map.Entry<String, DMatrixRMaj> p : three.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(p.getKey() + ".npy"));
                ModelData one = new ModelData(Map.of("W1", p.getValue()), Map.of());
                zip.write(npy(one.param("W1")));
                zip.closeEntry();
            }
        }
        CliRun deepRun = CliRun.run(home, "predict", "--model", deep.toString(), picture.toString());
        assertEquals(Cli.RUNTIME_ERROR, deepRun.exitCode(), deepRun::toString);
        assertTrue(deepRun.err().startsWith("deep.npz holds a net of 3 layers"), deepRun::toString);
        Path folder = Files.createDirectory(home.resolve("model.bpex"));
        CliRun folderRun = CliRun.run(home, "predict", "--model", folder.toString(), picture.toString());
        assertEquals("The model file " + folder + " is a folder, not a file; choose the file itself.",
                folderRun.err().strip());
        CliRun imageFolder = CliRun.run(home, "predict", folder.toString());
        assertEquals("The image " + folder + " is a folder, not a file; choose the file itself.", imageFolder.err().strip());
    }

    /** The .npy bytes numpy writes for a 2-D float64 array. */
    private static byte[] npy(DMatrixRMaj m) throws IOException {
        Path tmp = Files.createTempFile("one", ".npz");
        try {
            ModelFiles.save(tmp, new ModelData(Map.of("W1", m, "b1", new DMatrixRMaj(1, m.numCols),
                    "W2", new DMatrixRMaj(m.numCols, 1), "b2", new DMatrixRMaj(1, 1)), Map.of()));
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(tmp.toFile())) {
                return zip.getInputStream(zip.getEntry("W1.npy")).readAllBytes();
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Test
    void aFileWhereTheDownloadFolderBelongsIsCalledAFile() throws IOException {
        Path file = Files.writeString(home.resolve("mnist"), "x");
        CliRun run = CliRun.run(home, "download", "--dir", file.toString());
        assertEquals(Cli.RUNTIME_ERROR, run.exitCode(), run::toString);
        assertEquals("Cannot put MNIST into " + file + ": it is a file, not a folder; choose a folder.",
                run.err().strip());
    }

    @Test
    void aFileWhereTheDataFolderBelongsIsCalledAFile() throws IOException {
        Path file = Files.writeString(home.resolve("mnist.txt"), "x");
        CliRun run = CliRun.run(new Cli.Context(new MnistLocator(Map.of(), home), false), "gradcheck", "--data",
                file.toString());
        assertEquals(Cli.RUNTIME_ERROR, run.exitCode(), run::toString);
        assertEquals("MNIST is not in " + file + " (given with --data): not a folder; pass the folder that holds the"
                + " four MNIST files, or run `" + MnistLocator.downloadCommand() + "`.", run.err().strip());
    }
}
