package com.backpropexplorer.ui.code;

import javafx.beans.property.BooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.MouseEvent;

/**
 * Puts the code pane into a lesson page's split pane, left of the graph, and takes it out
 * again when the learner hides it, so that the graph gets the room back. Whether it is shown
 * is a property the app keeps for every lesson (a language switch rebuilds the page, not it).
 * Until the learner drags its divider, the pane takes about a third of the width, within
 * limits, whatever the window's size.
 */
public final class CodeDock {
    /** The share of the split the code pane takes when shown, and its limits in pixels. */
    private static final double CODE_SHARE = 0.34;
    private static final double MIN_WIDTH = 240;
    private static final double MAX_WIDTH = 560;

    private final SplitPane split;
    private final CodePane pane;
    private final BooleanProperty shown;
    /** Where the inspector starts (its divider) while the code is hidden. */
    private double inspectorStart;
    /** Set once the learner drags a divider: from then on the widths are theirs. */
    private boolean userSized;

    /**
     * @param split the page's split pane: graph first, inspector last
     * @param toggle the header's "Code" button, bound to {@code shown}
     * @param shown whether the pane is shown
     */
    public CodeDock(SplitPane split, CodePane pane, ToggleButton toggle, BooleanProperty shown) {
        this.split = split;
        this.pane = pane;
        this.shown = shown;
        double[] positions = split.getDividerPositions();
        inspectorStart = positions.length == 0 ? 0.725 : positions[positions.length - 1];
        toggle.selectedProperty().bindBidirectional(shown);
        shown.addListener((obs, o, n) -> apply());
        // after the split pane's own layout of the new width, which moves the dividers itself
        split.widthProperty().addListener((obs, o, n) -> javafx.application.Platform.runLater(this::place));
        split.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getTarget() instanceof Node n && n.getStyleClass().contains("split-pane-divider")) {
                userSized = true;
            }
        });
        apply();
    }

    private void apply() {
        boolean in = split.getItems().contains(pane);
        if (shown.get() == in) {
            return;
        }
        double[] before = split.getDividerPositions();
        if (shown.get()) {
            inspectorStart = before.length == 0 ? inspectorStart : before[before.length - 1];
            split.getItems().add(0, pane);
            place();
        } else {
            split.getItems().remove(pane);
            if (before.length == 2) {
                split.setDividerPositions(before[1]); // the inspector keeps its width
            }
        }
    }

    /** The code a third of the width (within limits), the inspector where it was. */
    private void place() {
        if (!split.getItems().contains(pane)) {
            return;
        }
        double width = split.getWidth();
        double[] now = split.getDividerPositions();
        double inspector = userSized && now.length == 2 ? now[1] : inspectorStart;
        if (userSized && now.length == 2) {
            return;
        }
        double code = width <= 0 ? CODE_SHARE
                : Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, CODE_SHARE * width)) / width;
        split.setDividerPositions(Math.min(code, inspector * 0.6), inspector);
    }

    /** The code pane (for tests). */
    public Node pane() {
        return pane;
    }
}
