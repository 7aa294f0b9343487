package com.backpropexplorer.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * Saves and loads models in two formats, recognised on loading by their first bytes, not by
 * their names:
 *
 * <h2>NumPy {@code .npz}</h2>
 * What {@code np.savez(path, **params)} writes and {@code np.load(path)} reads: a ZIP with one
 * {@code .npy} array per parameter ({@code W1.npy}, {@code b1.npy}, ...), float64, C order,
 * biases 1-D as in the book. So weights trained with the book's Python code can be loaded and
 * ours taken back to it. Reading also accepts float32, big-endian, Fortran order, 2-D biases of
 * one row, .npy versions 1.0-3.0, and stored or deflated entries ({@code np.savez_compressed}).
 * Metadata cannot be stored; a loaded .npz has none (the activation defaults to the book's ReLU).
 *
 * <h2>Backprop Explorer model ({@code .bpex} or any other name)</h2>
 * <pre>
 * offset   bytes  content
 * 0        9      ASCII "BPEXMODEL"
 * 9        1      format version: 1
 * 10       4      H = length of the header, unsigned little-endian (at most 65,536)
 * 14       H      header, UTF-8 JSON:
 *                 {"metadata":{"activation":"relu"},
 *                  "arrays":[{"name":"W1","rows":784,"cols":50},{"name":"b1","rows":1,"cols":50},...]}
 * 14+H     8·n    the arrays in header order, each row-major, IEEE 754 float64 little-endian
 * end-4    4      CRC-32 (as in zlib and PNG) of all bytes before it, unsigned little-endian
 * </pre>
 * The CRC and the exact length make truncation and corruption detectable.
 *
 * <h2>Checks on loading</h2>
 * A model is the book's two-layer net: exactly {@code W1, b1, W2, b2}, and for {@link #load(Path)}
 * 784 inputs and 10 outputs ({@link NetShape#MNIST}), every value finite. The declared shapes
 * are checked before any array is read, so a file that claims gigabytes or holds another net is
 * refused at once. A file that fails any check is refused with one {@link DataException}
 * sentence; nothing partial is ever returned. Loaded parameters come back in the order
 * {@code W1, b1, W2, b2}.
 *
 * <p>Saving always goes through {@link AtomicFiles}, so a failed save keeps the previous file.
 */
public final class ModelFiles {
    /** First bytes of our own format. */
    public static final String MAGIC = "BPEXMODEL";
    /** Current version of our own format. */
    public static final int VERSION = 1;

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    /** The largest weights a file may declare, plus room for its header. */
    private static final long MAX_FILE_BYTES = NetShape.MAX_BYTES + (1 << 20);

    private ModelFiles() {
    }

    /** The two file formats. */
    public enum Format {
        /** NumPy's .npz (np.savez). */
        NPZ,
        /** Backprop Explorer's own format, see the class documentation. */
        BPEX
    }

    /** The format {@link #save} picks for {@code file}: .npz by its name (any case), else our own. */
    public static Format formatFor(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npz") ? Format.NPZ : Format.BPEX;
    }

    /**
     * Saves {@code model} to {@code file} atomically, as .npz if the name ends with .npz, else in
     * our own format.
     *
     * @throws DataException if the model is not a two-layer net or the file cannot be written
     */
    public static void save(Path file, ModelData model) {
        save(file, model, formatFor(file));
    }

    /** Saves {@code model} to {@code file} atomically in the given format. */
    public static void save(Path file, ModelData model, Format format) {
        NetShape.ANY_TWO_LAYER.validate(model.params(), DataMessage.of("model.toSave"));
        ModelData ordered = new ModelData(inBookOrder(model.params()), model.metadata());
        if (format == Format.NPZ) {
            AtomicFiles.write(file, out -> NpzFormat.write(out, ordered));
        } else {
            AtomicFiles.write(file, out -> BpexFormat.write(out, ordered));
        }
    }

    /**
     * Loads a 784-H-10 two-layer net (what the app and the commands use) saved in either format,
     * recognised by content.
     *
     * @throws DataException if the file is missing, a folder, of another kind, truncated,
     *     corrupt, or does not hold a 784-H-10 two-layer net
     */
    public static ModelData load(Path file) {
        return load(file, NetShape.MNIST);
    }

    /** Loads a two-layer net of the given shape saved in either format. */
    public static ModelData load(Path file, NetShape shape) {
        FileChecks.requireReadableFile(file, FileChecks.Kind.MODEL);
        String name = file.getFileName().toString();
        try {
            byte[] start;
            try (InputStream in = Files.newInputStream(file)) {
                start = in.readNBytes(BpexFormat.MAGIC.length);
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new DataException("model.fileTooLarge", name, MemoryBudget.megabytes(size),
                        MemoryBudget.megabytes(MAX_FILE_BYTES));
            }
            ModelData model;
            if (BpexFormat.startsWithMagic(start)) {
                model = BpexFormat.read(file, size, shape);
            } else if (start.length >= 4 && Arrays.equals(Arrays.copyOf(start, 4), ZIP_MAGIC)) {
                model = NpzFormat.read(file, shape);
            } else {
                throw new DataException("model.unknownFormat", name);
            }
            shape.validate(model.params(), name);
            return new ModelData(inBookOrder(model.params()), model.metadata());
        } catch (IOException e) {
            throw new DataException(e, "file.unreadable", FileChecks.Kind.MODEL.phrase(), file, FileChecks.reason(e));
        }
    }

    private static Map<String, DMatrixRMaj> inBookOrder(Map<String, DMatrixRMaj> params) {
        Map<String, DMatrixRMaj> ordered = new LinkedHashMap<>();
        for (String name : NetShape.NAMES) {
            ordered.put(name, params.get(name));
        }
        return ordered;
    }
}
