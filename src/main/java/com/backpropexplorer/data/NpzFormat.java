package com.backpropexplorer.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.ejml.data.DMatrixRMaj;

/**
 * NumPy's {@code .npz}: a ZIP with one {@code .npy} member per array, as {@code np.savez}
 * writes it (stored) and {@code np.savez_compressed} (deflated).
 *
 * <p>Reading never trusts a size it has not checked: the ZIP's directory must be small (a
 * model has four members), every member's .npy header is read first and the declared shapes
 * are checked against the two-layer net ({@link NetShape#checkForLoading}) before any data is
 * read; then each array is read straight into its matrix and checked against its CRC.
 */
final class NpzFormat {
    /** More members than this cannot be a model (it has four). */
    static final int MAX_ENTRIES = 64;
    /** Bytes of ZIP directory a model's few members need, with room to spare. */
    static final long MAX_DIRECTORY_BYTES = 1 << 16;
    private static final int END_OF_DIRECTORY = 0x06054b50;
    private static final int END_RECORD_BYTES = 22;
    /** Deflate cannot expand data by more than about 1032:1. */
    private static final long MAX_DEFLATE_RATIO = 1032;

    private NpzFormat() {
    }

    static void write(OutputStream out, ModelData model) throws IOException {
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

    static ModelData read(Path file, NetShape shape) {
        String name = file.getFileName().toString();
        try {
            requireSmallDirectory(file, name);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                Map<String, ZipEntry> entries = new LinkedHashMap<>();
                Map<String, int[]> declared = new LinkedHashMap<>();
                Map<String, Long> headerBytes = new LinkedHashMap<>();
                Map<String, NpyArrays.Header> headers = new LinkedHashMap<>();
                Enumeration<? extends ZipEntry> all = zip.entries();
                while (all.hasMoreElements()) {
                    ZipEntry entry = all.nextElement();
                    String key = entry.getName().endsWith(".npy")
                            ? entry.getName().substring(0, entry.getName().length() - 4) : entry.getName();
                    if (entries.put(key, entry) != null) {
                        throw new DataException("model.twice", name, key);
                    }
                    if (!NetShape.NAMES.contains(key)) {
                        // refused by the shape check below, before anything of it is read
                        declared.put(key, new int[] {1, 1});
                        continue;
                    }
                    try (CountingStream in = new CountingStream(zip.getInputStream(entry))) {
                        NpyArrays.Header header = NpyArrays.readHeader(in);
                        declared.put(key, new int[] {header.rows(), header.cols()});
                        headers.put(key, header);
                        headerBytes.put(key, in.count);
                    } catch (NpyArrays.NpyException e) {
                        throw badArray(name, key, e);
                    }
                }
                shape.checkForLoading(declared, name);
                for (String key : NetShape.NAMES) {
                    try {
                        requireRoomInEntry(entries.get(key), headerBytes.get(key), headers.get(key));
                    } catch (NpyArrays.NpyException e) {
                        throw badArray(name, key, e);
                    }
                }
                Map<String, DMatrixRMaj> params = new LinkedHashMap<>();
                for (String key : NetShape.NAMES) {
                    params.put(key, readArray(zip, entries.get(key), name, key));
                }
                return new ModelData(params, Map.of());
            }
        } catch (ZipException e) {
            throw new DataException(e, "model.npzUnreadable", name);
        } catch (IOException e) {
            throw new DataException(e, "file.unreadable", FileChecks.Kind.MODEL.phrase(), file, FileChecks.reason(e));
        }
    }

    /**
     * The ZIP's directory records each member's length: data a header declares beyond it (or
     * beyond what deflate can expand the compressed bytes to) is not there, so it is refused
     * before an array is allocated for it.
     */
    private static void requireRoomInEntry(ZipEntry entry, long headerBytes, NpyArrays.Header header)
            throws NpyArrays.NpyException {
        long available = entry.getSize() >= 0 ? entry.getSize() - headerBytes
                : entry.getCompressedSize() >= 0 ? Math.multiplyExact(entry.getCompressedSize(), MAX_DEFLATE_RATIO)
                : Long.MAX_VALUE;
        if (header.dataBytes() > available) {
            throw new NpyArrays.NpyException("npy.truncated", NpyArrays.shapeText(header.shape()), header.dataBytes(),
                    Math.max(0, available));
        }
    }

    /** Counts the bytes read through it (to know where a .npy header ends). */
    private static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b >= 0 ? 1 : 0;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(0, n);
            return n;
        }
    }

    private static DMatrixRMaj readArray(ZipFile zip, ZipEntry entry, String name, String key) throws IOException {
        CRC32 crc = new CRC32();
        try (CheckedInputStream in = new CheckedInputStream(
                new BufferedInputStream(zip.getInputStream(entry), 1 << 16), crc)) {
            DMatrixRMaj matrix = NpyArrays.readData(in, NpyArrays.readHeader(in));
            if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
                throw new DataException("model.npzChecksum", name, key);
            }
            return matrix;
        } catch (NpyArrays.NpyException e) {
            throw badArray(name, key, e);
        }
    }

    private static DataException badArray(String name, String key, NpyArrays.NpyException e) {
        return new DataException(DataMessage.of("model.npyProblem", name, key, e.problem()), e);
    }

    /**
     * Reads the ZIP's end-of-directory record (the last 22 bytes, or up to 64 KB before them
     * when the ZIP has a comment) and refuses a directory a model cannot have, before
     * {@link ZipFile} reads the whole directory into memory.
     */
    private static void requireSmallDirectory(Path file, String name) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long size = raf.length();
            int tail = (int) Math.min(size, END_RECORD_BYTES + 0xFFFF);
            byte[] bytes = new byte[tail];
            raf.seek(size - tail);
            raf.readFully(bytes);
            ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            for (int at = tail - END_RECORD_BYTES; at >= 0; at--) {
                if (buffer.getInt(at) == END_OF_DIRECTORY) {
                    int entries = Short.toUnsignedInt(buffer.getShort(at + 10));
                    long directoryBytes = Integer.toUnsignedLong(buffer.getInt(at + 12));
                    if (entries > MAX_ENTRIES || directoryBytes > MAX_DIRECTORY_BYTES) {
                        throw new DataException("model.npzTooManyEntries", name, entries);
                    }
                    return;
                }
            }
            // no end record: ZipFile will say it is not a ZIP
        }
    }
}
