package com.backpropexplorer.ui.weights;

import com.backpropexplorer.explain.ParameterProbe;
import com.backpropexplorer.explain.WeightProbe.Element;
import java.util.function.Consumer;

/**
 * What the weights engine should do next: a change of the weights (or none), whether the curve
 * and the contour map must be redrawn, for which selection and range, and since when the learner
 * waits (the oldest event merged into it).
 *
 * @param change what to do to the live weights, on the engine thread
 * @param sets the element a plain "set this weight" sets, else null
 * @param absolute true when the change sets every parameter (reset, a step's fraction)
 * @param weightsChange true when the weights may change (the answer then carries a fresh pass)
 * @param curveToo true when the loss curve and the contour map must be computed again
 * @param requestedAt System.nanoTime() of the oldest event this request covers
 * @param gen the probe generation (the lesson's run) the request was made for
 * @param a the selected element, or null
 * @param b the second element (the contour map's), or null
 * @param min the slider's range for {@code a}
 * @param max the slider's range for {@code a}
 * @param bMin the contour map's range for {@code b}
 * @param bMax the contour map's range for {@code b}
 */
record EngineRequest(Consumer<ParameterProbe> change, Element sets, boolean absolute, boolean weightsChange,
                     boolean curveToo, long requestedAt, long gen, Element a, Element b, double min, double max,
                     double bMin, double bMax) {

    /**
     * This request replaced by a newer one. The older change is dropped when the newer one
     * makes it irrelevant (it sets every parameter, or the same weight again); otherwise
     * both run in order, so a reset is never lost behind a slider event.
     */
    EngineRequest then(EngineRequest next) {
        boolean drop = next.absolute || (next.sets != null && next.sets.equals(sets));
        Consumer<ParameterProbe> change = drop ? next.change : this.change.andThen(next.change);
        Element sets = drop ? next.sets : null;
        boolean absolute = next.absolute || (!drop && this.absolute);
        return new EngineRequest(change, sets, absolute, weightsChange || next.weightsChange,
                curveToo || next.curveToo, requestedAt, next.gen, next.a, next.b, next.min, next.max, next.bMin,
                next.bMax);
    }
}
