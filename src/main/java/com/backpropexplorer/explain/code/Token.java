package com.backpropexplorer.explain.code;

/**
 * A variable named on a line: {@code self.x}, {@code dout}, {@code self.params['W1']},
 * {@code apple_price}. Columns count characters of {@link Line#code()} (and so of the rendered
 * line, where the comment only comes after the code).
 *
 * @param start first column, 0-based
 * @param end one past the last column
 * @param text the name as written
 */
public record Token(int start, int end, String text) {
}
