package com.backpropexplorer.ui.shell;

/** Switches the window to another page, as a click on its sidebar entry does. */
@FunctionalInterface
public interface Navigator {

    /** Shows the page with that id (e.g. "mnist"). */
    void show(String pageId);
}
