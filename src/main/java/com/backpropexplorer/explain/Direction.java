package com.backpropexplorer.explain;

/** Which way a stage runs: forward (values), backward (gradients), or the parameter update after them. */
public enum Direction {
    FORWARD,
    BACKWARD,
    /** The optimizer's step {@code W ← W − η·dW} after the backward pass reached the first layer. */
    UPDATE
}
