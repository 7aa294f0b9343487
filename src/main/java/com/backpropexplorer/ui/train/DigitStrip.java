package com.backpropexplorer.ui.train;

import com.backpropexplorer.engine.TrainingData;
import org.ejml.data.DMatrixRMaj;

/**
 * The test digits whose predictions the training view shows: pixels (one image a row), labels,
 * and the same pixels ready to show ({@code side}×{@code side} ARGB, image after image, dark ink
 * on white paper whatever the theme), made on the loading thread.
 */
public record DigitStrip(DMatrixRMaj images, int[] labels, int[] argb, int side) {
    /** How many test digits the strip shows. */
    public static final int SIZE = 20;

    /** The first {@link #SIZE} test digits of a set. */
    static DigitStrip of(TrainingData sets) {
        int count = Math.min(SIZE, sets.testSize());
        int cols = sets.inputSize();
        DMatrixRMaj images = new DMatrixRMaj(count, cols);
        System.arraycopy(sets.testImages().data, 0, images.data, 0, count * cols);
        int[] labels = new int[count];
        System.arraycopy(sets.testLabels(), 0, labels, 0, count);
        int side = (int) Math.round(Math.sqrt(cols));
        int[] argb = new int[count * side * side];
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < side * side; p++) {
                double ink = p < cols ? Math.max(0, Math.min(1, images.data[i * cols + p])) : 0;
                int grey = (int) Math.round(255 * (1 - ink));
                argb[i * side * side + p] = 0xFF000000 | grey << 16 | grey << 8 | grey;
            }
        }
        return new DigitStrip(images, labels, argb, side);
    }
}
