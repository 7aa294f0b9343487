package com.backpropexplorer.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.ejml.data.DMatrixRMaj;

/**
 * Reads IDX files, the format of the MNIST database, plain or gzip-compressed (recognised by
 * the gzip magic bytes {@code 1f 8b}, not by the name; several gzip members one after the
 * other, and zeros after the last, are read as {@code gunzip} reads them).
 *
 * <p>Layout: two zero bytes, a type byte ({@code 0x08} = unsigned byte, the only type MNIST
 * uses and the only one read here), the number of dimensions, then one big-endian int32 per
 * dimension, then the values in row-major order. Image files have 3 dimensions
 * (count, rows, cols; magic {@value #IMAGES_MAGIC}), label files 1 (magic {@value #LABELS_MAGIC}).
 *
 * <p>Reading is in two steps so that nothing is allocated from a size nobody checked:
 * {@link #imagesHeader}/{@link #labelsHeader} read a header, bound what it claims (at most
 * {@value #MAX_COUNT} images or labels of at most {@value #MAX_SIDE}×{@value #MAX_SIDE} pixels,
 * far more than MNIST's 60,000 of 28×28) and check it against the real length of the file;
 * only then does {@link #readImages(Header)}/{@link #readLabels(Header)} allocate and read.
 * For gzip files the real length is only known after decompressing, so the header is trusted
 * only when it agrees with the size recorded in the gzip trailer; otherwise the decompressed
 * bytes are counted (without storing them). Every problem is a {@link DataException} naming the file.
 */
public final class IdxReader {
    /** Magic number of an IDX file of unsigned-byte images: 0x00000803. */
    public static final int IMAGES_MAGIC = 2051;
    /** Magic number of an IDX file of unsigned-byte labels: 0x00000801. */
    public static final int LABELS_MAGIC = 2049;
    /** The most images (or labels) a file may claim: MNIST's training set has 60,000. */
    public static final int MAX_COUNT = 100_000;
    /** The largest image side a file may claim: MNIST's images are 28×28. */
    public static final int MAX_SIDE = 256;

    private static final int UNSIGNED_BYTE_TYPE = 0x08;
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

    /**
     * A checked header: what the file holds, bounded and consistent with the file's length.
     *
     * @param file the file
     * @param dims count (and rows, cols for images)
     */
    public record Header(Path file, int[] dims) {
        /** Number of images or labels. */
        public int count() {
            return dims[0];
        }

        /** Image height (images only). */
        public int rows() {
            return dims[1];
        }

        /** Image width (images only). */
        public int cols() {
            return dims[2];
        }

        /** Bytes a reader of this file allocates: 8 per pixel for images, 4 per label. */
        public long memoryBytes() {
            return dims.length == 3 ? Math.multiplyExact(payloadBytes(), (long) Double.BYTES)
                    : Math.multiplyExact(payloadBytes(), (long) Integer.BYTES);
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

        private String name() {
            return file.getFileName().toString();
        }

        private DataMessage promise() {
            return dims.length == 3 ? DataMessage.of("idx.promise.images", count(), rows(), cols())
                    : DataMessage.of("idx.promise.labels", count());
        }
    }

    /** Reads an IDX image file (magic 2051) and scales its pixels to [0, 1]. */
    public static Images readImages(Path file) {
        return readImages(imagesHeader(file));
    }

    /** Reads an IDX label file (magic 2049); each label is an unsigned byte. */
    public static int[] readLabels(Path file) {
        return readLabels(labelsHeader(file));
    }

    /** The checked header of an IDX image file; reads no pixels. */
    public static Header imagesHeader(Path file) {
        return checkedHeader(file, IMAGES_MAGIC, 3);
    }

    /** The checked header of an IDX label file; reads no labels. */
    public static Header labelsHeader(Path file) {
        return checkedHeader(file, LABELS_MAGIC, 1);
    }

    /** Reads the pixels a checked image header describes. */
    public static Images readImages(Header header) {
        if (!MemoryBudget.fits(header.memoryBytes())) {
            throw MemoryBudget.tooLarge(header.name(), header.memoryBytes());
        }
        DMatrixRMaj pixels = new DMatrixRMaj(header.count(), header.rows() * header.cols());
        double[] data = pixels.data;
        decode(header, (buffer, length, position) -> {
            int at = (int) position;
            for (int i = 0; i < length; i++) {
                data[at + i] = PIXEL_VALUE[buffer[i] & 0xFF];
            }
        });
        return new Images(header.count(), header.rows(), header.cols(), pixels);
    }

