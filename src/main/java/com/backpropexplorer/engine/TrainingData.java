package com.backpropexplorer.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * The training and test sets as the book's {@code load_mnist(normalize=True, flatten=True)}
 * gives them: one sample a row, integer labels. The matrices are shared, never modified.
 *
 * @param trainImages N×inputs
 * @param trainLabels N class indices
 * @param testImages M×inputs
 * @param testLabels M class indices
 */
public record TrainingData(DMatrixRMaj trainImages, int[] trainLabels, DMatrixRMaj testImages, int[] testLabels) {
    public TrainingData {
        if (trainImages.numRows != trainLabels.length) {
            throw new IllegalArgumentException(trainImages.numRows + " training images but " + trainLabels.length + " labels");
        }
        if (testImages.numRows != testLabels.length) {
            throw new IllegalArgumentException(testImages.numRows + " test images but " + testLabels.length + " labels");
        }
        if (trainImages.numCols != testImages.numCols) {
            throw new IllegalArgumentException("training images have " + trainImages.numCols + " values, test images "
                    + testImages.numCols);
        }
        if (trainLabels.length == 0) {
            throw new IllegalArgumentException("the training set is empty");
        }
    }

    public int trainSize() {
        return trainLabels.length;
    }

    public int testSize() {
        return testLabels.length;
    }

    /** Values per sample (784 for MNIST). */
    public int inputSize() {
        return trainImages.numCols;
    }

    /** One more than the largest label in either set (10 for MNIST). */
    public int classCount() {
        int max = 0;
        for (int t : trainLabels) {
            max = Math.max(max, t);
        }
        for (int t : testLabels) {
            max = Math.max(max, t);
        }
        return max + 1;
    }
}
