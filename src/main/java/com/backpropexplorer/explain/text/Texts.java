package com.backpropexplorer.explain.text;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The sentences that belong to the lessons themselves (titles, subtitles, the comments of the
 * code listings, notes beside the book's printed numbers, the bug lab's reveals), in English
 * ({@code messages.properties}) and Japanese ({@code messages_ja.properties}). A lesson is data:
 * its texts live here, not in the window's bundle, so adding one touches no view.
 */
public final class Texts {
    /** Base name of the bundles. */
    public static final String BUNDLE = "com.backpropexplorer.explain.messages";

    private Texts() {
    }

    /** Japanese for any ja_* locale, English otherwise. */
    public static Locale supported(Locale wanted) {
        return "ja".equals(wanted.getLanguage()) ? Locale.JAPANESE : Locale.ENGLISH;
    }

    /** The text of a key with {0}, {1}… filled in (MessageFormat); "!key!" when it is missing. */
    public static String text(Locale locale, String key, Object... args) {
        Locale language = supported(locale);
        // no fallback to the OS locale: English asked on a Japanese machine must stay English
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return new MessageFormat(pattern, language).format(args);
    }

    /** Whether the English bundle has the key. */
    public static boolean has(String key) {
        return ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).containsKey(key);
    }
}
