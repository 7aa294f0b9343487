package com.backpropexplorer.data;

import java.io.IOException;

/**
 * A consumer that may throw {@link IOException}, e.g. the code that writes a file's content.
 *
 * @param <T> what is consumed, typically an {@link java.io.OutputStream}
 */
@FunctionalInterface
public interface IoConsumer<T> {
    /** Consumes {@code value}. */
    void accept(T value) throws IOException;
}
