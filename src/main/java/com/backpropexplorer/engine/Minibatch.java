package com.backpropexplorer.engine;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * One minibatch of the training set, as the book's {@code train_neuralnet.py} takes it:
 * {@code batch_mask = np.random.choice(train_size, batch_size)} ({@link #draw}), then
 * {@code x_batch = x_train[batch_mask]} and {@code t_batch = t_train[batch_mask]}
 * ({@link #gather}). A kernel that reads the training set in place needs only the mask; one that
 * needs the batch as a matrix gathers it. A batch that was gathered (and perhaps changed since,
 * e.g. augmented) is what every kernel trains on.
 *
 * <p>Reused from step to step: it allocates nothing after the first gather.
 */
public final class Minibatch {
    private final TrainingData data;
    private final int[] rows;
    private DMatrixRMaj x;
    private int[] labels;
    private boolean gathered;

    /** @param size rows per batch (the book's {@code batch_size}) */
    public Minibatch(TrainingData data, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a minibatch needs at least one row, not " + size);
        }
        this.data = data;
        this.rows = new int[size];
    }

    /** Draws {@code size} rows of the training set at random, with replacement, as numpy's choice does. */
    public void draw(SplittableRandom random) {
        int trainSize = data.trainSize();
        for (int i = 0; i < rows.length; i++) {
            rows[i] = random.nextInt(trainSize);
        }
        gathered = false;
    }

    /** Copies the drawn rows and their labels into {@link #x()} and {@link #labels()}. */
    public void gather() {
        if (x == null) {
            x = new DMatrixRMaj(rows.length, data.inputSize());
            labels = new int[rows.length];
        }
        DMatrixRMaj source = data.trainImages();
        int cols = source.numCols;
        int[] sourceLabels = data.trainLabels();
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(source.data, rows[i] * cols, x.data, i * cols, cols);
            labels[i] = sourceLabels[rows[i]];
        }
        gathered = true;
    }

    /** True after {@link #gather} until the next {@link #draw}: then {@link #x()} is the batch. */
    public boolean gathered() {
        return gathered;
    }

    /** The number of rows (the book's {@code batch_size}). */
    public int size() {
        return rows.length;
    }

    /** The drawn row indices (the book's {@code batch_mask}); the array is the batch's own, read it only. */
    public int[] rows() {
        return rows;
    }

    /**
     * The batch's images, one a row ({@code x_batch}); the matrix is the batch's own and may be
     * changed in place (an augmentation does).
     *
     * @throws IllegalStateException before {@link #gather}
     */
    public DMatrixRMaj x() {
        requireGathered();
        return x;
    }

    /** The batch's labels ({@code t_batch}); the array is the batch's own. */
    public int[] labels() {
        requireGathered();
        return labels;
    }

    private void requireGathered() {
        if (!gathered) {
            throw new IllegalStateException("the minibatch has not been gathered since it was drawn");
        }
    }
}
