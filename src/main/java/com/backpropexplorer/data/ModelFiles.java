package com.backpropexplorer.data;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
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
 * 10       4      H = length of the header, unsigned little-endian
 * 14       H      header, UTF-8 JSON:
 *                 {"metadata":{"activation":"relu"},
 *                  "arrays":[{"name":"W1","rows":784,"cols":50},{"name":"b1","rows":1,"cols":50},...]}
 * 14+H     8·n    the arrays in header order, each row-major, IEEE 754 float64 little-endian
 * end-4    4      CRC-32 (as in zlib and PNG) of all bytes before it, unsigned little-endian
 * </pre>
 * The CRC and the exact length make truncation and corruption detectable.
 *
 * <h2>Checks on loading</h2>
 * The parameters must be the layers of a fully connected net in the book's naming:
 * {@code W1, b1, ..., Wk, bk}; each {@code Wi} 2-D, each {@code bi} one row as wide as
 * {@code Wi}, each {@code Wi} as tall as {@code W(i-1)} is wide, every value finite. A file
 * that fails any check is refused with one {@link DataException} sentence; nothing partial is
 * ever returned. Loaded parameters come back in the order {@code W1, b1, W2, b2, ...}.
 *
 * <p>Saving always goes through {@link AtomicFiles}, so a failed save keeps the previous file.
 */
public final class ModelFiles {
    /** First bytes of our own format. */
    public static final String MAGIC = "BPEXMODEL";
    /** Current version of our own format. */
    public static final int VERSION = 1;

    private static final byte[] MAGIC_BYTES = MAGIC.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final int PREAMBLE = MAGIC_BYTES.length + 1 + 4;
    /** No sane weight file is near this; refusing larger files keeps a bad file from exhausting memory. */
    private static final long MAX_FILE_BYTES = 1L << 30;
    private static final Gson GSON = new Gson();

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
     * @throws DataException if the model is not a valid layered net or the file cannot be written
     */
    public static void save(Path file, ModelData model) {
        save(file, model, formatFor(file));
    }

    /** Saves {@code model} to {@code file} atomically in the given format. */
    public static void save(Path file, ModelData model, Format format) {
        validate(model.params(), "The model to save");
        if (format == Format.NPZ) {
            AtomicFiles.write(file, out -> writeNpz(out, model));
        } else {
            AtomicFiles.write(file, out -> writeBpex(out, model));
        }
    }

