package com.backpropexplorer.explain;

/** Which way a stage runs: forward (values) or backward (gradients). */
public enum Direction {
    FORWARD,
    BACKWARD
}
