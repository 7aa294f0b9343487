package com.backpropexplorer.engine.fast;

import com.backpropexplorer.engine.TrainingData;

/**
 * The sparse copies of a data set's training and test images (about 27 MB for MNIST's training
 * set instead of 376 MB of doubles), with the labels.
 */
record SparseData(TrainingData source, SparseRows train, SparseRows test) {
    static SparseData of(TrainingData data) {
        return new SparseData(data, SparseRows.of(data.trainImages()), SparseRows.of(data.testImages()));
    }

    int[] trainLabels() {
        return source.trainLabels();
    }

    int[] testLabels() {
        return source.testLabels();
    }
}
