package com.backpropexplorer.ui.code;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Whether the lessons show the code pane: one switch for all of them, kept across a language
 * switch. Until someone decides (the learner's click on Code, a screenshot), the first lesson
 * page laid out decides by its width: shown where the graph keeps room beside it, hidden on a
 * small window (the Code button brings it back).
 */
public final class CodeVisibility {
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown", true);
    private boolean decided;

    public ReadOnlyBooleanProperty shownProperty() {
        return shown;
    }

    public boolean isShown() {
        return shown.get();
    }

    /** Shows or hides the pane for good: the window's width decides no more. */
    public void set(boolean on) {
        decided = true;
        shown.set(on);
    }

    /** The first page's say, unless it was decided already. */
    void decide(boolean roomy) {
        if (!decided) {
            decided = true;
            shown.set(roomy);
        }
    }
}