    /**
     * Loads a model saved in either format, recognised by content.
     *
     * @throws DataException if the file is missing, of another kind, truncated, corrupt or does
     *     not hold a valid layered net
     */
    public static ModelData load(Path file) {
        String name = file.getFileName().toString();
        byte[] start;
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(MAGIC_BYTES.length);
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new DataException("The model file " + file + " does not exist; check the path.", e);
        } catch (IOException e) {
            throw new DataException("Could not read the model file " + file + ": " + AtomicFiles.reason(e) + ".", e);
        }
        if (size > MAX_FILE_BYTES) {
            throw new DataException(name + " is " + size + " bytes, far too large to be a model file; choose a"
                    + " .npz or Backprop Explorer model file.");
        }
        ModelData model;
        if (Arrays.equals(start, MAGIC_BYTES)) {
            model = readBpex(file);
        } else if (start.length >= 4 && Arrays.equals(Arrays.copyOf(start, 4), ZIP_MAGIC)) {
            model = readNpz(file);
        } else {
            throw new DataException(name + " is neither a NumPy .npz nor a Backprop Explorer model file; choose a"
                    + " file saved by this app or by np.savez.");
        }
        validate(model.params(), name);
        return new ModelData(inBookOrder(model.params()), model.metadata());
    }

    // ---- NumPy .npz ----

    private static void writeNpz(OutputStream out, ModelData model) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Map.Entry<String, DMatrixRMaj> param : model.params().entrySet()) {
            DMatrixRMaj m = param.getValue();
            byte[] npy = NpyArrays.write(m, m.numRows == 1 && param.getKey().startsWith("b"));
            // np.savez stores without compression; a stored entry needs its size and CRC up front
            ZipEntry entry = new ZipEntry(param.getKey() + ".npy");
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(npy.length);
            entry.setCompressedSize(npy.length);
            CRC32 crc = new CRC32();
            crc.update(npy);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(npy);
            zip.closeEntry();
        }
        zip.finish();
    }

    private static ModelData readNpz(Path file) {
        String name = file.getFileName().toString();
        Map<String, DMatrixRMaj> params = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String key = entry.getName().endsWith(".npy")
                        ? entry.getName().substring(0, entry.getName().length() - 4) : entry.getName();
                if (entry.getSize() > MAX_FILE_BYTES) {
                    throw new DataException(name + " claims an array " + key + " of " + entry.getSize()
                            + " bytes, too large for a weight; the file is corrupt.");
                }
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readNBytes((int) Math.min(entry.getSize() < 0 ? MAX_FILE_BYTES : entry.getSize() + 1,
                            MAX_FILE_BYTES));
                }
                CRC32 crc = new CRC32();
                crc.update(bytes);
                if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
                    throw new DataException(name + " is corrupt: the array " + key + " does not match its checksum;"
                            + " save or download the model again.");
                }
                try {
                    params.put(key, NpyArrays.read(bytes));
                } catch (NpyArrays.NpyException e) {
                    throw new DataException(name + " cannot be loaded: the array " + key + " " + e.getMessage()
                            + "; save the model again with np.savez.", e);
                }
            }
        } catch (ZipException e) {
            throw new DataException(name + " is not a readable .npz file: it is truncated or corrupt; save or"
                    + " download it again.", e);
        } catch (IOException e) {
            throw new DataException("Could not read the model file " + file + ": " + AtomicFiles.reason(e) + ".", e);
        }
        return new ModelData(params, Map.of());
    }

    // ---- our own format ----

    /** The JSON header of our format. */
    private static final class Header {
        Map<String, String> metadata;
        List<ArrayInfo> arrays;
    }

    /** Name and shape of one array in the header. */
    private static final class ArrayInfo {
        String name;
        int rows;
        int cols;

        ArrayInfo(String name, int rows, int cols) {
            this.name = name;
            this.rows = rows;
            this.cols = cols;
        }
    }

    private static void writeBpex(OutputStream out, ModelData model) throws IOException {
        Header header = new Header();
        header.metadata = model.metadata();
        header.arrays = new ArrayList<>();
        long values = 0;
        for (Map.Entry<String, DMatrixRMaj> param : model.params().entrySet()) {
            header.arrays.add(new ArrayInfo(param.getKey(), param.getValue().numRows, param.getValue().numCols));
            values += param.getValue().getNumElements();
        }
        byte[] json = GSON.toJson(header).getBytes(StandardCharsets.UTF_8);
        ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(PREAMBLE + json.length + 8 * values + 4))
                .order(ByteOrder.LITTLE_ENDIAN);
        bytes.put(MAGIC_BYTES).put((byte) VERSION).putInt(json.length).put(json);
        for (DMatrixRMaj m : model.params().values()) {
            for (int i = 0; i < m.getNumElements(); i++) {
                bytes.putDouble(m.data[i]);
            }
        }
        CRC32 crc = new CRC32();
        crc.update(bytes.array(), 0, bytes.position());
        bytes.putInt((int) crc.getValue());
        out.write(bytes.array());
    }

    private static ModelData readBpex(Path file) {
        String name = file.getFileName().toString();
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DataException("Could not read the model file " + file + ": " + AtomicFiles.reason(e) + ".", e);
        }
        ByteBuffer in = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        if (all.length < PREAMBLE + 4) {
            throw truncatedBpex(name);
        }
        in.position(MAGIC_BYTES.length);
        int version = in.get();
        if (version != VERSION) {
            throw new DataException(name + " is a Backprop Explorer model of format version " + version
                    + ", but this version reads only version " + VERSION + "; update Backprop Explorer.");
        }
        long headerLength = Integer.toUnsignedLong(in.getInt());
        if (PREAMBLE + headerLength + 4 > all.length) {
            throw truncatedBpex(name);
        }
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 4);
        int storedCrc = ByteBuffer.wrap(all, all.length - 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        Header header;
        try {
            header = GSON.fromJson(new String(all, PREAMBLE, (int) headerLength, StandardCharsets.UTF_8), Header.class);
        } catch (JsonParseException e) {
            header = null;
        }
        if (header == null || header.arrays == null) {
            throw corruptBpex(name, (int) crc.getValue() != storedCrc);
        }
        long values = 0;
        for (ArrayInfo info : header.arrays) {
            if (info == null || info.name == null || info.rows <= 0 || info.cols <= 0) {
                throw corruptBpex(name, (int) crc.getValue() != storedCrc);
            }
            values += (long) info.rows * info.cols;
        }
        long expectedLength = PREAMBLE + headerLength + 8 * values + 4;
        if (expectedLength > all.length) {
            throw truncatedBpex(name);
        }
        if ((int) crc.getValue() != storedCrc || expectedLength != all.length) {
            throw corruptBpex(name, true);
        }
        in.position((int) (PREAMBLE + headerLength));
        Map<String, DMatrixRMaj> params = new LinkedHashMap<>();
        for (ArrayInfo info : header.arrays) {
            DMatrixRMaj m = new DMatrixRMaj(info.rows, info.cols);
            for (int i = 0; i < m.data.length; i++) {
                m.data[i] = in.getDouble();
            }
            if (params.put(info.name, m) != null) {
                throw new DataException(name + " holds the array " + info.name + " twice; the file is corrupt.");
            }
        }
        return new ModelData(params, header.metadata == null ? Map.of() : header.metadata);
    }

    private static DataException truncatedBpex(String name) {
        return new DataException(name + " is truncated: the model file ends before its data does; save the model"
                + " again.");
    }

    private static DataException corruptBpex(String name, boolean checksumWrong) {
        return new DataException(name + " is corrupt" + (checksumWrong ? ": its checksum does not match its content" : "")
                + "; save the model again.");
    }

    // ---- checks ----

    /**
     * Checks that {@code params} are the layers of a fully connected net: W1, b1, ..., Wk, bk
     * with matching shapes and finite values.
     *
     * @param what how to name the source in the message (a file name)
     * @throws DataException naming the first problem
     */
    public static void validate(Map<String, DMatrixRMaj> params, String what) {
        if (params.isEmpty()) {
            throw new DataException(what + " holds no weights; expected W1, b1, W2, b2.");
        }
        int layers = 0;
        while (params.containsKey("W" + (layers + 1)) || params.containsKey("b" + (layers + 1))) {
            layers++;
        }
        for (String key : params.keySet()) {
            if (!key.matches("[Wb][1-9][0-9]*") || Integer.parseInt(key.substring(1)) > layers) {
                throw new DataException(what + " holds an unexpected array '" + key + "'; a model has only W1, b1, W2,"
                        + " b2, ... (the book's parameter names).");
            }
        }
        for (int layer = 1; layer <= layers; layer++) {
            DMatrixRMaj w = params.get("W" + layer);
            DMatrixRMaj b = params.get("b" + layer);
            if (w == null || b == null) {
                throw new DataException(what + " has no " + (w == null ? "W" : "b") + layer + "; a model needs W"
                        + layer + " and b" + layer + " for layer " + layer + ".");
            }
            if (b.numRows != 1 || b.numCols != w.numCols) {
                throw new DataException(what + " has W" + layer + " of shape " + w.numRows + "×" + w.numCols + " but b"
                        + layer + " of shape " + b.numRows + "×" + b.numCols + "; b" + layer + " must be one row of "
                        + w.numCols + " values.");
            }
            DMatrixRMaj previous = params.get("W" + (layer - 1));
            if (previous != null && previous.numCols != w.numRows) {
                throw new DataException(what + " has W" + (layer - 1) + " of shape " + previous.numRows + "×"
                        + previous.numCols + " but W" + layer + " of shape " + w.numRows + "×" + w.numCols + "; W"
                        + layer + " must have " + previous.numCols + " rows.");
            }
            for (DMatrixRMaj m : List.of(w, b)) {
                for (int i = 0; i < m.getNumElements(); i++) {
                    if (!Double.isFinite(m.data[i])) {
                        throw new DataException(what + " has a non-finite value (" + m.data[i] + ") in "
                                + (m == w ? "W" : "b") + layer + "; the training probably diverged, train again"
                                + " with a smaller learning rate.");
                    }
                }
            }
        }
    }

    private static Map<String, DMatrixRMaj> inBookOrder(Map<String, DMatrixRMaj> params) {
        Map<String, DMatrixRMaj> ordered = new LinkedHashMap<>();
        for (int layer = 1; params.containsKey("W" + layer); layer++) {
            ordered.put("W" + layer, params.get("W" + layer));
            ordered.put("b" + layer, params.get("b" + layer));
        }
        return ordered;
    }
}
