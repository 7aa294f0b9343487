package com.backpropexplorer.engine;

import java.util.Arrays;

/**
 * Which class the net predicted for each sample of a labelled set, counted as a table: row
 * {@code t} is the true class, column {@code p} the predicted one, so the diagonal holds the
 * right answers and its sum divided by the number of samples is the accuracy of the same pass.
 * Keeps the predictions, so the samples behind one cell can be listed (the digits a learner
 * wants to look at). Immutable.
 */
public final class ConfusionMatrix {
    private final int classes;
    private final int[] labels;
    private final int[] predicted;
    private final int[][] counts;

    /**
     * @param labels the true class of each sample (kept, not copied: the data set's own array)
     * @param predicted the predicted class of each sample (copied)
     * @param classes the number of classes (10 for MNIST)
     */
    public ConfusionMatrix(int[] labels, int[] predicted, int classes) {
        if (labels.length != predicted.length) {
            throw new IllegalArgumentException(labels.length + " labels but " + predicted.length + " predictions");
        }
        this.classes = classes;
        this.labels = labels;
        this.predicted = predicted.clone();
        this.counts = new int[classes][classes];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes || this.predicted[i] < 0 || this.predicted[i] >= classes) {
                throw new IllegalArgumentException("sample " + i + " has class " + labels[i] + " predicted as "
                        + this.predicted[i] + ", outside 0.." + (classes - 1));
            }
            counts[labels[i]][this.predicted[i]]++;
        }
    }

    public int classes() {
        return classes;
    }

    /** The number of samples of class {@code truth} predicted as {@code guess}. */
    public int count(int truth, int guess) {
        return counts[truth][guess];
    }

    /** A copy of the table, rows the true class, columns the predicted one. */
    public int[][] counts() {
        int[][] copy = new int[classes][];
        for (int t = 0; t < classes; t++) {
            copy[t] = counts[t].clone();
        }
        return copy;
    }

    /** The number of samples counted. */
    public int total() {
        return labels.length;
    }

    /** The diagonal's sum: samples predicted right. */
    public int correct() {
        int sum = 0;
        for (int c = 0; c < classes; c++) {
            sum += counts[c][c];
        }
        return sum;
    }

    /** {@link #correct()} / {@link #total()}, the book's accuracy (0 for no samples). */
    public double accuracy() {
        return labels.length == 0 ? 0 : (double) correct() / labels.length;
    }

    /** The indices (into the data set) of the samples of class {@code truth} predicted as {@code guess}, ascending. */
    public int[] samples(int truth, int guess) {
        int[] out = new int[counts[truth][guess]];
        int n = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == truth && predicted[i] == guess) {
                out[n++] = i;
            }
        }
        return out;
    }

    /** The predicted class of sample {@code index}. */
    public int predicted(int index) {
        return predicted[index];
    }

    @Override
    public String toString() {
        return "ConfusionMatrix" + Arrays.deepToString(counts);
    }
}
