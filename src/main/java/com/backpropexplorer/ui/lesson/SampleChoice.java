package com.backpropexplorer.ui.lesson;

import com.backpropexplorer.explain.Lesson;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * One sample of the batch or the whole batch: which row the learner picked (its row is
 * highlighted in every matrix, its share of dW and db shown), and whether the lesson runs on
 * that sample alone (N = 1) to compare. FX thread.
 */
public final class SampleChoice {
    private final LessonModel model;
    private final ReadOnlyIntegerWrapper row = new ReadOnlyIntegerWrapper(this, "row", -1);
    private final ReadOnlyBooleanWrapper alone = new ReadOnlyBooleanWrapper(this, "alone", false);

    SampleChoice(LessonModel model) {
        this.model = model;
    }

    /** The picked row of the whole batch, or −1 for none (the batch as a whole). */
    public ReadOnlyIntegerProperty rowProperty() {
        return row.getReadOnlyProperty();
    }

    public int row() {
        return row.get();
    }

    /** Whether the lesson runs on the picked sample alone (N = 1). */
    public ReadOnlyBooleanProperty aloneProperty() {
        return alone.getReadOnlyProperty();
    }

    public boolean isAlone() {
        return alone.get();
    }

    /** The picked sample's row in the matrices on show: its own row, or 0 when it runs alone; −1 for none. */
    public int shownRow() {
        return row.get() < 0 ? -1 : alone.get() ? 0 : row.get();
    }

    /** How many samples the whole batch has (what the learner can pick from); 0 when the lesson has no batch. */
    public int batchSize() {
        LessonRun run = model.run();
        return run == null || run.lesson() == null || run.trace().x() == null ? 0 : run.lesson().fullBatchSize();
    }

    /** Picks a sample (−1: the whole batch). Running alone, the lesson reruns on the new sample. */
    public void pick(int sample) {
        if (sample >= batchSize()) {
            throw new IllegalArgumentException("no sample " + sample + " in a batch of " + batchSize());
        }
        row.set(sample);
        if (alone.get()) {
            if (sample < 0) {
                setAlone(false);
            } else {
                rerun(lesson().withSample(sample));
            }
        }
    }

    /** Runs the picked sample alone (N = 1), or the whole batch again; the position stays. */
    public void setAlone(boolean on) {
        LessonRun run = model.run();
        if (run == null || run.lesson() == null || on == alone.get() || on && row.get() < 0) {
            return;
        }
        alone.set(on);
        rerun(on ? lesson().withSample(row.get()) : lesson().withWholeBatch());
    }

    /** A new pass from the source starts on the whole batch again. */
    void reset() {
        alone.set(false);
        if (row.get() >= batchSize()) {
            row.set(-1);
        }
    }

    private Lesson lesson() {
        return model.run().lesson();
    }

    private void rerun(Lesson lesson) {
        model.show(LessonRun.of(lesson), model.position());
    }
}
