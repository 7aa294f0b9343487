package com.backpropexplorer.ui.draw;

/**
 * A handwritten-looking "3" drawn through the model's own stroke API, as a pointer would draw
 * it: for screenshots and demos, so they show the page doing its work.
 */
public final class SampleDigit {
    private SampleDigit() {
    }

    /** Draws a "3" of two strokes (upper and lower bowl) on the paper. Call on the FX thread. */
    public static void drawThree(DrawModel model) {
        arc(model, 165, 112, 58, 46, 200, 440);
        arc(model, 160, 212, 68, 58, 265, 515);
    }

    private static void arc(DrawModel model, double cx, double cy, double rx, double ry, double fromDeg, double toDeg) {
        int steps = 28;
        for (int i = 0; i <= steps; i++) {
            double a = Math.toRadians(fromDeg + (toDeg - fromDeg) * i / steps);
            double x = cx + rx * Math.cos(a);
            double y = cy + ry * Math.sin(a);
            if (i == 0) {
                model.beginStroke(x, y);
            } else {
                model.extendStroke(x, y);
            }
        }
        model.endStroke();
    }
}
