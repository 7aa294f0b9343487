package com.backpropexplorer.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.ejml.data.DMatrixRMaj;

/**
 * Reads IDX files, the format of the MNIST database, plain or gzip-compressed (recognised by
 * the gzip magic bytes {@code 1f 8b}, not by the name).
 *
 * <p>Layout: two zero bytes, a type byte ({@code 0x08} = unsigned byte, the only type MNIST
 * uses and the only one read here), the number of dimensions, then one big-endian int32 per
 * dimension, then the values in row-major order. Image files have 3 dimensions
 * (count, rows, cols; magic {@value #IMAGES_MAGIC}), label files 1 (magic {@value #LABELS_MAGIC}).
 *
 * <p>The header is checked against the real length of the file <em>before</em> the arrays are
 * allocated, so a corrupt header that promises 2^31 images fails at once instead of allocating
 * gigabytes. For gzip files the real length is only known after decompressing, so the reader
 * trusts the header only when it agrees with the size recorded in the gzip trailer and with the
 * maximum deflate expansion ratio; otherwise it counts the decompressed bytes (without storing
 * them) to say exactly what is wrong. Every problem is a {@link DataException} naming the file.
 */
public final class IdxReader {
    /** Magic number of an IDX file of unsigned-byte images: 0x00000803. */
    public static final int IMAGES_MAGIC = 2051;
    /** Magic number of an IDX file of unsigned-byte labels: 0x00000801. */
    public static final int LABELS_MAGIC = 2049;

    private static final int UNSIGNED_BYTE_TYPE = 0x08;
    /** Deflate cannot expand by more than about 1032:1; anything beyond cannot be in the file. */
    private static final long MAX_DEFLATE_RATIO = 1032;
    private static final int CHUNK = 1 << 16;
    private static final double[] PIXEL_VALUE = new double[256];

    static {
        for (int i = 0; i < 256; i++) {
            PIXEL_VALUE[i] = i / 255.0;
        }
    }

    private IdxReader() {
    }

    /**
     * Images read from an IDX file.
     *
     * @param count number of images
     * @param rows height of each image
     * @param cols width of each image
     * @param pixels count × (rows·cols), each grey level divided by 255 so it lies in [0, 1]
     */
    public record Images(int count, int rows, int cols, DMatrixRMaj pixels) {
    }

    /** Reads an IDX image file (magic 2051) and scales its pixels to [0, 1]. */
    public static Images readImages(Path file) {
        Header header = readHeader(file, IMAGES_MAGIC, 3);
        int count = header.dims[0];
        int rows = header.dims[1];
        int cols = header.dims[2];
        long elements = header.payloadBytes();
        if (elements > Integer.MAX_VALUE - 8 || elements * Double.BYTES > Runtime.getRuntime().maxMemory()) {
            throw new DataException(file.getFileName() + " claims " + count + " images of " + rows + "×" + cols
                    + ", too many to hold in memory; the header is probably corrupt, download the file again.");
        }
        header.requireAvailable();
        DMatrixRMaj pixels = new DMatrixRMaj(count, rows * cols);
        double[] data = pixels.data;
        header.decode((buffer, length, position) -> {
            int at = (int) position;
            for (int i = 0; i < length; i++) {
                data[at + i] = PIXEL_VALUE[buffer[i] & 0xFF];
            }
        });
        return new Images(count, rows, cols, pixels);
    }

    /** Reads an IDX label file (magic 2049); each label is an unsigned byte. */
    public static int[] readLabels(Path file) {
        Header header = readHeader(file, LABELS_MAGIC, 1);
        if (header.payloadBytes() > Integer.MAX_VALUE - 8) {
            throw new DataException(file.getFileName() + " claims " + header.dims[0]
                    + " labels, too many to hold in memory; the header is probably corrupt, download the file again.");
        }
        header.requireAvailable();
        int[] labels = new int[header.dims[0]];
        header.decode((buffer, length, position) -> {
            int at = (int) position;
            for (int i = 0; i < length; i++) {
                labels[at + i] = buffer[i] & 0xFF;
            }
        });
        return labels;
    }

