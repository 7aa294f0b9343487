package com.backpropexplorer.ui.code;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.MouseEvent;

/**
 * Puts the code pane into a lesson page's split pane, left of the graph, and takes it out
 * again when the learner hides it, so that the graph gets the room back. Until the learner
 * drags its divider, the pane takes about a third of the width, within limits, and leaves the
 * graph at least {@link #GRAPH_ROOM}; where that leaves too little for the code, the pane starts
 * hidden ({@link CodeVisibility}).
 */
public final class CodeDock {
    /** The share of the split the code pane takes when shown, and its limits in pixels. */
    private static final double CODE_SHARE = 0.34;
    private static final double MIN_WIDTH = 240;
    private static final double MAX_WIDTH = 560;
    /** What the graph area keeps beside the code (its panels: weights, numerical gradient). */
    static final double GRAPH_ROOM = 560;

    private final SplitPane split;
    private final CodePane pane;
    private final CodeVisibility visibility;
    /** Where the inspector starts (its divider) while the code is hidden. */
    private double inspectorStart;
    /** Set once the learner drags a divider: from then on the widths are theirs. */
    private boolean userSized;
    // strong reference: the visibility outlives the page
    private final ChangeListener<Boolean> onShown;

    /**
     * @param split the page's split pane: graph first, inspector last
     * @param toggle the header's "Code" button
     * @param visibility whether the pane is shown (one for all lessons)
     */
    public CodeDock(SplitPane split, CodePane pane, ToggleButton toggle, CodeVisibility visibility) {
        this.split = split;
        this.pane = pane;
        this.visibility = visibility;
        double[] positions = split.getDividerPositions();
        inspectorStart = positions.length == 0 ? 0.725 : positions[positions.length - 1];
        toggle.setSelected(visibility.isShown());
        toggle.selectedProperty().addListener((obs, o, n) -> {
            if (n != visibility.isShown()) {
                visibility.set(n);
            }
        });
        onShown = (obs, o, n) -> {
            toggle.setSelected(n);
            apply();
        };
        visibility.shownProperty().addListener(new WeakChangeListener<>(onShown));
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
        if (visibility.isShown() == in) {
            return;
        }
        double[] before = split.getDividerPositions();
        if (visibility.isShown()) {
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

    /** The code a third of the width (within limits), the graph its room, the inspector where it was. */
    private void place() {
        double width = split.getWidth();
        if (width <= 0) {
            return;
        }
        double code = Math.min(MAX_WIDTH, Math.min(CODE_SHARE * width, inspectorStart * width - GRAPH_ROOM));
        visibility.decide(code >= MIN_WIDTH);
        if (!split.getItems().contains(pane) || userSized) {
            return;
        }
        split.setDividerPositions(Math.max(MIN_WIDTH, code) / width, inspectorStart);
    }

    /** The code pane (for tests). */
    public Node pane() {
        return pane;
    }
}
