package com.backpropexplorer.ui.lesson;

import com.backpropexplorer.explain.WeightProbe.Element;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The parameter elements the learner picked: the one the weights panel moves (W1[0][1],
 * b2[1], ...) and a second one, the contour map's other axis. The two are never the same
 * element, and a new pass drops a choice it has no such element for. FX thread.
 */
final class ElementChoice {
    private final ReadOnlyObjectWrapper<Element> first = new ReadOnlyObjectWrapper<>(this, "selectedElement");
    private final ReadOnlyObjectWrapper<Element> second = new ReadOnlyObjectWrapper<>(this, "secondElement");

    ReadOnlyObjectProperty<Element> firstProperty() {
        return first.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Element> secondProperty() {
        return second.getReadOnlyProperty();
    }

    /** Picks the element the weights panel moves; the second one is dropped if it is the same. */
    void select(Element e) {
        if (e != null && e.equals(second.get())) {
            second.set(first.get());
        }
        first.set(e);
    }

    /** Picks the second element (shift-click); the first if none is chosen yet. */
    void selectSecond(Element e) {
        if (first.get() == null || first.get().equals(e)) {
            select(e);
            return;
        }
        second.set(e);
    }

    void clearSecond() {
        second.set(null);
    }

    /** Drops what {@code run} has no element for (a lesson of other shapes): both when the first goes. */
    void keepFitting(LessonRun run) {
        if (first.get() != null && !fits(run, first.get())) {
            first.set(null);
            second.set(null);
        } else if (second.get() != null && !fits(run, second.get())) {
            second.set(null);
        }
    }

    private static boolean fits(LessonRun run, Element e) {
        var p = run.trace().params().get(e.param());
        return p != null && e.row() < p.rows() && e.col() < p.cols();
    }
}
