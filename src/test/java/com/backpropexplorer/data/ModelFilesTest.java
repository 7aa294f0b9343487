package com.backpropexplorer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelFilesTest {
    // the values make_npz_fixtures.py writes
    private static final double[][] W1 = {{-1, -0.5}, {0, 0.5}, {1, 1.5}};
    private static final double[] B1 = {0.25, -0.125};
    private static final double[][] W2 = {{1e-3, -2.0}, {3.5, 1.0 / 3.0}};
    private static final double[] B2 = {-7.0, 0.1};

    @TempDir
    Path dir;

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(ModelFilesTest.class.getResource("/fixtures/" + name).toURI());
    }

    /** The fixtures are the small 3-2-2 net make_npz_fixtures.py writes, not 784-H-10. */
    private static ModelData load(Path file) {
        return ModelFiles.load(file, NetShape.ANY_TWO_LAYER);
    }

    private static ModelData bookModel() {
        Map<String, DMatrixRMaj> params = new LinkedHashMap<>();
        params.put("W1", new DMatrixRMaj(W1));
        params.put("b1", new DMatrixRMaj(1, 2, true, B1));
        params.put("W2", new DMatrixRMaj(W2));
        params.put("b2", new DMatrixRMaj(1, 2, true, B2));
        return new ModelData(params, Map.of(ModelData.ACTIVATION, "sigmoid"));
    }

    private static void assertBookValues(ModelData model, double tolerance) {
        assertEquals(List.of("W1", "b1", "W2", "b2"), List.copyOf(model.params().keySet()));
        assertArrayEquals(new DMatrixRMaj(W1).data, model.param("W1").data, tolerance);
        assertEquals(3, model.param("W1").numRows);
        assertEquals(1, model.param("b1").numRows);
        assertArrayEquals(B1, model.param("b1").data, tolerance);
        assertArrayEquals(new DMatrixRMaj(W2).data, model.param("W2").data, tolerance);
        assertArrayEquals(B2, model.param("b2").data, tolerance);
    }

    @ParameterizedTest
    @ValueSource(strings = {"two_layer_savez.npz", "two_layer_savez_compressed.npz"})
    void loadsWhatNumpyWrites(String name) throws Exception {
        ModelData model = load(fixture(name));
        assertBookValues(model, 0.0);
        assertTrue(model.metadata().isEmpty());
    }

    @Test
    void convertsFloat32BigEndianFortranOrderAnd2dBias() throws Exception {
        // b1 was stored as float32, so it is exact only to float precision
        assertBookValues(load(fixture("two_layer_variants.npz")), 1e-7);
    }

    @Test
    void ourNpyBytesAreExactlyNumpys() throws Exception {
        try (ZipFile zip = new ZipFile(fixture("two_layer_savez.npz").toFile())) {
            for (String key : List.of("W1", "b1")) {
                byte[] numpy;
                try (InputStream in = zip.getInputStream(zip.getEntry(key + ".npy"))) {
                    numpy = in.readAllBytes();
                }
                DMatrixRMaj m = bookModel().param(key);
                assertArrayEquals(numpy, NpyArrays.write(m, key.startsWith("b")), key);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"model.npz", "model.bpex", "MODEL.NPZ.bak"})
    void roundTripsInBothFormats(String name) {
        Path file = dir.resolve(name);
        ModelFiles.save(file, bookModel());
        ModelData loaded = load(file);
        assertBookValues(loaded, 0.0);
        boolean npz = name.endsWith(".npz");
        assertEquals(npz ? Map.of() : Map.of("activation", "sigmoid"), loaded.metadata());
    }

    @Test
    void formatIsRecognisedByContentNotName() throws IOException {
        Path npzNamedOtherwise = dir.resolve("weights.bin");
        ModelFiles.save(npzNamedOtherwise, bookModel(), ModelFiles.Format.NPZ);
        assertBookValues(load(npzNamedOtherwise), 0.0);
        Path ownNamedNpz = dir.resolve("weights.npz");
        ModelFiles.save(ownNamedNpz, bookModel(), ModelFiles.Format.BPEX);
        assertTrue(new String(Files.readAllBytes(ownNamedNpz), StandardCharsets.US_ASCII).startsWith("BPEXMODEL"));
        assertEquals("sigmoid", load(ownNamedNpz).metadata().get("activation"));
    }

    @Test
    void fileWeWriteLoadsInNumpy() throws Exception {
        assumeTrue(pythonWithNumpy(), "python3 with numpy is not available here; skipping the np.load check");
        Path file = dir.resolve("ours.npz");
        ModelFiles.save(file, bookModel());
        String script = String.join("\n",
                "import sys, numpy as np",
                "p = np.load(sys.argv[1])",
                "assert sorted(p.files) == ['W1', 'W2', 'b1', 'b2'], p.files",
                "assert p['W1'].dtype == np.float64 and p['W1'].shape == (3, 2), p['W1']",
                "assert p['b1'].shape == (2,) and p['b2'].shape == (2,)",
                "assert np.array_equal(p['W1'], np.arange(6).reshape(3, 2) * 0.5 - 1.0)",
                "assert np.array_equal(p['W2'], np.array([[1e-3, -2.0], [3.5, 1.0 / 3.0]]))",
                "assert np.array_equal(p['b1'], [0.25, -0.125]) and np.array_equal(p['b2'], [-7.0, 0.1])",
                "print('ok')");
        Process process = new ProcessBuilder("python3", "-c", script, file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        assertEquals("ok", output.strip());
    }

    private static boolean pythonWithNumpy() {
        try {
            Process process = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"model.npz", "model.bpex"})
    void truncatedFilesAreRefused(String name) throws IOException {
        Path file = dir.resolve(name);
        ModelFiles.save(file, bookModel());
        byte[] bytes = Files.readAllBytes(file);
        for (int length : new int[] {bytes.length - 1, bytes.length / 2, 20, 12}) {
            Files.write(file, Arrays.copyOf(bytes, length));
            DataException e = assertThrows(DataException.class, () -> load(file), "length " + length);
            assertTrue(e.getMessage().startsWith(name + " "), e.getMessage());
            assertTrue(e.getMessage().matches(".*(truncated|corrupt).*"), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"model.npz", "model.bpex"})
    void corruptedDataIsRefused(String name) throws IOException {
        Path file = dir.resolve(name);
        ModelFiles.save(file, bookModel());
        byte[] bytes = Files.readAllBytes(file);
        // a flipped bit in the float data of the first array, past any header
        int at = name.endsWith(".npz") ? 30 + "W1.npy".length() + 128 + 3 : bytes.length - 4 - 8 * 11;
        bytes[at] ^= 0x10;
        Files.write(file, bytes);
        DataException e = assertThrows(DataException.class, () -> load(file));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void wronglyShapedOrIncompleteModelsAreRefused() {
        Map<String, DMatrixRMaj> params = new LinkedHashMap<>(bookModel().params());
        params.put("b1", new DMatrixRMaj(1, 3));
        assertRefused(params, "model.npz has W1 of shape 3×2 but b1 of shape 1×3; b1 must be one row of 2 values.");
        params = new LinkedHashMap<>(bookModel().params());
        params.remove("b2");
        assertRefused(params, "model.npz has no b2; a two-layer net needs W1, b1, W2 and b2.");
        params = new LinkedHashMap<>(bookModel().params());
        params.put("W2", new DMatrixRMaj(3, 2));
        assertRefused(params, "model.npz has W1 of shape 3×2 but W2 of shape 3×2; W2 must have 2 rows.");
        params = new LinkedHashMap<>(bookModel().params());
        params.put("gamma1", new DMatrixRMaj(1, 2));
        assertRefused(params, "model.npz holds an unexpected array 'gamma1'; a model has only W1, b1, W2 and b2"
                + " (the book's parameter names).");
        params = new LinkedHashMap<>(bookModel().params());
        params.get("W2").set(1, 1, Double.NaN);
        assertRefused(params, "model.npz has a non-finite value (NaN) in W2; the training probably diverged, train"
                + " again with a smaller learning rate.");
    }

    /** Writes {@code params} with numpy's layout (bypassing save's own check) and expects load to refuse it. */
    private void assertRefused(Map<String, DMatrixRMaj> params, String message) {
        Path file = dir.resolve("model.npz");
        AtomicFiles.write(file, out -> {
            try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
                for (Map.Entry<String, DMatrixRMaj> p : params.entrySet()) {
                    zip.putNextEntry(new java.util.zip.ZipEntry(p.getKey() + ".npy"));
                    zip.write(NpyArrays.write(p.getValue(), p.getKey().startsWith("b")));
                    zip.closeEntry();
                }
            }
        });
        DataException e = assertThrows(DataException.class, () -> load(file));
        assertEquals(message, e.getMessage());
        assertThrows(DataException.class, () -> ModelFiles.save(dir.resolve("x.bpex"), new ModelData(params, Map.of())));
    }

    @Test
    void otherFilesAreRefusedWithOneSentence() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.npz"), "hello, not a model");
        assertEquals("notes.npz is neither a NumPy .npz nor a Backprop Explorer model file; choose a file saved by"
                + " this app or by np.savez.", assertThrows(DataException.class, () -> load(text)).getMessage());
        Path missing = dir.resolve("missing.npz");
        assertEquals("The model file " + missing + " does not exist; check the path.",
                assertThrows(DataException.class, () -> load(missing)).getMessage());
        Path intArray = dir.resolve("ints.npz");
        AtomicFiles.write(intArray, out -> {
            try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
                zip.putNextEntry(new java.util.zip.ZipEntry("W1.npy"));
                byte[] npy = NpyArrays.write(new DMatrixRMaj(1, 1), false);
                byte[] asInt = new String(npy, StandardCharsets.ISO_8859_1).replace("<f8", "<i8")
                        .getBytes(StandardCharsets.ISO_8859_1);
                zip.write(asInt);
                zip.closeEntry();
            }
        });
        assertEquals("ints.npz cannot be loaded: the array W1 holds data of type '<i8', but only float64 or float32"
                + " can be read; save the model again with np.savez.",
                assertThrows(DataException.class, () -> load(intArray)).getMessage());
    }

    @Test
    void failedSaveKeepsThePreviousFileAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("model.bpex");
        ModelFiles.save(file, bookModel());
        byte[] before = Files.readAllBytes(file);
        RuntimeException failure = assertThrows(IllegalStateException.class, () -> AtomicFiles.write(file, out -> {
            out.write(new byte[] {1, 2, 3});
            throw new IllegalStateException("disk full, say");
        }));
        assertEquals("disk full, say", failure.getMessage());
        IOException ioFailure = new IOException("No space left on device");
        DataException wrapped = assertThrows(DataException.class, () -> AtomicFiles.write(file, out -> {
            throw ioFailure;
        }));
        assertEquals("Could not write " + file + ": No space left on device; check that the folder exists, is writable"
                + " and has free space.", wrapped.getMessage());
        // an invalid model is refused before anything is written
        assertThrows(DataException.class, () -> ModelFiles.save(file, new ModelData(Map.of(), Map.of())));
        assertArrayEquals(before, Files.readAllBytes(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("model.bpex"), files.map(p -> p.getFileName().toString()).toList());
        }
        assertBookValues(load(file), 0.0);
    }

    @Test
    void unwritableTargetIsOneSentence() {
        Path file = dir.resolve("no/such/folder/model.npz");
        DataException e = assertThrows(DataException.class, () -> ModelFiles.save(file, bookModel()));
        assertEquals("Cannot write " + file + ": the folder " + file.getParent() + " does not exist; create it or"
                + " choose another place.", e.getMessage());
    }
}
