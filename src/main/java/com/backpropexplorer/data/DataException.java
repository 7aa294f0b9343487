package com.backpropexplorer.data;

import java.util.Locale;

/**
 * An error the user can cause and fix: a missing, corrupt or truncated file, a folder that
 * cannot be written, a download that failed on every mirror.
 *
 * <p>The message is one complete sentence that says what is wrong and what to do about it. It
 * is kept as a key of the data package's bundle and its arguments ({@link DataMessage}), so
 * {@link #getMessage()} is the English sentence (what the command line prints, without a
 * stack trace) and {@link #message(Locale)} the same sentence in the app's language. The
 * underlying exception, if any, is kept as the cause for {@code --verbose} output.
 */
public class DataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient DataMessage sentence;

    /**
     * @param key a key of the data bundle: one sentence, what is wrong and what to do
     * @param args the sentence's arguments (paths, numbers, nested {@link DataMessage}s)
     */
    public DataException(String key, Object... args) {
        this(DataMessage.of(key, args), null);
    }

    /**
     * @param cause the low-level exception, kept for diagnostics only
     * @param key a key of the data bundle: one sentence, what is wrong and what to do
     * @param args the sentence's arguments
     */
    public DataException(Throwable cause, String key, Object... args) {
        this(DataMessage.of(key, args), cause);
    }

    /**
     * @param sentence one user-facing sentence: what is wrong and what to do
     * @param cause the low-level exception, or null
     */
    public DataException(DataMessage sentence, Throwable cause) {
        super(sentence.toString(), cause);
        this.sentence = sentence;
    }

    /** The sentence as a key and arguments, e.g. to render it later in another language. */
    public DataMessage sentence() {
        return sentence;
    }

    /** The sentence in {@code locale}'s language (English where there is no translation). */
    public String message(Locale locale) {
        return sentence == null ? getMessage() : sentence.render(locale);
    }

    /**
     * What to tell the user about {@code error} in {@code locale}'s language: a DataException's
     * sentence in that language (also when it is the cause of a wrapper such as
     * CompletionException), else the error's own message, else its class name.
     */
    public static String describe(Throwable error, Locale locale) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof DataException data) {
                return data.message(locale);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        if (error == null) {
            return "";
        }
        return error.getMessage() != null ? error.getMessage() : error.toString();
    }
}
