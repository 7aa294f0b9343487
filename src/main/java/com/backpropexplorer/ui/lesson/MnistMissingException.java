package com.backpropexplorer.ui.lesson;

/** MNIST is not on this machine; the message says where it was looked for. */
public final class MnistMissingException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Keeps {@code cause}, so the window can say it in its own language (I18n.describe). */
    public MnistMissingException(com.backpropexplorer.data.DataException cause) {
        super(cause.getMessage(), cause);
    }
}
