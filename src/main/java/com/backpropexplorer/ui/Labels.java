package com.backpropexplorer.ui;

import java.util.function.Function;
import javafx.util.StringConverter;

/** How choice boxes and combo boxes show their items: in words, never parsed back. */
public final class Labels {
    private Labels() {
    }

    /** Shows each item as {@code toText} says (null as nothing). */
    public static <T> StringConverter<T> of(Function<T, String> toText) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : toText.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }
}
