package com.backpropexplorer.ui.graph;

/**
 * Which way a value travels, and so which of the two fixed colours it wears everywhere:
 * forward values in blue, backward gradients in orange. CSS uses the style class; heatmaps,
 * drawn pixel by pixel, the looked-up colour of app.css that {@link #heatColour()} names.
 */
public enum Flow {
    FORWARD("forward", "-bpe-heat-forward"),
    BACKWARD("backward", "-bpe-heat-backward"),
    NEUTRAL("neutral", "-bpe-heat-neutral");

    /** Negative values in a heatmap: a cool grey, so the sign reads without a third hue. */
    public static final String NEGATIVE_HEAT = "-bpe-heat-negative";

    private final String styleClass;
    private final String heatColour;

    Flow(String styleClass, String heatColour) {
        this.styleClass = styleClass;
        this.heatColour = heatColour;
    }

    public String styleClass() {
        return styleClass;
    }

    /** The looked-up colour of app.css for this flow's positive values in a heatmap. */
    public String heatColour() {
        return heatColour;
    }
}