    /** Opens the decompressed content of {@code file}: gunzipped if it starts with 1f 8b, else as is. */
    static InputStream openContent(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), CHUNK);
        try {
            return isGzip(raw) ? new GZIPInputStream(raw, CHUNK) : raw;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private static boolean isGzip(InputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b;
    }

    private static Header readHeader(Path file, int expectedMagic, int expectedDims) {
        String name = file.getFileName().toString();
        String what = expectedMagic == IMAGES_MAGIC ? "image" : "label";
        try (InputStream in = openContent(file)) {
            byte[] start = in.readNBytes(4);
            if (start.length < 4) {
                throw new DataException(name + " is too short to be an IDX file (" + start.length
                        + " bytes of content); download it again.");
            }
            int magic = bigEndianInt(start, 0);
            if (magic == IMAGES_MAGIC + LABELS_MAGIC - expectedMagic) {
                String other = expectedMagic == IMAGES_MAGIC ? "label" : "image";
                throw new DataException(name + " is an IDX " + other + " file where an IDX " + what
                        + " file was expected; check the file names.");
            }
            if (start[0] != 0 || start[1] != 0 || (start[3] & 0xFF) == 0) {
                throw new DataException(name + " is not an IDX file (it starts with "
                        + String.format("0x%08X", magic) + ", expected " + String.format("0x%08X", expectedMagic)
                        + "); check that you chose an MNIST file.");
            }
            if ((start[2] & 0xFF) != UNSIGNED_BYTE_TYPE) {
                throw new DataException(name + " holds IDX data of type " + String.format("0x%02X", start[2])
                        + ", but only unsigned bytes (0x08), as in MNIST, are supported.");
            }
            if ((start[3] & 0xFF) != expectedDims) {
                throw new DataException(name + " has " + (start[3] & 0xFF) + " dimensions, but an IDX " + what
                        + " file has " + expectedDims + "; check that you chose the right file.");
            }
            byte[] dimBytes = in.readNBytes(4 * expectedDims);
            if (dimBytes.length < 4 * expectedDims) {
                throw new DataException(name + " is truncated inside its header; download it again.");
            }
            int[] dims = new int[expectedDims];
            for (int d = 0; d < expectedDims; d++) {
                dims[d] = bigEndianInt(dimBytes, 4 * d);
                if (dims[d] <= 0) {
                    throw new DataException(name + " has an invalid header: dimension " + (d + 1) + " is "
                            + Integer.toUnsignedString(dims[d]) + "; the file is corrupt, download it again.");
                }
            }
            return new Header(file, what, dims);
        } catch (NoSuchFileException e) {
            throw new DataException(file + " does not exist; check the data folder.", e);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static DataException unreadable(Path file, IOException e) {
        if (e instanceof EOFException) {
            return new DataException(file.getFileName() + " is truncated: its gzip data ends early; download it again.", e);
        }
        if (e instanceof ZipException) {
            return new DataException(file.getFileName() + " is corrupt: its gzip data cannot be decompressed ("
                    + e.getMessage() + "); download it again.", e);
        }
        return new DataException("Could not read " + file + ": " + AtomicFiles.reason(e) + ".", e);
    }

    private static int bigEndianInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    @FunctionalInterface
    private interface ChunkSink {
        void accept(byte[] buffer, int length, long position);
    }

    /** A validated header; knows how many payload bytes must follow it. */
    private static final class Header {
        private final Path file;
        private final String what;
        private final int[] dims;

        Header(Path file, String what, int[] dims) {
            this.file = file;
            this.what = what;
            this.dims = dims;
        }

        long headerBytes() {
            return 4L + 4L * dims.length;
        }

        long payloadBytes() {
            long product = 1;
            for (int d : dims) {
                product = Math.multiplyExact(product, d);
            }
            return product;
        }

        /** Fails unless the file demonstrably (raw) or plausibly (gzip) holds exactly the payload. */
        void requireAvailable() {
            try {
                long fileSize = Files.size(file);
                long expectedContent = headerBytes() + payloadBytes();
                if (isGzipFile()) {
                    long trailerSize = gzipTrailerSize(fileSize);
                    boolean plausible = expectedContent <= fileSize * MAX_DEFLATE_RATIO + 1024;
                    if (!plausible || trailerSize != (expectedContent & 0xFFFF_FFFFL)) {
                        // don't trust the header: find out what is really there without storing it
                        failWithActualLength(countContentBytes());
                    }
                } else if (fileSize != expectedContent) {
                    failWithActualLength(fileSize);
                }
            } catch (IOException e) {
                throw unreadable(file, e);
            }
        }

        private boolean isGzipFile() throws IOException {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 2)) {
                return isGzip(in);
            }
        }

        /** The ISIZE field of the last gzip member: uncompressed length modulo 2^32. */
        private long gzipTrailerSize(long fileSize) throws IOException {
            if (fileSize < 18) {
                return -1;
            }
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
                raf.seek(fileSize - 4);
                byte[] b = new byte[4];
                raf.readFully(b);
                return (b[0] & 0xFFL) | (b[1] & 0xFFL) << 8 | (b[2] & 0xFFL) << 16 | (b[3] & 0xFFL) << 24;
            }
        }

        private long countContentBytes() throws IOException {
            long total = 0;
            byte[] buffer = new byte[CHUNK];
            try (InputStream in = openContent(file)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    total += n;
                }
            } catch (EOFException e) {
                // a cut-off gzip stream: what was decompressed so far is what the file holds
            }
            return total;
        }

        private void failWithActualLength(long contentBytes) {
            long payload = contentBytes - headerBytes();
            if (payload < payloadBytes()) {
                throw truncated(Math.max(0, payload));
            }
            if (payload > payloadBytes()) {
                throw trailingGarbage(payload - payloadBytes());
            }
            // the content length is right: only the gzip trailer disagreed
            throw new DataException(file.getFileName()
                    + " is corrupt: its gzip trailer does not match its content; download it again.");
        }

        /** Streams the payload in chunks to {@code sink}; fails on early end or trailing bytes. */
        void decode(ChunkSink sink) {
            long expected = payloadBytes();
            long position = 0;
            byte[] buffer = new byte[CHUNK];
            try (InputStream in = openContent(file)) {
                in.skipNBytes(headerBytes());
                while (position < expected) {
                    int n;
                    try {
                        n = in.read(buffer, 0, (int) Math.min(buffer.length, expected - position));
                    } catch (EOFException e) {
                        n = -1;
                    }
                    if (n < 0) {
                        throw truncated(position);
                    }
                    sink.accept(buffer, n, position);
                    position += n;
                }
                long extra = 0;
                int n;
                while ((n = in.read(buffer)) > 0) {
                    extra += n;
                }
                if (extra > 0) {
                    throw trailingGarbage(extra);
                }
            } catch (IOException e) {
                throw unreadable(file, e);
            }
        }

        private String promise() {
            return dims.length == 3
                    ? dims[0] + " images of " + dims[1] + "×" + dims[2]
                    : dims[0] + " " + what + "s";
        }

        private DataException truncated(long payloadPresent) {
            String unit = dims.length == 3 ? " bytes of pixels" : " labels";
            return new DataException(file.getFileName() + " is truncated: the header promises " + promise()
                    + " but the file ends after " + payloadPresent + unit + "; download it again.");
        }

        private DataException trailingGarbage(long extraBytes) {
            return new DataException(file.getFileName() + " has " + extraBytes + " unexpected bytes after the "
                    + promise() + " its header promises; the file is corrupt, download it again.");
        }
    }
}
