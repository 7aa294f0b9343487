package com.backpropexplorer.ui.shared;

import com.backpropexplorer.engine.TwoLayerNet;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The net the learner trained (training view) or opened from a file; none until then. The
 * explainer's mnist lesson, the digit canvas and the gradient check use it in place of their
 * defaults. Whoever sets it hands over a net no other thread touches (a copy), so readers may
 * use it on any one thread, again through a copy. FX thread.
 */
public final class TrainedNet {
    private final ReadOnlyObjectWrapper<TwoLayerNet> net = new ReadOnlyObjectWrapper<>(this, "net");

    /** The net, or null; do not change it (take a {@link #copy()} to compute with). */
    public TwoLayerNet get() {
        return net.get();
    }

    /** A copy of the net to compute with, or null when there is none. */
    public TwoLayerNet copy() {
        TwoLayerNet current = net.get();
        return current == null ? null : current.copy();
    }

    public boolean isPresent() {
        return net.get() != null;
    }

    /** Makes {@code owned} (which nobody else holds or changes) the learner's net. */
    public void set(TwoLayerNet owned) {
        net.set(owned);
    }

    public ReadOnlyObjectProperty<TwoLayerNet> property() {
        return net.getReadOnlyProperty();
    }
}
