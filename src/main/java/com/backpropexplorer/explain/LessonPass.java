package com.backpropexplorer.explain;

import com.backpropexplorer.engine.EmptyCacheException;
import com.backpropexplorer.explain.code.Listing;
import java.util.List;
import java.util.Map;

/**
 * What a lesson runs on and how: the net or the shopping graph with its current values.
 * Immutable: every change gives a new pass. One implementation per kind of lesson.
 */
interface LessonPass {

    /** Forward, backward and (for nets) the update with learning rate {@code lr}. Pure. */
    Trace run(Example example, double lr);

    /** The engine's own exception for backward on empty caches, on a fresh copy. */
    EmptyCacheException backwardBeforeForward();

    /** Short and language-neutral: "2-3-2, N = 2, seed 1". */
    String description();

    /** The code the lesson shows, with its current numbers written in. */
    Listing listing();

    /** The pass with other parameters (the next iteration). */
    default LessonPass withParams(Map<String, Tensor> params) {
        throw new UnsupportedOperationException("this lesson has no parameters to update");
    }

    /** The editable numbers (apple, tax, x …), in the order the lesson shows them; empty for nets. */
    default Map<String, Double> inputs() {
        return Map.of();
    }

    default LessonPass withInput(String name, double value) {
        throw new UnsupportedOperationException("this lesson has no input " + name);
    }

    /** The rows of the whole batch. */
    default int fullBatchSize() {
        return 1;
    }

    /** The row the pass runs alone, or −1 for the whole batch. */
    default int sample() {
        return -1;
    }

    /** The pass on one row of the batch (N = 1), or on all of it (−1). */
    default LessonPass onSample(int row) {
        throw new UnsupportedOperationException("this lesson has no batch to pick a sample from");
    }

    default List<Preset> presets() {
        return List.of();
    }

    default String preset() {
        return "";
    }

    default LessonPass withPreset(String id) {
        throw new UnsupportedOperationException("this lesson has no preset " + id);
    }

    /** Whether the lesson can fold its nodes into one (Sigmoid taken apart). */
    default boolean foldable() {
        return false;
    }

    default boolean folded() {
        return false;
    }

    default LessonPass withFolded(boolean fold) {
        throw new UnsupportedOperationException("this lesson has nothing to fold");
    }

    /** The book's printed numbers for this pass, or null when it does not run on the book's values. */
    default BookValues book(Trace trace) {
        return null;
    }
}
