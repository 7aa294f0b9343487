package com.backpropexplorer.ui.draw;

import com.backpropexplorer.ui.LookedUpColors;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.scene.Cursor;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TouchEvent;
import javafx.scene.input.TouchPoint;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;

/**
 * The paper on screen, 1:1, and the pointer on it: mouse and pen (which arrive as mouse
 * events) and one-finger touch. Strokes go to the {@link DrawModel}; the picture is repainted
 * from the model's ink, only where it changed. A ring shows the brush under the pointer.
 */
final class DrawingSurface extends Pane {
    private final DrawModel model;
    private final WritableImage image = new WritableImage(DrawModel.PAPER, DrawModel.PAPER);
    private final Circle brush = new Circle();
    private final Consumer<Paper.Region> onInk = this::paint;
    private final int[] buffer = new int[DrawModel.PAPER * DrawModel.PAPER];
    private int paperArgb;
    private int inkArgb;
    private int touchId = -1;

    DrawingSurface(DrawModel model, boolean dark) {
        this.model = model;
        setId("draw-canvas");
        setPrefSize(DrawModel.PAPER, DrawModel.PAPER);
        setMinSize(DrawModel.PAPER, DrawModel.PAPER);
        setMaxSize(DrawModel.PAPER, DrawModel.PAPER);
        setClip(new Rectangle(DrawModel.PAPER, DrawModel.PAPER));
        setCursor(Cursor.CROSSHAIR);

        ImageView view = new ImageView(image);
        view.setMouseTransparent(true);
        brush.getStyleClass().add("brush-ring");
        brush.setMouseTransparent(true);
        brush.setManaged(false);
        brush.setVisible(false);
        brush.radiusProperty().bind(Bindings.createDoubleBinding(() -> model.radiusProperty().get()
                * (model.toolProperty().get() == DrawModel.Tool.ERASER ? Paper.ERASER_SCALE : 1),
                model.radiusProperty(), model.toolProperty()));
        getChildren().addAll(view, brush);

        addEventHandler(MouseEvent.MOUSE_PRESSED, this::mousePressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::mouseDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::mouseReleased);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> moveBrush(e.getX(), e.getY()));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> brush.setVisible(false));
        addEventHandler(TouchEvent.TOUCH_PRESSED, this::touchPressed);
        addEventHandler(TouchEvent.TOUCH_MOVED, this::touchMoved);
        addEventHandler(TouchEvent.TOUCH_RELEASED, this::touchReleased);

        setDark(dark);
    }

    /** Starts listening to the model (when the page is shown). */
    void attach() {
        model.addInkListener(onInk);
        paint(Paper.Region.all(DrawModel.PAPER));
    }

    /** Stops listening (when the page goes), so the model does not keep this node. */
    void detach() {
        model.removeInkListener(onInk);
    }

    /**
     * Light ink on dark paper in the dark theme, dark on light otherwise, as app.css says
     * ({@code -bpe-paper}, {@code -bpe-ink}); the net sees the same either way.
     */
    void setDark(boolean dark) {
        paperArgb = argb(LookedUpColors.app("-bpe-paper", dark));
        inkArgb = argb(LookedUpColors.app("-bpe-ink", dark));
        getStyleClass().remove("dark-paper");
        if (dark) {
            getStyleClass().add("dark-paper");
        }
        paint(Paper.Region.all(DrawModel.PAPER));
    }

    // ------------------------------------------------------------ pointer

    private void mousePressed(MouseEvent e) {
        // touch screens also send synthesized mouse events; the touch handlers draw those
        if (e.isSynthesized() || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        model.beginStroke(e.getX(), e.getY());
        moveBrush(e.getX(), e.getY());
        e.consume();
    }

    private void mouseDragged(MouseEvent e) {
        if (e.isSynthesized() || !e.isPrimaryButtonDown()) {
            return;
        }
        model.extendStroke(e.getX(), e.getY());
        moveBrush(e.getX(), e.getY());
        e.consume();
    }

    private void mouseReleased(MouseEvent e) {
        if (e.isSynthesized() || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        model.endStroke();
        e.consume();
    }

    private void touchPressed(TouchEvent e) {
        if (touchId == -1) {
            TouchPoint point = e.getTouchPoint();
            touchId = point.getId();
            model.beginStroke(point.getX(), point.getY());
        }
        e.consume();
    }

    private void touchMoved(TouchEvent e) {
        TouchPoint point = e.getTouchPoint();
        if (point.getId() == touchId) {
            model.extendStroke(point.getX(), point.getY());
        }
        e.consume();
    }

    private void touchReleased(TouchEvent e) {
        if (e.getTouchPoint().getId() == touchId) {
            touchId = -1;
            model.endStroke();
        }
        e.consume();
    }

    private void moveBrush(double x, double y) {
        brush.setCenterX(x);
        brush.setCenterY(y);
        brush.setVisible(true);
    }

    // ------------------------------------------------------------ painting

    private static int argb(Color c) {
        return 0xFF000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    private void paint(Paper.Region region) {
        int side = DrawModel.PAPER;
        int pr = paperArgb >> 16 & 0xFF;
        int pg = paperArgb >> 8 & 0xFF;
        int pb = paperArgb & 0xFF;
        int ir = inkArgb >> 16 & 0xFF;
        int ig = inkArgb >> 8 & 0xFF;
        int ib = inkArgb & 0xFF;
        for (int y = region.y(); y < region.y() + region.height(); y++) {
            for (int x = region.x(); x < region.x() + region.width(); x++) {
                double v = model.inkAt(x, y);
                int r = (int) Math.round(pr + v * (ir - pr));
                int g = (int) Math.round(pg + v * (ig - pg));
                int b = (int) Math.round(pb + v * (ib - pb));
                buffer[y * side + x] = 0xFF000000 | r << 16 | g << 8 | b;
            }
        }
        image.getPixelWriter().setPixels(region.x(), region.y(), region.width(), region.height(),
                PixelFormat.getIntArgbInstance(), buffer, region.y() * side + region.x(), side);
    }
}
