package com.backpropexplorer.ui.shell;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The status line at the bottom of the window: a sentence on the left, a short note on the right. */
public final class StatusLine {
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final StringProperty right = new SimpleStringProperty(this, "right", "");

    /** Shows a sentence (already in the learner's language). */
    public void show(String sentence) {
        text.set(sentence);
    }

    public String text() {
        return text.get();
    }

    public StringProperty textProperty() {
        return text;
    }

    /** The right end of the line (e.g. the launch time). */
    public StringProperty rightProperty() {
        return right;
    }
}
