package com.backpropexplorer.cli;

/**
 * A runtime problem the user can fix, outside the data package's {@link
 * com.backpropexplorer.data.DataException} (e.g. training diverged): one sentence, exit code 1.
 */
final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UserError(String sentence) {
        super(sentence);
    }
}
