package com.backpropexplorer.engine;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.ejml.data.DMatrixRMaj;

/**
 * The book's {@code accuracy(x, t)}: the fraction of rows whose largest score is the label,
 * computed a chunk of rows at a time so the 60,000-image set needs no 60,000-row temporaries
 * and a cancel request is seen between chunks.
 */
public final class Accuracy {
    /** Rows per chunk: big enough for efficient products, small enough to stay in memory. */
    public static final int CHUNK_ROWS = 1000;

    private Accuracy() {
    }

    /** Accuracy of {@code net} on all rows of {@code x}. */
    public static double of(TwoLayerNet net, DMatrixRMaj x, int[] labels) {
        return of(net, x, labels, () -> false);
    }

    /**
     * Accuracy of {@code net} on all rows of {@code x}; overwrites the net's layer caches.
     *
     * @param stop asked between chunks
     * @throws CancellationException when {@code stop} answers true
     */
    public static double of(TwoLayerNet net, DMatrixRMaj x, int[] labels, BooleanSupplier stop) {
        if (x.numRows != labels.length) {
            throw new IllegalArgumentException(x.numRows + " rows but " + labels.length + " labels");
        }
        if (labels.length == 0) {
            return 0;
        }
        int[] predicted = predictions(net, x, stop);
        int right = 0;
        for (int r = 0; r < labels.length; r++) {
            if (predicted[r] == labels[r]) {
                right++;
            }
        }
        return (double) right / labels.length;
    }

    /**
     * The predicted class (the largest score, ties to the first) of every row of {@code x};
     * overwrites the net's layer caches.
     *
     * @param stop asked between chunks
     * @throws CancellationException when {@code stop} answers true
     */
    public static int[] predictions(TwoLayerNet net, DMatrixRMaj x, BooleanSupplier stop) {
        int cols = x.numCols;
        int[] out = new int[x.numRows];
        if (x.numRows == 0) {
            return out;
        }
        DMatrixRMaj chunk = new DMatrixRMaj(Math.min(CHUNK_ROWS, x.numRows), cols);
        for (int start = 0; start < x.numRows; start += CHUNK_ROWS) {
            if (stop.getAsBoolean()) {
                throw new CancellationException("accuracy pass cancelled");
            }
            int rows = Math.min(CHUNK_ROWS, x.numRows - start);
            chunk.reshape(rows, cols);
            System.arraycopy(x.data, start * cols, chunk.data, 0, rows * cols);
            int[] predicted = Matrices.argmaxRows(net.predict(chunk));
            System.arraycopy(predicted, 0, out, start, rows);
        }
        return out;
    }
}
