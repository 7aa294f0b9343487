package com.backpropexplorer.engine;

/**
 * What the backward of a two-input node returns, as the book's {@code return dx, dy}: the
 * gradient for its first input x and for its second input y.
 */
public record ScalarGradients(double dx, double dy) {
}
