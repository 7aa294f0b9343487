package com.backpropexplorer.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * The shape of the only net a model file may hold: the book's {@code TwoLayerNet}, with
 * exactly the parameters {@code W1} (inputs × H), {@code b1} (H), {@code W2} (H × outputs) and
 * {@code b2} (outputs). {@link #MNIST} is 784-H-10, what every part of the app reads.
 *
 * <p>{@link #check} works on the <em>declared</em> shapes of a file's arrays, before any of
 * their data is read, so a file that claims gigabytes or holds another net costs nothing.
 *
 * @param inputs the input size W1 must have, or 0 for any
 * @param outputs the output size W2 must have, or 0 for any
 */
public record NetShape(int inputs, int outputs) {
    /** 784 inputs (28×28 pixels), 10 outputs (digits): every model the app and the commands use. */
    public static final NetShape MNIST = new NetShape(784, 10);
    /** Any two-layer net (files written, and tests on small nets). */
    public static final NetShape ANY_TWO_LAYER = new NetShape(0, 0);
    /** The book's parameter names, in the book's order. */
    public static final List<String> NAMES = List.of("W1", "b1", "W2", "b2");
    /** No model file may declare more bytes of weights than this (a 784-H-10 net up to H ≈ 168,000). */
    public static final long MAX_BYTES = 1L << 30;

    /**
     * Checks declared shapes (a 1-D array of n values is 1 × n) against a two-layer net of this
     * shape, and that its weights fit in memory.
     *
     * @param declared each array's name and {rows, cols}, in the file's order
     * @param file the file's name (or a {@link DataMessage} naming what it is), for the sentence
     * @return the hidden size H
     * @throws DataException naming the first problem: another net, a missing or unexpected array,
     *     shapes that do not fit together, or more weights than may be loaded
     */
    public int check(Map<String, int[]> declared, Object file) {
        if (declared.containsKey("W3") || declared.containsKey("b3")) {
            int layers = 2;
            while (declared.containsKey("W" + (layers + 1)) || declared.containsKey("b" + (layers + 1))) {
                layers++;
            }
            throw new DataException("model.notTwoLayer", file, layers);
        }
        for (String name : declared.keySet()) {
            if (!NAMES.contains(name)) {
                throw new DataException("model.unexpectedArray", file, name);
            }
        }
        for (String name : NAMES) {
            if (!declared.containsKey(name)) {
                throw new DataException("model.missingArray", file, name);
            }
        }
        int[] w1 = declared.get("W1");
        int[] b1 = declared.get("b1");
        int[] w2 = declared.get("W2");
        int[] b2 = declared.get("b2");
        int hidden = w1[1];
        if (inputs > 0 && w1[0] != inputs || outputs > 0 && w2[1] != outputs) {
            throw new DataException("model.wrongSize", file, w1[0], hidden, w2[1], inputs, outputs);
        }
        if (b1[0] != 1 || b1[1] != hidden) {
            throw new DataException("model.biasShape", file, "W1", shape(w1), "b1", shape(b1), hidden);
        }
        if (w2[0] != hidden) {
            throw new DataException("model.layersDisagree", file, shape(w1), shape(w2), hidden);
        }
        if (b2[0] != 1 || b2[1] != w2[1]) {
            throw new DataException("model.biasShape", file, "W2", shape(w2), "b2", shape(b2), w2[1]);
        }
        long bytes = bytes(declared);
        if (bytes > MAX_BYTES) {
            throw new DataException("model.tooLarge", file, w1[0], hidden, w2[1], MemoryBudget.megabytes(bytes),
                    MemoryBudget.megabytes(MAX_BYTES));
        }
        return hidden;
    }

    /**
     * Before loading: {@link #check} and room in memory for the arrays and the net made from them.
     *
     * @return the hidden size H
     */
    int checkForLoading(Map<String, int[]> declared, Object file) {
        int hidden = check(declared, file);
        long needed = Math.multiplyExact(bytes(declared), 2);
        if (!MemoryBudget.fits(needed)) {
            throw MemoryBudget.tooLarge(file, needed);
        }
        return hidden;
    }

    private static long bytes(Map<String, int[]> declared) {
        try {
            long bytes = 0;
            for (int[] dims : declared.values()) {
                bytes = Math.addExact(bytes, Math.multiplyExact(Math.multiplyExact((long) dims[0], dims[1]), Double.BYTES));
            }
            return bytes;
        } catch (ArithmeticException overflow) {
            // beyond 2^63 bytes: larger than any limit, which is all that matters
            return Long.MAX_VALUE;
        }
    }

    /**
     * Checks loaded or to-be-saved parameters: the shapes as {@link #check} does, and every value finite.
     *
     * @param what how to name the source in the message (a file name)
     */
    public void validate(Map<String, DMatrixRMaj> params, Object what) {
        if (params.isEmpty()) {
            throw new DataException("model.empty", what);
        }
        Map<String, int[]> declared = new LinkedHashMap<>();
        params.forEach((name, m) -> declared.put(name, new int[] {m.numRows, m.numCols}));
        check(declared, what);
        for (String name : NAMES) {
            DMatrixRMaj m = params.get(name);
            for (int i = 0; i < m.getNumElements(); i++) {
                if (!Double.isFinite(m.data[i])) {
                    throw new DataException("model.notFinite", what, String.valueOf(m.data[i]), name);
                }
            }
        }
    }

    static String shape(int[] dims) {
        return dims[0] + "×" + dims[1];
    }
}
