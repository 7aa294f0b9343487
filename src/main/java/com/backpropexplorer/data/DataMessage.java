package com.backpropexplorer.data;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * A sentence or phrase of the data package kept as a key of its own bundle
 * ({@code com/backpropexplorer/data/messages.properties}, English, and
 * {@code messages_ja.properties}, Japanese) and its arguments, so that the same error can be
 * printed in English by the command line and shown in the app's language in a dialog.
 *
 * <p>Arguments that are themselves {@code DataMessage}s (a reason inside a sentence) are
 * rendered in the same language; a {@link #list(List) list} joins phrases with the language's
 * separator. Patterns are {@link MessageFormat} patterns: {@code ''} is a quote.
 */
public final class DataMessage {
    /** Base name of the data package's bundle. */
    public static final String BUNDLE = "com.backpropexplorer.data.messages";
    /** The language of {@link #toString()} and of every exception message: the base bundle, English. */
    public static final Locale ENGLISH = Locale.ENGLISH;

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final String LIST = "\u0000list";
    private static final String COMMA_LIST = "\u0000comma";

    private final String key;
    private final Object[] args;

    private DataMessage(String key, Object[] args) {
        this.key = Objects.requireNonNull(key);
        this.args = args.clone();
    }

    /** The message {@code key} of the data bundle with {@code args} for its {0}, {1}, .... */
    public static DataMessage of(String key, Object... args) {
        for (Object arg : args) {
            if (arg instanceof Throwable) {
                // a sentence for the user never shows an exception; a cause goes to DataException's cause
                throw new IllegalArgumentException("an exception as an argument of " + key);
            }
        }
        return new DataMessage(key, args);
    }

    /** Phrases joined by the language's list separator ("; " in English). */
    public static DataMessage list(List<DataMessage> items) {
        return new DataMessage(LIST, items.toArray());
    }

    /** Short phrases joined by the language's comma (", " in English). */
    public static DataMessage commaList(List<DataMessage> items) {
        return new DataMessage(COMMA_LIST, items.toArray());
    }

    /** The bundle key (for tests and logs). */
    public String key() {
        return key;
    }

    /** The arguments, unrendered. */
    public List<Object> args() {
        return Arrays.asList(args.clone());
    }

    /** The text in {@code locale}'s language (English where the bundle has no translation). */
    public String render(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK);
        if (key.equals(LIST) || key.equals(COMMA_LIST)) {
            String separator = bundle.getString(key.equals(LIST) ? "list.separator" : "list.comma");
            StringBuilder joined = new StringBuilder();
            for (Object item : args) {
                joined.append(joined.length() == 0 ? "" : separator).append(renderArg(item, locale));
            }
            return joined.toString();
        }
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            // a programming error, but the user still deserves to see what went wrong
            return "!" + key + "! " + Arrays.toString(args);
        }
        Object[] rendered = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            rendered[i] = renderArg(args[i], locale);
        }
        return new MessageFormat(pattern, locale).format(rendered);
    }

    private static Object renderArg(Object arg, Locale locale) {
        if (arg instanceof DataMessage message) {
            return message.render(locale);
        }
        // paths, URLs and the like as they are; numbers keep MessageFormat's grouping (60,000)
        return arg == null || arg instanceof Number ? arg : arg.toString();
    }

    /** The English text. */
    @Override
    public String toString() {
        return render(ENGLISH);
    }
}
