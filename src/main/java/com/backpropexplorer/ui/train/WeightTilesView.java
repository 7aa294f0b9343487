package com.backpropexplorer.ui.train;

import com.backpropexplorer.ui.LookedUpColors;
import com.backpropexplorer.ui.graph.Flow;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;

/**
 * W1's columns as 28×28 tiles: one ImageView over one WritableImage whose pixels are replaced
 * in place (a single copy of ARGB values, coloured by the heatmaps' colours of the CSS) each
 * time new weights arrive, a few times a second. Scaled to the width it gets, without
 * smoothing, so every weight stays a crisp square.
 */
final class WeightTilesView extends Region {
    private static final double MAX_SCALE = 3;
    private final ImageView view = new ImageView();
    private WritableImage image;
    private int updates;

    WeightTilesView() {
        view.setSmooth(false);
        view.setPreserveRatio(true);
        getChildren().add(view);
        getStyleClass().add("weight-tiles");
        setId("weightTiles");
    }

    /** Draws {@code picture}, or nothing when null. */
    void show(WeightPicture picture) {
        if (picture == null) {
            view.setImage(null);
            image = null;
            return;
        }
        if (image == null || (int) image.getWidth() != picture.width() || (int) image.getHeight() != picture.height()) {
            image = new WritableImage(picture.width(), picture.height());
            view.setImage(image);
            requestLayout();
        }
        image.getPixelWriter().setPixels(0, 0, picture.width(), picture.height(), PixelFormat.getIntArgbInstance(),
                picture.argb(LookedUpColors.app(Flow.FORWARD.heatColour()), LookedUpColors.app(Flow.NEGATIVE_HEAT)), 0,
                picture.width());
        updates++;
    }

    /** How many pictures have been drawn (tests). */
    int updates() {
        return updates;
    }

    WritableImage image() {
        return image;
    }

    @Override
    protected double computePrefWidth(double height) {
        return image == null ? 300 : image.getWidth() * 1.6 + snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        if (image == null) {
            return 150;
        }
        double inner = (width > 0 ? width : computePrefWidth(-1)) - snappedLeftInset() - snappedRightInset();
        double scale = Math.min(MAX_SCALE, inner / image.getWidth());
        return image.getHeight() * scale + snappedTopInset() + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        if (image == null) {
            return;
        }
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        double scale = Math.min(MAX_SCALE, Math.min(w / image.getWidth(), h / image.getHeight()));
        view.setFitWidth(image.getWidth() * scale);
        view.setFitHeight(image.getHeight() * scale);
        view.relocate(snappedLeftInset(), snappedTopInset());
    }

    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.HORIZONTAL;
    }
}
