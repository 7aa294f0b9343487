package com.backpropexplorer.data;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import org.ejml.data.DMatrixRMaj;

/**
 * Backprop Explorer's own model format; the byte layout is in {@link ModelFiles}.
 *
 * <p>Reading checks, in this order and before any array is allocated: the CRC of the whole
 * file (streamed, so a flipped bit says "checksum" rather than something stranger), the
 * version, the header's length, every field of the JSON header (one sentence for a field that
 * is missing, null or of the wrong type), the declared shapes against the two-layer net, and
 * the file's exact length, computed in checked longs.
 */
final class BpexFormat {
    static final byte[] MAGIC = ModelFiles.MAGIC.getBytes(StandardCharsets.US_ASCII);
    static final int PREAMBLE = MAGIC.length + 1 + 4;
    /** A header lists four arrays and a little metadata: a few hundred bytes. */
    static final int MAX_HEADER_BYTES = 1 << 16;
    /** The activations a file may name (the engine's ReLU and sigmoid). */
    static final List<String> ACTIVATIONS = List.of("relu", "sigmoid");
    private static final Gson GSON = new Gson();
    private static final int CHUNK = 1 << 16;

    private BpexFormat() {
    }

    /** Name and declared shape of one array. */
    private record ArrayInfo(String name, int rows, int cols) {
    }

    private record Header(List<ArrayInfo> arrays, Map<String, String> metadata) {
    }

    static void write(OutputStream out, ModelData model) throws IOException {
        JsonObject header = new JsonObject();
        header.add("metadata", GSON.toJsonTree(model.metadata()));
        JsonArray arrays = new JsonArray();
        for (Map.Entry<String, DMatrixRMaj> param : model.params().entrySet()) {
            JsonObject info = new JsonObject();
            info.addProperty("name", param.getKey());
            info.addProperty("rows", param.getValue().numRows);
            info.addProperty("cols", param.getValue().numCols);
            arrays.add(info);
        }
        header.add("arrays", arrays);
        byte[] json = GSON.toJson(header).getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        chunk.put(MAGIC).put((byte) ModelFiles.VERSION).putInt(json.length);
        emit(chunk, out, crc);
        crc.update(json);
        out.write(json);
        for (DMatrixRMaj m : model.params().values()) {
            for (int i = 0; i < m.getNumElements(); i++) {
                if (chunk.remaining() < Double.BYTES) {
                    emit(chunk, out, crc);
                }
                chunk.putDouble(m.data[i]);
            }
        }
        emit(chunk, out, crc);
        chunk.putInt((int) crc.getValue());
        chunk.flip();
        out.write(chunk.array(), 0, chunk.limit());
    }

    private static void emit(ByteBuffer chunk, OutputStream out, CRC32 crc) throws IOException {
        crc.update(chunk.array(), 0, chunk.position());
        out.write(chunk.array(), 0, chunk.position());
        chunk.clear();
    }

