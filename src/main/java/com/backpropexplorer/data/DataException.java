package com.backpropexplorer.data;

/**
 * An error the user can cause and fix: a missing, corrupt or truncated file, a folder that
 * cannot be written, a download that failed on every mirror.
 *
 * <p>The message is one complete sentence that says what is wrong and what to do about it, so
 * the command line and the app can show {@link #getMessage()} as it is, without a stack trace.
 * The underlying exception, if any, is kept as the cause for {@code --verbose} output.
 */
public class DataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param sentence one user-facing sentence: what is wrong and what to do */
    public DataException(String sentence) {
        super(sentence);
    }

    /**
     * @param sentence one user-facing sentence: what is wrong and what to do
     * @param cause the low-level exception, kept for diagnostics only
     */
    public DataException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
