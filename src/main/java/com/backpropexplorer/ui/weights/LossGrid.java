package com.backpropexplorer.ui.weights;

import com.backpropexplorer.explain.WeightProbe.Element;

/** L(a, b) on a grid, losses[i][j] at a = aValues[i], b = bValues[j]: the contour map. */
public record LossGrid(long generation, Element a, double[] aValues, Element b, double[] bValues,
                       double[][] losses) {
}
