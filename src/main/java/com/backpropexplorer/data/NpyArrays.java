package com.backpropexplorer.data;

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
 */
final class NpyArrays {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyArrays() {
    }

    /** Thrown for anything that is not a readable .npy array; the message is a short phrase. */
    static final class NpyException extends Exception {
        private static final long serialVersionUID = 1L;

        NpyException(String problem) {
            super(problem);
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
        ByteBuffer out = ByteBuffer.allocate(preamble + header.length() + 8 * elements).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        out.put(header.toString().getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < elements; i++) {
            out.putDouble(matrix.data[i]);
        }
        return out.array();
    }

    /** Reads one .npy array; a 1-D array of n values becomes a 1×n matrix. */
    static DMatrixRMaj read(byte[] bytes) throws NpyException {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (byte b : MAGIC) {
            if (in.remaining() == 0 || in.get() != b) {
                throw new NpyException("is not a NumPy array");
            }
        }
        if (in.remaining() < 4) {
            throw new NpyException("is cut off in its header");
        }
        int major = in.get();
        in.get(); // minor version: no differences that matter here
        long headerLength;
        if (major == 1) {
            headerLength = Short.toUnsignedInt(in.getShort());
        } else if (major == 2 || major == 3) {
            if (in.remaining() < 4) {
                throw new NpyException("is cut off in its header");
            }
            headerLength = Integer.toUnsignedLong(in.getInt());
        } else {
            throw new NpyException("uses .npy format version " + major + ", which is not supported");
        }
        if (headerLength > in.remaining()) {
            throw new NpyException("is cut off in its header");
        }
        byte[] headerBytes = new byte[(int) headerLength];
        in.get(headerBytes);
        String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);

        String descr = find(DESCR, header, "data type");
        boolean fortranOrder = find(FORTRAN, header, "memory order").equals("True");
        int[] shape = parseShape(find(SHAPE, header, "shape"));
        ByteOrder order = switch (descr.isEmpty() ? ' ' : descr.charAt(0)) {
            case '<', '=' -> ByteOrder.LITTLE_ENDIAN;
            case '>' -> ByteOrder.BIG_ENDIAN;
            default -> null;
        };
        String kind = descr.length() > 1 ? descr.substring(1) : "";
        if (order == null || !(kind.equals("f8") || kind.equals("f4"))) {
            throw new NpyException("holds data of type '" + descr + "', but only float64 or float32 can be read");
        }
        int itemSize = kind.equals("f8") ? 8 : 4;
        int rows = shape.length == 1 ? 1 : shape[0];
        int cols = shape.length == 1 ? shape[0] : shape[1];
        long count = (long) rows * cols;
        if (count > Integer.MAX_VALUE - 8) {
            throw new NpyException("has shape " + shapeText(shape) + ", far too large for a weight");
        }
        if (count * itemSize != in.remaining()) {
            throw new NpyException(count * itemSize > in.remaining()
                    ? "is truncated (shape " + shapeText(shape) + " needs " + count * itemSize + " bytes of data, "
                            + in.remaining() + " present)"
                    : "has " + (in.remaining() - count * itemSize) + " bytes after its data");
        }
        in.order(order);
        DMatrixRMaj matrix = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < count; i++) {
            double value = itemSize == 8 ? in.getDouble() : in.getFloat();
            // Fortran order stores column after column
            int index = fortranOrder ? (i % rows) * cols + i / rows : i;
            matrix.data[index] = value;
        }
        return matrix;
    }

    private static String find(Pattern pattern, String header, String what) throws NpyException {
        Matcher m = pattern.matcher(header);
        if (!m.find()) {
            throw new NpyException("has a header without its " + what);
        }
        return m.group(1);
    }

    private static int[] parseShape(String text) throws NpyException {
        String[] parts = text.replace(" ", "").split(",");
        int dims = parts.length;
        if (dims < 1 || dims > 2 || parts[0].isEmpty()) {
            throw new NpyException("has shape (" + text + "), but a weight must be 1-D or 2-D");
        }
        int[] shape = new int[dims];
        for (int d = 0; d < dims; d++) {
            try {
                shape[d] = Integer.parseInt(parts[d]);
            } catch (NumberFormatException e) {
                throw new NpyException("has an unreadable shape (" + text + ")");
            }
            if (shape[d] <= 0) {
                throw new NpyException("has an empty shape (" + text + ")");
            }
        }
        return shape;
    }

    static String shapeText(int[] shape) {
        return shape.length == 1 ? "(" + shape[0] + ",)" : "(" + shape[0] + ", " + shape[1] + ")";
    }
}
