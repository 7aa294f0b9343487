package com.backpropexplorer.ui.draw;

import com.backpropexplorer.ui.LookedUpColors;
import com.backpropexplorer.ui.Numbers;
import com.backpropexplorer.ui.graph.Flow;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.util.Duration;

/**
 * Values as a grid of cells in the forward colour, the strongest cell fully opaque and
 * zero transparent (as the explainer's heatmaps): the 28×28 preview of what the net sees, and
 * the hidden layer's 50 activations. Hover a cell for its value.
 */
final class CellStrip extends StackPane {
    private final int columns;
    private final int rows;
    private final int cellWidth;
    private final int cellHeight;
    private final String name;
    private final boolean unitScale;
    private final WritableImage image;
    private double[] values;

    /**
     * @param name what the tooltip calls a value, e.g. "x" or "h"
     * @param unitScale true when values are in [0, 1] and should be shown on that scale
     *     (pixels), false to scale by the largest value (activations)
     */
    CellStrip(String name, int columns, int rows, int cellWidth, int cellHeight, boolean unitScale) {
        this.name = name;
        this.columns = columns;
        this.rows = rows;
        this.cellWidth = cellWidth;
        this.cellHeight = cellHeight;
        this.unitScale = unitScale;
        this.image = new WritableImage(columns * cellWidth, rows * cellHeight);
        ImageView view = new ImageView(image);
        getChildren().add(view);
        getStyleClass().add("cell-strip");
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        Tooltip tip = new Tooltip();
        tip.setShowDelay(Duration.millis(150));
        Tooltip.install(view, tip);
        view.setOnMouseMoved(e -> {
            int c = (int) Math.min(columns - 1, e.getX() / cellWidth);
            int r = (int) Math.min(rows - 1, e.getY() / cellHeight);
            int i = r * columns + c;
            tip.setText(values == null ? "" : name + "[" + i + "] = " + Numbers.full(values[i]));
        });
        show(null);
    }

    /** Shows the values (row-major, columns × rows of them); null clears. */
    void show(double[] shown) {
        this.values = shown;
        double scale = 1;
        if (shown != null && !unitScale) {
            scale = 0;
            for (double v : shown) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        Color base = LookedUpColors.app(Flow.FORWARD.heatColour());
        PixelWriter out = image.getPixelWriter();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                double v = shown == null ? 0 : shown[r * columns + c];
                double strength = scale == 0 ? 0 : Math.min(1, Math.abs(v) / scale);
                Color color = new Color(base.getRed(), base.getGreen(), base.getBlue(), 0.05 + 0.95 * strength);
                for (int y = 0; y < cellHeight; y++) {
                    for (int x = 0; x < cellWidth; x++) {
                        // a one-pixel gap between cells of the strip keeps units apart
                        boolean gap = !unitScale && x == cellWidth - 1;
                        out.setColor(c * cellWidth + x, r * cellHeight + y, gap ? Color.TRANSPARENT : color);
                    }
                }
            }
        }
    }

    /** The values shown (tests), or null. */
    double[] values() {
        return values;
    }

    /** How many cells are inked (tests). */
    int inkedCells() {
        int n = 0;
        if (values != null) {
            for (double v : values) {
                if (v > 0) {
                    n++;
                }
            }
        }
        return n;
    }

    String name() {
        return name;
    }
}
