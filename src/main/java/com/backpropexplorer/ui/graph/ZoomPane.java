package com.backpropexplorer.ui.graph;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleDoubleProperty;
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

    private final Region content;
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1);
    private final ReadOnlyDoubleWrapper scale = new ReadOnlyDoubleWrapper(this, "scale", 1);
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

    public void zoomBy(double factor) {
        zoom.set(Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom.get() * factor)));
    }

    /** Back to "fit", centred. */
    public void reset() {
        panX = 0;
        panY = 0;
        zoom.set(1);
        requestLayout();
    }

    public Node content() {
        return content;
    }

    @Override
    protected void layoutChildren() {
        double w = content.prefWidth(-1);
        double h = content.prefHeight(-1);
        content.resize(w, h);
        double available = Math.max(1, getWidth() - 24);
        double availableH = Math.max(1, getHeight() - 24);
        double fit = Math.min(MAX_FIT_SCALE, Math.min(available / w, availableH / h));
        double s = fit * zoom.get();
        scale.set(s);
        content.setScaleX(s);
        content.setScaleY(s);
        // scaling is about the centre of the node, so centre the unscaled box and let scale grow it
        content.relocate((getWidth() - w) / 2 + panX, (getHeight() - h) / 2 + panY);
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
