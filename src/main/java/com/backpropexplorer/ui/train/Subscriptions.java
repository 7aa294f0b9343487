package com.backpropexplorer.ui.train;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

/**
 * The listeners a page puts on models that outlive it, so that it can take them all off when it
 * goes (and be collected): a language switch builds a new page on the same models.
 */
final class Subscriptions {
    private final List<Runnable> undo = new ArrayList<>();

    <T> void listen(ObservableValue<T> value, ChangeListener<? super T> listener) {
        value.addListener(listener);
        undo.add(() -> value.removeListener(listener));
    }

    /** Something to do when the page goes. */
    void add(Runnable undoIt) {
        undo.add(undoIt);
    }

    void cancelAll() {
        undo.forEach(Runnable::run);
        undo.clear();
    }
}
