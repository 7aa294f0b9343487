package com.backpropexplorer.ui;

import java.util.List;

/**
 * Something to tell the user, kept as a bundle key and its arguments rather than as text, so
 * it is said in the language of the moment when shown (a language switch says it again). An
 * argument that is an exception is said as {@link I18n#describe} says it.
 *
 * @param key a key of the window's bundle
 * @param args its arguments
 */
public record Sentence(String key, List<Object> args) {

    public Sentence {
        args = List.copyOf(args);
    }

    public static Sentence of(String key, Object... args) {
        return new Sentence(key, List.of(args));
    }

    /** The sentence in {@code i18n}'s language. */
    public String text(I18n i18n) {
        Object[] shown = args.toArray();
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] instanceof Throwable t) {
                shown[i] = i18n.describe(t);
            }
        }
        return i18n.text(key, shown);
    }
}
