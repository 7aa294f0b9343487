package com.backpropexplorer.ui.graph;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * Shows its content scaled to fit (so the graph grows and shrinks with the window), times a
 * zoom factor the learner controls with Ctrl+wheel or the zoom buttons, and panned by
 * dragging. Zoom 1 means "fit".
 */
public final class ZoomPane extends Region {
    public static final double MIN_ZOOM = 0.5;
    public static final double MAX_ZOOM = 4;
    /** Fitting never blows the graph up beyond this, so a big window does not show giant boxes. */
    private static final double MAX_FIT_SCALE = 1.45;
    /**
     * Nor shrinks it below this at first, so its numbers stay readable on a laptop (at 1000×650
     * the whole tiny graph fitted at about 5 px a digit): the rest is dragged into view. "Fit"
     * (reset) fits it whole.
     */
    public static final double READABLE_SCALE = 0.8;

    private final Region content;
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1);
    private final ReadOnlyDoubleWrapper scale = new ReadOnlyDoubleWrapper(this, "scale", 1);
    private double minFit = READABLE_SCALE;
    private double panX;
    private double panY;
    private double dragStartX;
    private double dragStartY;
    private double panStartX;
    private double panStartY;

    public ZoomPane(Region content) {
        this.content = content;
        getStyleClass().add("zoom-pane");
        getChildren().add(content);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        zoom.addListener((obs, o, n) -> requestLayout());

        addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.isShortcutDown() || e.isControlDown()) {
                zoomBy(e.getDeltaY() > 0 ? 1.1 : 1 / 1.1);
                e.consume();
            }
        });
        setOnMousePressed(e -> {
            if (e.getButton() == MouseButton.PRIMARY || e.getButton() == MouseButton.MIDDLE) {
                dragStartX = e.getX();
                dragStartY = e.getY();
                panStartX = panX;
                panStartY = panY;
            }
        });
        setOnMouseDragged(e -> {
            panX = panStartX + e.getX() - dragStartX;
            panY = panStartY + e.getY() - dragStartY;
            requestLayout();
        });
    }

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    /** The scale the content is drawn at (fit × zoom). */
    public ReadOnlyDoubleProperty scaleProperty() {
        return scale.getReadOnlyProperty();
    }

    /** The scale at which the whole content would fit the pane now (what "Fit" shows at zoom 1). */
    public double fitScale() {
        double w = content.prefWidth(-1);
        double h = content.prefHeight(-1);
        return Math.min(MAX_FIT_SCALE, Math.min(Math.max(1, getWidth() - 24) / w, Math.max(1, getHeight() - 24) / h));
    }

    public void zoomBy(double factor) {
        zoom.set(Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom.get() * factor)));
    }

    /** Back to "fit", centred. */
    public void reset() {
        minFit = 0;
        panX = 0;
        panY = 0;
        zoom.set(1);
        requestLayout();
    }

    /**
     * Pans (no zoom) so that {@code target}, a node of the content, is inside the pane, if it
     * fits: at the readable scale the graph may be wider than the pane, and the stage being
     * shown must not be off at the side.
     */
    public void keepInView(Node target) {
        if (target == null || getWidth() <= 0 || target.getScene() == null) {
            return;
        }
        Bounds b = sceneToLocal(target.localToScene(target.getBoundsInLocal()));
        panX += shift(b.getMinX(), b.getMaxX(), getWidth());
        panY += shift(b.getMinY(), b.getMaxY(), getHeight());
        requestLayout();
    }

    /** How far to move [min, max] to bring it inside [margin, room − margin]; 0 when it is, or cannot be. */
    private static double shift(double min, double max, double room) {
        double margin = 12;
        if (max - min > room - 2 * margin) {
            return 0;
        }
        if (min < margin) {
            return margin - min;
        }
        if (max > room - margin) {
            return room - margin - max;
        }
        return 0;
    }

    public Node content() {
        return content;
    }

    @Override
    protected void layoutChildren() {
        double w = content.prefWidth(-1);
        double h = content.prefHeight(-1);
        content.resize(w, h);
        double fit = Math.max(Math.min(minFit, MAX_FIT_SCALE), fitScale());
        double s = fit * zoom.get();
        scale.set(s);
        content.setScaleX(s);
        content.setScaleY(s);
        // scaling is about the centre of the node, so centre the unscaled box and let scale grow
        // it; what is wider (taller) than the pane starts at its left (top) edge: where x enters
        content.relocate(start(getWidth(), w, s) + panX, start(getHeight(), h, s) + panY);
    }

    /** Where the unscaled box goes along one axis so that, scaled by s about its centre, it is centred or starts at the edge. */
    private static double start(double room, double length, double s) {
        double scaled = length * s;
        return scaled > room - 24 ? 12 - length / 2 + scaled / 2 : (room - length) / 2;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 600;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 400;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 100;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 100;
    }
}
