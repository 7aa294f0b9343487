package com.backpropexplorer.ui.train;

/** A request the training view turns down (open while training, save with nothing to save): its notice says why. */
final class Refused extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final transient Notice notice;

    Refused(Notice notice) {
        super(notice.key());
        this.notice = notice;
    }

    Notice notice() {
        return notice;
    }
}
