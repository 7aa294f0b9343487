package com.backpropexplorer.ui.shell;

import javafx.scene.Node;
import javafx.scene.input.KeyEvent;

/**
 * One page of the window (a lesson, the training view, the digit canvas, the gradient check): a
 * small self-contained component that builds its view from the view-models it is given. Pages
 * are rebuilt when the language changes, so they keep their state in those view-models (which
 * outlive them), not in their nodes.
 */
public interface Page {

    /** The page's view, shown in the centre of the window. */
    Node view();

    /** Called each time the page becomes the visible one (e.g. to start loading its data). */
    default void shown() {
    }

    /** Called when another page replaces it or the scene is rebuilt; stop clocks here. */
    default void hidden() {
    }

    /** The window's shortcut keys (arrows, Space, Home) go here first; true if consumed. */
    default boolean handleKey(KeyEvent event) {
        return false;
    }

    /** What File → Export PNG writes, or null when the page has nothing to export. */
    default Node exportable() {
        return null;
    }

    /** Resets zoom and pan (View → Zoom reset), if the page has any. */
    default void resetZoom() {
    }

    /** Zooms in (factor &gt; 1) or out, if the page can. */
    default void zoomBy(double factor) {
    }
}
