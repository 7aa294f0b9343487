package com.backpropexplorer.ui.weights;

import com.backpropexplorer.explain.WeightProbe.Element;

/** L(w) at evenly spaced values of one element, everything else fixed: the chart beside the slider. */
public record LossCurve(long generation, Element element, double[] values, double[] losses) {
}
