package com.backpropexplorer.ui.graph;

import javafx.scene.paint.Color;

/**
 * Which way a value travels, and so which of the two fixed colours it wears everywhere:
 * forward values in blue, backward gradients in orange. CSS uses the style class; heatmaps,
 * drawn pixel by pixel, use the colour (the same hues as {@code -bpe-forward} and
 * {@code -bpe-backward} in app.css).
 */
public enum Flow {
    FORWARD("forward", Color.web("#1f6feb")),
    BACKWARD("backward", Color.web("#e8590c")),
    NEUTRAL("neutral", Color.web("#57606a"));

    /** Negative values in a heatmap: a cool grey, so the sign reads without a third hue. */
    public static final Color NEGATIVE = Color.web("#6e7781");

    private final String styleClass;
    private final Color color;

    Flow(String styleClass, Color color) {
        this.styleClass = styleClass;
        this.color = color;
    }

    public String styleClass() {
        return styleClass;
    }

    public Color color() {
        return color;
    }
}
