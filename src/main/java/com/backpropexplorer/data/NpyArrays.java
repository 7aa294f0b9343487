package com.backpropexplorer.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ejml.data.DMatrixRMaj;

/**
 * NumPy's {@code .npy} array format (one array per file; an {@code .npz} is a ZIP of them), as
 * far as weight matrices need it: float64 written, float32/float64 of either byte order read,
 * C or Fortran order, 1-D or 2-D, format versions 1.0 to 3.0.
 *
 * <p>Reading is in two steps: {@link #readHeader} gives the declared shape and type, so the
 * caller can check them before {@link #readData} allocates anything.
 */
final class NpyArrays {
    /** A .npy header is a short Python dict; numpy itself writes under 100 bytes for 2-D arrays. */
    static final int MAX_HEADER_BYTES = 1 << 16;
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyArrays() {
    }

    /** Thrown for anything that is not a readable .npy array; carries a short phrase. */
    static final class NpyException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient DataMessage problem;

        NpyException(String key, Object... args) {
            super(DataMessage.of(key, args).toString());
            this.problem = DataMessage.of(key, args);
        }

        DataMessage problem() {
            return problem;
        }
    }

    /**
     * What a .npy header declares.
     *
     * @param shape 1 or 2 dimensions, each positive
     * @param itemSize 8 (float64) or 4 (float32)
     * @param order the data's byte order
     * @param fortranOrder whether columns are stored one after the other
     */
    record Header(int[] shape, int itemSize, ByteOrder order, boolean fortranOrder) {
        /** Rows as a matrix: 1 for a 1-D array. */
        int rows() {
            return shape.length == 1 ? 1 : shape[0];
        }

        int cols() {
            return shape.length == 1 ? shape[0] : shape[1];
        }

        long dataBytes() {
            return (long) rows() * cols() * itemSize;
        }
    }

    /**
     * The bytes numpy's {@code np.save} would write for {@code matrix}: version 1.0, '<f8',
     * C order, header padded with spaces to a multiple of 64 bytes and ended by a newline.
     *
     * @param oneDimensional write shape {@code (n,)} instead of {@code (1, n)}, as the book's biases are
     */
    static byte[] write(DMatrixRMaj matrix, boolean oneDimensional) {
        String shape = oneDimensional ? "(" + matrix.numCols + ",)" : "(" + matrix.numRows + ", " + matrix.numCols + ")";
        StringBuilder header = new StringBuilder("{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }");
        int preamble = MAGIC.length + 2 + 2;
        while ((preamble + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        int elements = matrix.getNumElements();
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(preamble + header.length() + 8L * elements))
                .order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        out.put(header.toString().getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < elements; i++) {
            out.putDouble(matrix.data[i]);
        }
        return out.array();
    }

    /** Reads and checks a .npy header from the start of {@code in}, leaving {@code in} at the data. */
    static Header readHeader(InputStream in) throws IOException, NpyException {
        byte[] magic = in.readNBytes(MAGIC.length);
        for (int i = 0; i < MAGIC.length; i++) {
            if (i >= magic.length || magic[i] != MAGIC[i]) {
                throw new NpyException("npy.notNumpy");
            }
        }
        byte[] version = in.readNBytes(2);
        if (version.length < 2) {
            throw new NpyException("npy.headerCut");
        }
        int major = version[0];
        long headerLength;
        if (major == 1) {
            headerLength = Short.toUnsignedInt(littleEndian(in, 2).getShort());
        } else if (major == 2 || major == 3) {
            headerLength = Integer.toUnsignedLong(littleEndian(in, 4).getInt());
        } else {
            throw new NpyException("npy.version", major);
        }
        if (headerLength > MAX_HEADER_BYTES) {
            throw new NpyException("npy.headerTooLong", headerLength);
        }
        byte[] headerBytes = in.readNBytes((int) headerLength);
        if (headerBytes.length < headerLength) {
            throw new NpyException("npy.headerCut");
        }
        String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);

        String descr = find(DESCR, header, "npy.part.type");
        boolean fortranOrder = find(FORTRAN, header, "npy.part.order").equals("True");
        int[] shape = parseShape(find(SHAPE, header, "npy.part.shape"));
        ByteOrder order = switch (descr.isEmpty() ? ' ' : descr.charAt(0)) {
            case '<', '=' -> ByteOrder.LITTLE_ENDIAN;
            case '>' -> ByteOrder.BIG_ENDIAN;
            default -> null;
        };
        String kind = descr.length() > 1 ? descr.substring(1) : "";
        if (order == null || !(kind.equals("f8") || kind.equals("f4"))) {
            throw new NpyException("npy.type", descr);
        }
        return new Header(shape, kind.equals("f8") ? 8 : 4, order, fortranOrder);
    }

    private static ByteBuffer littleEndian(InputStream in, int length) throws IOException, NpyException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new NpyException("npy.headerCut");
        }
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Reads the data a checked header declares, straight into a new matrix (a 1-D array of n
     * values becomes 1 × n), and fails if the stream ends early or goes on after it.
     */
    static DMatrixRMaj readData(InputStream in, Header header) throws IOException, NpyException {
        int rows = header.rows();
        int cols = header.cols();
        DMatrixRMaj matrix = new DMatrixRMaj(rows, cols);
        long count = (long) rows * cols;
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(header.order());
        long index = 0;
        while (index < count) {
            int want = (int) Math.min(buffer.capacity() / header.itemSize(), count - index) * header.itemSize();
            byte[] chunk = in.readNBytes(want);
            if (chunk.length < want) {
                throw new NpyException("npy.truncated", shapeText(header.shape()), header.dataBytes(),
                        index * header.itemSize() + chunk.length);
            }
            buffer.clear();
            buffer.put(chunk).flip();
            for (int n = want / header.itemSize(); n > 0; n--, index++) {
                double value = header.itemSize() == 8 ? buffer.getDouble() : buffer.getFloat();
                // Fortran order stores column after column
                long at = header.fortranOrder() ? (index % rows) * cols + index / rows : index;
                matrix.data[(int) at] = value;
            }
        }
        if (in.read() >= 0) {
            throw new NpyException("npy.trailing");
        }
        return matrix;
    }

    private static String find(Pattern pattern, String header, String partKey) throws NpyException {
        Matcher m = pattern.matcher(header);
        if (!m.find()) {
            throw new NpyException("npy.headerWithout", DataMessage.of(partKey));
        }
        return m.group(1);
    }

    private static int[] parseShape(String text) throws NpyException {
        String[] parts = text.replace(" ", "").split(",");
        int dims = parts.length;
        if (dims < 1 || dims > 2 || parts[0].isEmpty()) {
            throw new NpyException("npy.dims", "(" + text + ")");
        }
        int[] shape = new int[dims];
        for (int d = 0; d < dims; d++) {
            try {
                shape[d] = Integer.parseInt(parts[d]);
            } catch (NumberFormatException e) {
                throw new NpyException("npy.badShape", "(" + text + ")");
            }
            if (shape[d] <= 0) {
                throw new NpyException("npy.emptyShape", "(" + text + ")");
            }
        }
        return shape;
    }

    static String shapeText(int[] shape) {
        return shape.length == 1 ? "(" + shape[0] + ",)" : "(" + shape[0] + ", " + shape[1] + ")";
    }
}
