package com.backpropexplorer.ui.lesson;

/** MNIST is not on this machine; the message says where it was looked for. */
public final class MnistMissingException extends Exception {
    private static final long serialVersionUID = 1L;

    public MnistMissingException(String message) {
        super(message);
    }
}
