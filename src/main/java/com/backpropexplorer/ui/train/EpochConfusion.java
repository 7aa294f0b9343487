package com.backpropexplorer.ui.train;

import com.backpropexplorer.engine.ConfusionMatrix;
import com.backpropexplorer.engine.TwoLayerNet;

/**
 * The test set's confusion matrix at one epoch boundary of the page's run, with a copy of the
 * weights that made it (so a digit of it can be opened in the step-through as that net read it).
 *
 * @param iteration the update after which it was counted (over all runs of the page)
 */
public record EpochConfusion(int iteration, ConfusionMatrix matrix, TwoLayerNet net) {
}
