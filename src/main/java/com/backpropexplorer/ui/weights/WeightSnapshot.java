package com.backpropexplorer.ui.weights;

import com.backpropexplorer.explain.Trace;
import com.backpropexplorer.explain.WeightProbe.Element;

/**
 * What the engine thread answers after a weight moved, immutable: the selected element's value,
 * the loss, dL/dw by backprop and by central differences, the second element (for the contour
 * map's arrow), and the fresh pass (null when the weights did not change).
 *
 * @param generation which probe answered (a reloaded lesson starts a new one; old answers are dropped)
 * @param requestedAt System.nanoTime() of the oldest slider event this answer covers
 * @param engineNanos how long the engine took for it
 */
public record WeightSnapshot(long generation, Element element, double value, double loss, double backprop,
                             double numerical, Element second, double secondValue, double secondBackprop,
                             Trace trace, long requestedAt, long engineNanos) {

    /** backprop − numerical. */
    public double difference() {
        return backprop - numerical;
    }
}
