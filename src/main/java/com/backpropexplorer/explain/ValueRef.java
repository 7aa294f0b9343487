package com.backpropexplorer.explain;

/**
 * Where a value of the graph is found in a pass: the tensor {@code name} of stage {@code stage}
 * (among its inputs, outputs, cache and gradients), known once stage {@code readyAfter} has run,
 * or from the start when {@code readyAfter} is −1 (inputs, parameters, labels).
 *
 * <p>Positions count stages done, as in the app's stepping: at position p the stages
 * 0 … p−1 have run, so the value is known when {@code p > readyAfter}.
 */
public record ValueRef(int stage, String name, int readyAfter) {

    /** A value given before anything runs (x, W1, t, apple …), read from stage {@code stage}. */
    public static ValueRef given(int stage, String name) {
        return new ValueRef(stage, name, -1);
    }

    /** A value that stage {@code stage} produces under {@code name}. */
    public static ValueRef producedBy(int stage, String name) {
        return new ValueRef(stage, name, stage);
    }

    /** Whether the value exists after {@code position} stages. */
    public boolean knownAt(int position) {
        return readyAfter < 0 || position > readyAfter;
    }

    /** The tensor in a pass of this lesson. */
    public Tensor in(Trace trace) {
        return trace.stage(stage).get(name);
    }
}
