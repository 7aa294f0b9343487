package com.backpropexplorer.ui.gradcheck;

import com.backpropexplorer.explain.Tensor;
import com.backpropexplorer.ui.LookedUpColors;
import java.util.Locale;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.util.Duration;

/**
 * The relative error of each element of a weight matrix, on a log scale: green where backprop
 * and the numerical gradient agree to 1e−9 or better, yellow around 1e−6, red from 1e−3 up.
 * A tall matrix (W1 is 784×50) is drawn transposed, one row per hidden unit. Hover for the
 * element, both gradients and the error.
 */
public final class ErrorHeatmap extends StackPane {
    /** log10 of the error at the green end and at the red end of the scale. */
    public static final double LOW = -10;
    public static final double HIGH = -2;
    /** The scale's colours in app.css, from the green end to the red end, and for an error that is not finite. */
    private static final String[] STOPS = {"-bpe-error-low", "-bpe-error-middle", "-bpe-error-high"};
    private static final String NOT_FINITE = "-bpe-error-none";

    private final boolean transposed;

    public ErrorHeatmap(Tensor relative, Tensor backprop, Tensor numerical, double maxWidth, double maxHeight) {
        getStyleClass().add("heatmap");
        transposed = relative.rows() > relative.cols() && relative.rows() > 8;
        int rows = transposed ? relative.cols() : relative.rows();
        int cols = transposed ? relative.rows() : relative.cols();
        double cw = Math.max(1, Math.min(40, Math.floor(maxWidth / cols)));
        double ch = Math.max(1, Math.min(40, Math.floor(maxHeight / rows)));
        int width = (int) (cw * cols);
        int height = (int) (ch * rows);
        WritableImage image = new WritableImage(width, height);
        PixelWriter out = image.getPixelWriter();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (int) (y / ch);
                int c = (int) (x / cw);
                double v = transposed ? relative.get(c, r) : relative.get(r, c);
                out.setColor(x, y, colour(v));
            }
        }
        ImageView view = new ImageView(image);
        getChildren().add(view);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setUserData(relative);
        Tooltip tip = new Tooltip();
        tip.setShowDelay(Duration.millis(120));
        Tooltip.install(view, tip);
        view.setOnMouseMoved(e -> {
            int r = (int) Math.min(rows - 1, e.getY() / ch);
            int c = (int) Math.min(cols - 1, e.getX() / cw);
            int i = transposed ? c : r;
            int j = transposed ? r : c;
            tip.setText(String.format(Locale.ROOT, "%s[%d][%d]\nbackprop   %.6e\nnumerical  %.6e\nrelative   %.2e",
                    relative.name(), i, j, backprop.get(i, j), numerical.get(i, j), relative.get(i, j)));
        });
    }

    /** Whether the picture shows the matrix transposed (one row per column of it). */
    public boolean isTransposed() {
        return transposed;
    }

    /** The colour of an error: its log10 placed between LOW (green) and HIGH (red). */
    public static Color colour(double error) {
        if (!Double.isFinite(error)) {
            return LookedUpColors.app(NOT_FINITE);
        }
        double lg = error <= 0 ? LOW : Math.log10(error);
        double t = Math.max(0, Math.min(1, (lg - LOW) / (HIGH - LOW)));
        double s = t * (STOPS.length - 1);
        int k = (int) Math.min(STOPS.length - 2, Math.floor(s));
        return LookedUpColors.app(STOPS[k]).interpolate(LookedUpColors.app(STOPS[k + 1]), s - k);
    }

    /** The colour scale as a small bar, for the legend. */
    public static ImageView legend(int width, int height) {
        WritableImage image = new WritableImage(width, height);
        for (int x = 0; x < width; x++) {
            double lg = LOW + (HIGH - LOW) * x / (width - 1.0);
            Color c = colour(Math.pow(10, lg));
            for (int y = 0; y < height; y++) {
                image.getPixelWriter().setColor(x, y, c);
            }
        }
        return new ImageView(image);
    }
}
