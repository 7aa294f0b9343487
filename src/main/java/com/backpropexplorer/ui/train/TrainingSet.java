package com.backpropexplorer.ui.train;

import com.backpropexplorer.engine.TrainingData;

/**
 * The examples a training run uses, loaded once and kept while the app runs.
 *
 * @param data training and test images (one 28×28 image a row) and labels
 * @param name what to call the set on screen, e.g. "MNIST" or "synthetic"
 * @param folder where it was loaded from, or null when generated
 */
public record TrainingSet(TrainingData data, String name, java.nio.file.Path folder) {
}
