package com.backpropexplorer.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;

/**
 * What a learner cannot read in a laid-out window: labels and buttons whose text JavaFX cut
 * ("St…", "1000("), text fields too narrow for their text, and controls that stick out of the
 * window. Only what is visible counts; nodes inside a scroll pane or a clipped pane (the graph,
 * which is panned) may be scrolled away, so only their text is checked. Call on the FX thread.
 */
public final class LayoutAudit {
    private LayoutAudit() {
    }

    /** One sentence per problem, empty when everything visible can be read. */
    public static List<String> problems(Scene scene) {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        List<String> out = new ArrayList<>();
        Bounds window = scene.getRoot().localToScene(scene.getRoot().getLayoutBounds());
        visit(scene.getRoot(), window, true, out);
        return out;
    }

    /**
     * @param area what the node must lie inside (the window, or the viewport of a scroll pane
     *     that fits its content to its width), or null where it may be scrolled or panned away
     * @param vertically whether to check the top and bottom too (not inside a scroll pane)
     */
    private static void visit(Node node, Bounds area, boolean vertically, List<String> out) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        Bounds b = node.localToScene(node.getLayoutBounds());
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isBlank()) {
            String shown = displayed(labeled);
            if (shown != null && !shown.equals(labeled.getText())) {
                out.add(describe(node) + " shows \"" + shown + "\" of \"" + labeled.getText() + "\"");
            }
            outside(node, b, area, vertically, out);
        } else if (node instanceof TextField field && field.getText() != null && !field.getText().isEmpty()) {
            Text probe = new Text(field.getText());
            probe.setFont(field.getFont());
            double room = field.getWidth() - field.snappedLeftInset() - field.snappedRightInset();
            if (probe.getLayoutBounds().getWidth() > room + 0.5) {
                out.add(describe(node) + " is too narrow for \"" + field.getText() + "\" ("
                        + Math.round(room) + " px for " + Math.round(probe.getLayoutBounds().getWidth()) + ")");
            }
            outside(node, b, area, vertically, out);
        } else if (node instanceof Control || node.getStyleClass().contains("chart-canvas")) {
            outside(node, b, area, vertically, out);
        }
        if (node instanceof ScrollPane pane) {
            // its scroll bars belong to the window, its content to the viewport
            Node viewport = pane.lookup(".viewport");
            Bounds inner = pane.isFitToWidth() && viewport != null
                    ? viewport.localToScene(viewport.getLayoutBounds()) : null;
            if (Boolean.getBoolean("audit.debug")) {
                System.out.println("scroll pane " + describe(pane) + " " + pane.localToScene(pane.getLayoutBounds())
                        + " viewport " + inner + " content " + (pane.getContent() == null ? null
                        : pane.getContent().localToScene(pane.getContent().getLayoutBounds())));
            }
            for (Node child : pane.getChildrenUnmodifiable()) {
                boolean content = child == viewport;
                visit(child, content ? inner : area, !content && vertically, out);
            }
        } else if (node instanceof Parent parent && !(node instanceof Labeled)) {
            // a clipped pane (the graph's zoom pane) is panned; a scroll pane's own clip is not that
            boolean panned = node.getClip() != null && !node.getStyleClass().contains("viewport")
                    && !node.getStyleClass().contains("clipped-container");
            Bounds inner = panned ? null : area;
            for (Node child : parent.getChildrenUnmodifiable()) {
                visit(child, inner, vertically, out);
            }
        }
    }

    /** The text the skin draws, or null when it draws none yet. */
    private static String displayed(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text text && child.getStyleClass().contains("text")) {
                return text.getText();
            }
        }
        return null;
    }

    private static void outside(Node node, Bounds b, Bounds area, boolean vertically, List<String> out) {
        if (area == null || b.getWidth() <= 0 || b.getHeight() <= 0) {
            return;
        }
        if (b.getMinX() < area.getMinX() - 1 || b.getMaxX() > area.getMaxX() + 1
                || vertically && (b.getMinY() < area.getMinY() - 1 || b.getMaxY() > area.getMaxY() + 1)) {
            out.add(describe(node) + " sticks out of " + (vertically ? "the window" : "its pane") + ": "
                    + Math.round(b.getMinX()) + "," + Math.round(b.getMinY()) + " to " + Math.round(b.getMaxX())
                    + "," + Math.round(b.getMaxY()));
        }
    }

    private static String describe(Node node) {
        String id = node.getId() != null ? "#" + node.getId() : "";
        String cls = String.join(".", node.getStyleClass());
        String where = "";
        for (Node p = node.getParent(); p != null; p = p.getParent()) {
            if (p.getId() != null) {
                where = " in #" + p.getId();
                break;
            }
        }
        return node.getClass().getSimpleName() + id + (cls.isEmpty() ? "" : "." + cls) + where;
    }
}