    static ModelData read(Path file, long size, NetShape shape) throws IOException {
        String name = file.getFileName().toString();
        if (size < PREAMBLE + 4) {
            throw truncated(name);
        }
        requireChecksum(file, size, name);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), CHUNK)) {
            byte[] preamble = in.readNBytes(PREAMBLE);
            ByteBuffer start = ByteBuffer.wrap(preamble).order(ByteOrder.LITTLE_ENDIAN);
            int version = start.get(MAGIC.length);
            if (version != ModelFiles.VERSION) {
                throw new DataException("model.bpexVersion", name, version, ModelFiles.VERSION);
            }
            long headerLength = Integer.toUnsignedLong(start.getInt(MAGIC.length + 1));
            if (headerLength > MAX_HEADER_BYTES) {
                throw new DataException("model.bpexHeaderTooLong", name, headerLength);
            }
            byte[] json = in.readNBytes((int) headerLength);
            if (json.length < headerLength) {
                throw truncated(name);
            }
            Header header = parseHeader(new String(json, StandardCharsets.UTF_8), name);
            Map<String, int[]> declared = new LinkedHashMap<>();
            long values = 0;
            for (ArrayInfo info : header.arrays()) {
                if (declared.put(info.name(), new int[] {info.rows(), info.cols()}) != null) {
                    throw new DataException("model.twice", name, info.name());
                }
            }
            shape.checkForLoading(declared, name);
            for (ArrayInfo info : header.arrays()) {
                values = Math.addExact(values, Math.multiplyExact((long) info.rows(), info.cols()));
            }
            long expected = Math.addExact(PREAMBLE + headerLength + 4, Math.multiplyExact(values, Double.BYTES));
            if (expected > size) {
                throw truncated(name);
            }
            if (expected < size) {
                throw new DataException("model.bpexExtra", name, size - expected);
            }
            Map<String, DMatrixRMaj> params = new LinkedHashMap<>();
            for (ArrayInfo info : header.arrays()) {
                params.put(info.name(), readArray(in, info, name));
            }
            return new ModelData(params, header.metadata());
        }
    }

    private static DMatrixRMaj readArray(InputStream in, ArrayInfo info, String name) throws IOException {
        DMatrixRMaj m = new DMatrixRMaj(info.rows(), info.cols());
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        int index = 0;
        while (index < m.data.length) {
            int want = Math.min(CHUNK / Double.BYTES, m.data.length - index) * Double.BYTES;
            byte[] bytes = in.readNBytes(want);
            if (bytes.length < want) {
                throw truncated(name);
            }
            buffer.clear();
            buffer.put(bytes).flip();
            while (buffer.hasRemaining()) {
                m.data[index++] = buffer.getDouble();
            }
        }
        return m;
    }

    /** Streams the file once: the CRC of everything before the last four bytes must be those bytes. */
    private static void requireChecksum(Path file, long size, String name) throws IOException {
        CRC32 crc = new CRC32();
        byte[] stored;
        try (CheckedInputStream in = new CheckedInputStream(
                new BufferedInputStream(Files.newInputStream(file), CHUNK), crc)) {
            byte[] buffer = new byte[CHUNK];
            long remaining = size - 4;
            while (remaining > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    throw truncated(name);
                }
                remaining -= n;
            }
            long computed = crc.getValue();
            stored = in.readNBytes(4);
            if (stored.length < 4
                    || (int) computed != ByteBuffer.wrap(stored).order(ByteOrder.LITTLE_ENDIAN).getInt()) {
                throw new DataException("model.bpexChecksum", name);
            }
        }
    }

    private static DataException truncated(String name) {
        return new DataException("model.bpexTruncated", name);
    }

    // ---- the JSON header, field by field ----

    private static Header parseHeader(String json, String name) {
        JsonElement root;
        try {
            root = JsonParser.parseString(json);
        } catch (JsonParseException e) {
            throw new DataException(e, "model.bpexHeaderNotJson", name);
        }
        JsonObject object = expectObject(root, "header", name);
        JsonArray arrays = expectArray(object.get("arrays"), "arrays", name);
        List<ArrayInfo> infos = new ArrayList<>();
        for (int i = 0; i < arrays.size(); i++) {
            String path = "arrays[" + i + "]";
            JsonObject info = expectObject(arrays.get(i), path, name);
            infos.add(new ArrayInfo(expectText(info.get("name"), path + ".name", "bpex.expect.name", name),
                    expectSize(info.get("rows"), path + ".rows", name),
                    expectSize(info.get("cols"), path + ".cols", name)));
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        JsonElement meta = object.get("metadata");
        if (meta != null) {
            for (Map.Entry<String, JsonElement> entry : expectObject(meta, "metadata", name).entrySet()) {
                String field = "metadata." + entry.getKey();
                metadata.put(entry.getKey(), entry.getKey().equals(ModelData.ACTIVATION)
                        ? expectText(entry.getValue(), field, "bpex.expect.activation", name)
                        : expectText(entry.getValue(), field, "bpex.expect.text", name));
            }
        }
        String activation = metadata.get(ModelData.ACTIVATION);
        if (activation != null && !ACTIVATIONS.contains(activation.trim().toLowerCase(Locale.ROOT))) {
            throw new DataException("model.unknownActivation", name, activation);
        }
        return new Header(infos, metadata);
    }

    private static DataException badField(String name, String field, JsonElement found, String expectedKey) {
        DataMessage what = found == null ? DataMessage.of("bpex.field.missing", field)
                : DataMessage.of("bpex.field.type", field, DataMessage.of(kindOf(found)), DataMessage.of(expectedKey));
        return new DataException("model.bpexHeader", name, what);
    }

    private static String kindOf(JsonElement e) {
        if (e.isJsonNull()) {
            return "bpex.kind.null";
        }
        if (e.isJsonObject()) {
            return "bpex.kind.object";
        }
        if (e.isJsonArray()) {
            return "bpex.kind.list";
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        return p.isBoolean() ? "bpex.kind.boolean" : p.isNumber() ? "bpex.kind.number" : "bpex.kind.text";
    }

    private static JsonObject expectObject(JsonElement e, String field, String name) {
        if (e == null || !e.isJsonObject()) {
            throw badField(name, field, e, "bpex.expect.object");
        }
        return e.getAsJsonObject();
    }

    private static JsonArray expectArray(JsonElement e, String field, String name) {
        if (e == null || !e.isJsonArray()) {
            throw badField(name, field, e, "bpex.expect.list");
        }
        return e.getAsJsonArray();
    }

    private static String expectText(JsonElement e, String field, String expectedKey, String name) {
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw badField(name, field, e, expectedKey);
        }
        return e.getAsString();
    }

    /** A whole number from 1 to 2^31 - 1, written as JSON writes numbers (784, 784.0 or 7.84e2). */
    private static int expectSize(JsonElement e, String field, String name) {
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw badField(name, field, e, "bpex.expect.size");
        }
        try {
            BigDecimal value = e.getAsBigDecimal();
            int size = value.intValueExact();
            if (size >= 1) {
                return size;
            }
        } catch (ArithmeticException | NumberFormatException notAnInt) {
            // falls through to the sentence
        }
        throw new DataException("model.bpexHeader", name, DataMessage.of("bpex.field.badSize", field,
                e.getAsJsonPrimitive().getAsString()));
    }

    static boolean startsWithMagic(byte[] start) {
        return start.length >= MAGIC.length && Arrays.equals(Arrays.copyOf(start, MAGIC.length), MAGIC);
    }
}
