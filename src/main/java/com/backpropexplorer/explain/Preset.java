package com.backpropexplorer.explain;

/**
 * A named set of starting values a lesson offers: simpleNet's W as the book prints it, or the
 * W of a reader's own random run.
 *
 * @param id stable, e.g. {@code book}
 * @param labelKey its label in the explain bundle
 * @param fromTheBook whether these are the book's printed numbers (then the book's values apply)
 */
public record Preset(String id, String labelKey, boolean fromTheBook) {
}
