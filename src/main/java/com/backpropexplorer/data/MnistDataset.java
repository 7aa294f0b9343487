package com.backpropexplorer.data;

import java.util.Objects;
import org.ejml.data.DMatrixRMaj;

/**
 * One split of MNIST (training or test): images as rows of a matrix, the way the book's
 * {@code load_mnist(normalize=True, flatten=True)} returns them, and their labels.
 *
 * <p>The image matrix is shared, not copied (the training set is 376 MB of doubles):
 * callers must treat {@link #images()} as read-only.
 */
public final class MnistDataset {
    /** Number of classes (digits 0..9). */
    public static final int CLASSES = 10;

    private final DMatrixRMaj images;
    private final int[] labels;
    private final int rows;
    private final int cols;

    /**
     * @param images N × (rows·cols), values in [0, 1]
     * @param labels N labels in 0..9
     * @param rows image height (28 for MNIST)
     * @param cols image width (28 for MNIST)
     * @throws IllegalArgumentException if the shapes disagree or a label is out of range
     */
    public MnistDataset(DMatrixRMaj images, int[] labels, int rows, int cols) {
        this.images = Objects.requireNonNull(images);
        this.labels = labels.clone();
        this.rows = rows;
        this.cols = cols;
        if (images.numRows != labels.length || images.numCols != rows * cols) {
            throw new IllegalArgumentException("images " + images.numRows + "×" + images.numCols + " do not match "
                    + labels.length + " labels of " + rows + "×" + cols + " images");
        }
        for (int label : labels) {
            if (label < 0 || label >= CLASSES) {
                throw new IllegalArgumentException("label " + label + " is not a digit 0..9");
            }
        }
    }

    /** Number of images. */
    public int size() {
        return labels.length;
    }

    /** Image height in pixels (28). */
    public int rows() {
        return rows;
    }

    /** Image width in pixels (28). */
    public int cols() {
        return cols;
    }

    /** All images, one per row, N × 784, pixels in [0, 1]. Shared: do not modify. */
    public DMatrixRMaj images() {
        return images;
    }

    /** A copy of the labels, digits 0..9. */
    public int[] labels() {
        return labels.clone();
    }

    /** The label of image {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    /** The labels as a new N × 10 one-hot matrix ({@code one_hot_label=True} in the book). */
    public DMatrixRMaj oneHot() {
        DMatrixRMaj oneHot = new DMatrixRMaj(labels.length, CLASSES);
        for (int i = 0; i < labels.length; i++) {
            oneHot.unsafe_set(i, labels[i], 1.0);
        }
        return oneHot;
    }

    /** Image {@code i} as a new rows × cols matrix (28 × 28), e.g. to draw it. */
    public DMatrixRMaj image(int i) {
        DMatrixRMaj image = new DMatrixRMaj(rows, cols);
        System.arraycopy(images.data, i * images.numCols, image.data, 0, images.numCols);
        return image;
    }

    /** The images at {@code indices} as a new batch matrix, one row each (a mini-batch). */
    public DMatrixRMaj images(int[] indices) {
        DMatrixRMaj batch = new DMatrixRMaj(indices.length, images.numCols);
        for (int r = 0; r < indices.length; r++) {
            System.arraycopy(images.data, indices[r] * images.numCols, batch.data, r * images.numCols, images.numCols);
        }
        return batch;
    }

    /** The labels at {@code indices}, in order (a mini-batch's targets). */
    public int[] labels(int[] indices) {
        int[] batch = new int[indices.length];
        for (int r = 0; r < indices.length; r++) {
            batch[r] = labels[indices[r]];
        }
        return batch;
    }

    /** The first {@code n} images and labels as a new, smaller dataset (for quick runs and tests). */
    public MnistDataset head(int n) {
        int count = Math.min(n, size());
        DMatrixRMaj part = new DMatrixRMaj(count, images.numCols);
        System.arraycopy(images.data, 0, part.data, 0, count * images.numCols);
        int[] partLabels = new int[count];
        System.arraycopy(labels, 0, partLabels, 0, count);
        return new MnistDataset(part, partLabels, rows, cols);
    }
}
