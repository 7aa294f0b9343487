package com.backpropexplorer.explain;

import java.util.Locale;

/** The three lessons: the book's simpleNet, a tiny TwoLayerNet, and 784-50-10 on MNIST. */
public enum Example {
    SIMPLE,
    TINY,
    MNIST;

    /** "simple", "tiny" or "mnist", as on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Example parse(String text) {
        for (Example e : values()) {
            if (e.id().equalsIgnoreCase(text.trim())) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown example '" + text + "': use simple, tiny or mnist");
    }
}
