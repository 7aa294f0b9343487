package com.backpropexplorer.ui.graph;

import com.backpropexplorer.explain.Tensor;
import com.backpropexplorer.explain.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.scene.Node;

/**
 * Every tensor view of the graph with where its tensor comes from in a pass, so that a new pass
 * of the same net (a weight being dragged) is shown by refreshing the views in place instead of
 * building new nodes (each new node costs a CSS pass).
 */
final class Binder {
    private record Bound(Node view, Function<Trace, Tensor> source) {
    }

    private final List<Bound> bound = new ArrayList<>();

    /** Remembers that {@code view} shows {@code source} of the pass. */
    void bind(Node view, Function<Trace, Tensor> source) {
        bound.add(new Bound(view, source));
    }

    void clear() {
        bound.clear();
    }

    /** Shows {@code next}'s numbers in the views; false when some view cannot take them (rebuild). */
    boolean refresh(Trace next) {
        for (Bound b : bound) {
            if (!TensorViews.update(b.view(), b.source().apply(next))) {
                return false;
            }
        }
        return true;
    }
}
