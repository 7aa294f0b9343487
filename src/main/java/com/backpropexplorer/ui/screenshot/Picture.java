package com.backpropexplorer.ui.screenshot;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

/**
 * A rendered window: the picture, and the texts that were on show in it (every visible label
 * and button), so that a picture can be checked for what it claims to show.
 *
 * @param image the window as it was drawn
 * @param texts the texts of the visible labelled controls, in scene order
 */
public record Picture(WritableImage image, List<String> texts) {
    /** Below this standard deviation of the brightness (0-255) a picture counts as blank. */
    public static final double BLANK_BELOW = 8;

    public Picture {
        texts = List.copyOf(texts);
    }

    /** The texts of every visible labelled control under {@code root}. */
    static List<String> textsOf(Parent root) {
        List<String> texts = new ArrayList<>();
        collect(root, texts);
        return texts;
    }

    private static void collect(Node node, List<String> out) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isBlank()) {
            out.add(labeled.getText());
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, out));
        }
    }

    /** True when the picture is (nearly) one colour: nothing was drawn. */
    public boolean isBlank() {
        return brightnessSpread(image) < BLANK_BELOW;
    }

    /** The standard deviation of the pixels' brightness, 0-255, over a grid of samples. */
    public static double brightnessSpread(javafx.scene.image.Image image) {
        PixelReader pixels = image.getPixelReader();
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        if (pixels == null || w == 0 || h == 0) {
            return 0;
        }
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (int y = 0; y < h; y += 2) {
            for (int x = 0; x < w; x += 2) {
                int argb = pixels.getArgb(x, y);
                double luma = 0.299 * (argb >> 16 & 0xFF) + 0.587 * (argb >> 8 & 0xFF) + 0.114 * (argb & 0xFF);
                sum += luma;
                squares += luma * luma;
                n++;
            }
        }
        double mean = sum / n;
        return Math.sqrt(Math.max(0, squares / n - mean * mean));
    }
}
