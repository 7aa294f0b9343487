package com.backpropexplorer.ui.graph;

import javafx.css.PseudoClass;

/** The graph's CSS states: what app.css styles as the learner steps. */
final class GraphStates {
    /** A value has travelled along this arrow (or reached this terminal). */
    static final PseudoClass CARRIED = PseudoClass.getPseudoClass("carried");
    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    static final PseudoClass CURRENT_FORWARD = PseudoClass.getPseudoClass("current-forward");
    static final PseudoClass CURRENT_BACKWARD = PseudoClass.getPseudoClass("current-backward");
    /** A cache card before its layer ran forward. */
    static final PseudoClass EMPTY = PseudoClass.getPseudoClass("empty");
    /** A cache card that a refused backward step would have read. */
    static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");
    /** A gradient header before backward produced the gradient. */
    static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");

    private GraphStates() {
    }
}