    /** Reads the labels a checked label header describes. */
    public static int[] readLabels(Header header) {
        int[] labels = new int[header.count()];
        decode(header, (buffer, length, position) -> {
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

    private static Header checkedHeader(Path file, int expectedMagic, int expectedDims) {
        FileChecks.requireReadableFile(file, FileChecks.Kind.MNIST);
        Header header = parseHeader(file, expectedMagic, expectedDims);
        if (header.count() > MAX_COUNT) {
            throw new DataException(expectedDims == 3 ? "idx.tooManyImages" : "idx.tooManyLabels", header.name(),
                    header.count(), MAX_COUNT);
        }
        if (expectedDims == 3 && (header.rows() > MAX_SIDE || header.cols() > MAX_SIDE)) {
            throw new DataException("idx.imagesTooLarge", header.name(), header.rows(), header.cols(), MAX_SIDE);
        }
        requireAvailable(header);
        return header;
    }

    private static Header parseHeader(Path file, int expectedMagic, int expectedDims) {
        String name = file.getFileName().toString();
        boolean images = expectedMagic == IMAGES_MAGIC;
        try (InputStream in = openContent(file)) {
            byte[] start = in.readNBytes(4);
            if (start.length < 4) {
                throw new DataException("idx.tooShort", name, start.length);
            }
            int magic = bigEndianInt(start, 0);
            if (magic == IMAGES_MAGIC + LABELS_MAGIC - expectedMagic) {
                throw new DataException(images ? "idx.labelsNotImages" : "idx.imagesNotLabels", name);
            }
            if (start[0] != 0 || start[1] != 0 || (start[3] & 0xFF) == 0) {
                throw new DataException("idx.notIdx", name, String.format("0x%08X", magic),
                        String.format("0x%08X", expectedMagic));
            }
            if ((start[2] & 0xFF) != UNSIGNED_BYTE_TYPE) {
                throw new DataException("idx.type", name, String.format("0x%02X", start[2]));
            }
            if ((start[3] & 0xFF) != expectedDims) {
                throw new DataException(images ? "idx.dimsImages" : "idx.dimsLabels", name, start[3] & 0xFF,
                        expectedDims);
            }
            byte[] dimBytes = in.readNBytes(4 * expectedDims);
            if (dimBytes.length < 4 * expectedDims) {
                throw new DataException("idx.headerTruncated", name);
            }
            int[] dims = new int[expectedDims];
            for (int d = 0; d < expectedDims; d++) {
                dims[d] = bigEndianInt(dimBytes, 4 * d);
                if (dims[d] <= 0) {
                    throw new DataException("idx.badDimension", name, d + 1, Integer.toUnsignedString(dims[d]));
                }
            }
            return new Header(file, dims);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static DataException unreadable(Path file, IOException e) {
        String name = file.getFileName().toString();
        if (e instanceof EOFException) {
            return new DataException(e, "idx.gzipTruncated", name);
        }
        if (e instanceof ZipException) {
            return new DataException(e, "idx.gzipCorrupt", name, String.valueOf(e.getMessage()));
        }
        return new DataException(e, "file.unreadable", FileChecks.Kind.MNIST.phrase(), file, FileChecks.reason(e));
    }

    private static int bigEndianInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    /** Fails unless the file demonstrably (raw) or plausibly (gzip) holds exactly the payload. */
    private static void requireAvailable(Header header) {
        Path file = header.file();
        try {
            long fileSize = Files.size(file);
            long expectedContent = header.headerBytes() + header.payloadBytes();
            if (isGzipFile(file)) {
                // one gzip member records its content's length; several members (or zeros after
                // the last) do not, so then count what is really there without storing it
                if (gzipTrailerSize(file, fileSize) != (expectedContent & 0xFFFF_FFFFL)) {
                    long content = countContentBytes(file, expectedContent);
                    if (content != expectedContent) {
                        failWithActualLength(header, content);
                    }
                }
            } else if (fileSize != expectedContent) {
                failWithActualLength(header, fileSize);
            }
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static boolean isGzipFile(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 2)) {
            return isGzip(in);
        }
    }

    /** The ISIZE field at the end of the file: the last gzip member's length modulo 2^32. */
    private static long gzipTrailerSize(Path file, long fileSize) throws IOException {
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

    /**
     * The decompressed length, counted up to 1 MB past {@code expected} (a file that holds more
     * is wrong whatever the rest is, and a gzip bomb must not keep us busy).
     */
    private static long countContentBytes(Path file, long expected) throws IOException {
        long limit = expected + (1 << 20);
        long total = 0;
        byte[] buffer = new byte[CHUNK];
        try (InputStream in = openContent(file)) {
            int n;
            while (total <= limit && (n = in.read(buffer)) > 0) {
                total += n;
            }
        } catch (EOFException e) {
            // a cut-off gzip stream: what was decompressed so far is what the file holds
        }
        return total;
    }

    private static void failWithActualLength(Header header, long contentBytes) {
        long payload = contentBytes - header.headerBytes();
        if (payload < header.payloadBytes()) {
            throw truncated(header, Math.max(0, payload));
        }
        throw trailingGarbage(header, payload - header.payloadBytes());
    }

    @FunctionalInterface
    private interface ChunkSink {
        void accept(byte[] buffer, int length, long position);
    }

    /** Streams the payload in chunks to {@code sink}; fails on early end or trailing bytes. */
    private static void decode(Header header, ChunkSink sink) {
        long expected = header.payloadBytes();
        long position = 0;
        byte[] buffer = new byte[CHUNK];
        try (InputStream in = openContent(header.file())) {
            in.skipNBytes(header.headerBytes());
            while (position < expected) {
                int n;
                try {
                    n = in.read(buffer, 0, (int) Math.min(buffer.length, expected - position));
                } catch (EOFException e) {
                    n = -1;
                }
                if (n < 0) {
                    throw truncated(header, position);
                }
                sink.accept(buffer, n, position);
                position += n;
            }
            long extra = 0;
            int n;
            while (extra <= (1 << 20) && (n = in.read(buffer)) > 0) {
                extra += n;
            }
            if (extra > 0) {
                throw trailingGarbage(header, extra);
            }
        } catch (IOException e) {
            throw unreadable(header.file(), e);
        }
    }

    private static DataException truncated(Header header, long payloadPresent) {
        return new DataException(header.dims().length == 3 ? "idx.truncatedImages" : "idx.truncatedLabels",
                header.name(), header.promise(), payloadPresent);
    }

    private static DataException trailingGarbage(Header header, long extraBytes) {
        return extraBytes > (1 << 20)
                ? new DataException("idx.muchTrailing", header.name(), header.promise())
                : new DataException("idx.trailing", header.name(), extraBytes, header.promise());
    }
}
