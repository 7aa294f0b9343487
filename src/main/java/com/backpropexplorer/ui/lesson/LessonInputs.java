package com.backpropexplorer.ui.lesson;

import com.backpropexplorer.explain.Lesson;
import java.util.Map;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * What the learner may change in a lesson that needs no data: its inputs (apple, apple_num, tax
 * …) and, where its nodes fold into one, whether they are folded. Each change gives a new
 * {@link Lesson}, computed again in the background; the graph keeps its place and every value and
 * gradient follows. Which inputs there are is the lesson's data. FX thread.
 */
public final class LessonInputs {
    private final LessonModel model;
    private final EditableLesson source;
    private final ReadOnlyObjectWrapper<Map<String, Double>> values = new ReadOnlyObjectWrapper<>(this, "values");
    private final ReadOnlyBooleanWrapper folded = new ReadOnlyBooleanWrapper(this, "folded");

    public LessonInputs(LessonModel model, EditableLesson source) {
        this.model = model;
        this.source = source;
        refresh();
    }

    /** Whether there is anything to change (inputs or a fold). */
    public boolean hasAny() {
        return !source.lesson().inputs().isEmpty() || foldable();
    }

    /** The inputs by name, in the order the lesson shows them. */
    public ReadOnlyObjectProperty<Map<String, Double>> valuesProperty() {
        return values.getReadOnlyProperty();
    }

    public Map<String, Double> values() {
        return values.get();
    }

    /** The lesson as it starts, for "Reset". */
    public Map<String, Double> startValues() {
        return source.start().inputs();
    }

    /**
     * Sets one input; the lesson is computed again with it.
     *
     * @throws IllegalArgumentException when the value is not a finite number (the lesson says why)
     */
    public void set(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, not " + value);
        }
        if (!source.lesson().inputs().containsKey(name)) {
            throw new IllegalArgumentException("the lesson has no input " + name);
        }
        change(l -> l.withInput(name, value));
    }

    /** Whether the lesson's nodes fold into one (Sigmoid taken apart). */
    public boolean foldable() {
        return source.lesson().foldable();
    }

    public ReadOnlyBooleanProperty foldedProperty() {
        return folded.getReadOnlyProperty();
    }

    /** Folds the nodes into one or takes them apart again; at the end of the pass it stays at the end. */
    public void setFolded(boolean fold) {
        if (fold == source.lesson().folded() || !foldable()) {
            return;
        }
        boolean atEnd = model.trace() != null && model.position() == model.stageCount();
        change(l -> l.withFolded(fold));
        if (atEnd) {
            model.runProperty().addListener(new javafx.beans.value.ChangeListener<LessonRun>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends LessonRun> obs, LessonRun o,
                                    LessonRun n) {
                    obs.removeListener(this);
                    model.moveTo(model.stageCount());
                }
            });
        }
    }

    /** The inputs as the lesson started, folded or not as now. */
    public void restart() {
        boolean fold = source.lesson().folded();
        source.restart();
        change(l -> l.folded() == fold ? l : l.withFolded(fold));
    }

    private void change(UnaryOperator<Lesson> how) {
        source.change(how);
        refresh();
        model.reload();
    }

    private void refresh() {
        values.set(source.lesson().inputs());
        folded.set(source.lesson().folded());
    }
}
