package com.backpropexplorer.ui.graph;

import com.backpropexplorer.explain.Tensor;
import com.backpropexplorer.ui.LookedUpColors;
import com.backpropexplorer.ui.Numbers;
import java.util.function.DoubleFunction;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.util.Duration;

/**
 * Draws a tensor the way its size allows: a bracketed grid of numbers when it is small (the
 * tiny and simple lessons), a 28×28 picture per row when rows are MNIST images, a heatmap
 * with the number under the pointer otherwise. The node returned carries the tensor as
 * userData; each number cell carries its exact value as userData (tests read them).
 */
public final class TensorViews {
    /** Above this many elements, or columns, a tensor is a picture, not a grid of numbers. */
    public static final int MAX_GRID_ELEMENTS = 16;
    private static final int MAX_GRID_COLUMNS = 4;
    private static final int IMAGE_SIDE = 28;
    /** A batch of up to this many MNIST rows is drawn as digits; more (like W1ᵀ) as a heatmap. */
    private static final int MAX_IMAGES = 8;

    /** Where the tensor is shown, which decides how many digits and how big. */
    public enum Density {
        GRAPH(Numbers::compact, 150, 64),
        INSPECTOR(Numbers::precise, 200, 110);

        final DoubleFunction<String> format;
        final double maxWidth;
        final double maxHeight;

        Density(DoubleFunction<String> format, double maxWidth, double maxHeight) {
            this.format = format;
            this.maxWidth = maxWidth;
            this.maxHeight = maxHeight;
        }
    }

    private TensorViews() {
    }

    /** A view of the tensor, coloured by its flow. */
    public static Node of(Tensor tensor, Flow flow, Density density) {
        Node view;
        if (tensor.isScalar()) {
            view = scalar(tensor, flow, density);
        } else if (tensor.size() <= MAX_GRID_ELEMENTS && tensor.cols() <= MAX_GRID_COLUMNS) {
            view = grid(tensor, flow, density);
        } else if (tensor.cols() == IMAGE_SIDE * IMAGE_SIDE && tensor.rows() <= MAX_IMAGES) {
            view = images(tensor, flow, density == Density.GRAPH ? 2 : 2.2);
        } else {
            view = heatmap(tensor, flow, density.maxWidth, density.maxHeight);
        }
        if (view instanceof Region region) {
            // a matrix keeps its own width: stretched brackets would float away from the numbers
            region.setMaxWidth(Region.USE_PREF_SIZE);
            region.setMinWidth(Region.USE_PREF_SIZE);
            region.setMaxHeight(Region.USE_PREF_SIZE);
        }
        view.setUserData(tensor);
        view.getStyleClass().add(flow.styleClass());
        view.getProperties().put(Flow.class, flow);
        view.getProperties().put(Density.class, density);
        return view;
    }

    /**
     * Shows new values in a view {@link #of} made, without making new nodes (new nodes cost a
     * CSS pass each; a learner dragging a weight makes many passes a second).
     *
     * @return false when the view cannot take the tensor in place (another kind or shape): build a new one
     */
    public static boolean update(Node view, Tensor tensor) {
        Object old = view.getUserData();
        Flow flow = (Flow) view.getProperties().get(Flow.class);
        Density density = (Density) view.getProperties().get(Density.class);
        if (!(old instanceof Tensor before) || flow == null || before.rows() != tensor.rows()
                || before.cols() != tensor.cols() || !before.name().equals(tensor.name())) {
            return false;
        }
        if (before == tensor || before.equals(tensor)) {
            // the engine hands the same snapshot again for what did not change: nothing to redraw
            view.setUserData(tensor);
            return true;
        }
        if (view instanceof GridPane grid) {
            boolean mask = tensor.name().equals("mask");
            for (Node child : grid.getChildren()) {
                if (child instanceof Label cell) {
                    int r = GridPane.getRowIndex(cell) == null ? 0 : GridPane.getRowIndex(cell);
                    int c = GridPane.getColumnIndex(cell) == null ? 0 : GridPane.getColumnIndex(cell);
                    setCell(cell, tensor.get(r, c), density, mask);
                }
            }
        } else if (view instanceof StackPane box && box.getStyleClass().contains("scalar-box")
                && box.getChildren().get(0) instanceof Label cell) {
            setCell(cell, tensor.value(), density, false);
            cell.setText(scalarText(tensor.value(), density));
        } else if (view instanceof StackPane frame && frame.getChildren().get(0) instanceof ImageView image) {
            // the same image, repainted: no new texture, no new node
            paint(writable(image), tensor, flow, 0, tensor.rows(), tensor.cols(), tensor.cols());
        } else if (view instanceof HBox strip && strip.getStyleClass().contains("image-strip")) {
            double scale = scaleOf(tensor);
            for (int r = 0; r < tensor.rows(); r++) {
                ImageView image = (ImageView) ((StackPane) strip.getChildren().get(r)).getChildren().get(0);
                paint(writable(image), tensor, flow, scale, r * tensor.cols(), IMAGE_SIDE, IMAGE_SIDE, IMAGE_SIDE);
                image.getParent().setUserData(tensor);
            }
        } else {
            return false;
        }
        view.setUserData(tensor);
        return true;
    }

    private static void setCell(Label cell, double value, Density density, boolean mask) {
        cell.setText(mask ? (value != 0 ? "T" : "F") : density.format.apply(value));
        cell.setUserData(value);
        if (mask) {
            cell.getStyleClass().remove("masked");
            if (value != 0) {
                cell.getStyleClass().add("masked");
            }
        }
        Object tip = cell.getProperties().get(Tooltip.class);
        if (tip instanceof Tooltip t) {
            t.setText(Numbers.full(value));
        }
    }

    /** A number the book prints short (100, 2.2, 715) as the book does; any other as the density's format. */
    private static String scalarText(double value, Density density) {
        String plain = Numbers.plain(value);
        return plain != null ? plain : density.format.apply(value);
    }

    private static Node scalar(Tensor tensor, Flow flow, Density density) {
        Label label = cell(tensor.value(), density, false);
        label.setText(scalarText(tensor.value(), density));
        label.getStyleClass().addAll("scalar");
        StackPane box = new StackPane(label);
        box.getStyleClass().addAll("matrix", "scalar-box");
        return box;
    }

    /** Numbers in rows and columns between brackets; the ReLU mask as T/F like NumPy prints it. */
    private static Node grid(Tensor tensor, Flow flow, Density density) {
        boolean mask = tensor.name().equals("mask");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("matrix");
        for (int r = 0; r < tensor.rows(); r++) {
            for (int c = 0; c < tensor.cols(); c++) {
                Label cell = cell(tensor.get(r, c), density, mask);
                cell.setId(null);
                GridPane.setConstraints(cell, c, r);
                grid.getChildren().add(cell);
            }
        }
        return grid;
    }

    private static Label cell(double value, Density density, boolean mask) {
        Label cell = new Label(mask ? (value != 0 ? "T" : "F") : density.format.apply(value));
        cell.getStyleClass().add("matrix-cell");
        cell.setMinWidth(Region.USE_PREF_SIZE);
        if (mask && value != 0) {
            cell.getStyleClass().add("masked");
        }
        cell.setUserData(value);
        cell.setAlignment(Pos.CENTER_RIGHT);
        cell.setMaxWidth(Double.MAX_VALUE);
        lazyTooltip(cell, () -> {
            Tooltip tip = new Tooltip(Numbers.full((Double) cell.getUserData()));
            tip.setShowDelay(Duration.millis(250));
            return tip;
        });
        return cell;
    }

    /** A heatmap whose tooltip follows the pointer: "[row, col] = value". */
    public static Node heatmap(Tensor tensor, Flow flow, double maxWidth, double maxHeight) {
        double cellW = clamp(maxWidth / tensor.cols(), 0.2, 16);
        double cellH = clamp(maxHeight / tensor.rows(), 0.08, 16);
        int width = (int) Math.max(4, Math.round(tensor.cols() * cellW));
        int height = (int) Math.max(4, Math.round(tensor.rows() * cellH));
        WritableImage picture = new WritableImage(width, height);
        paint(picture, tensor, flow, 0, tensor.rows(), tensor.cols(), tensor.cols());
        ImageView view = new ImageView(picture);
        installValueTooltip(view, tensor, (x, y) -> new int[] {
            (int) Math.min(tensor.rows() - 1, y / height * tensor.rows()),
            (int) Math.min(tensor.cols() - 1, x / width * tensor.cols())});
        StackPane frame = new StackPane(view);
        frame.getStyleClass().add("heatmap");
        return frame;
    }

    /** Each row of an N×784 tensor as a 28×28 picture, side by side. */
    public static Node images(Tensor tensor, Flow flow, double scale) {
        HBox strip = new HBox();
        strip.getStyleClass().add("image-strip");
        for (int r = 0; r < tensor.rows(); r++) {
            strip.getChildren().add(image(tensor, r, flow, scale));
        }
        return strip;
    }

    /** Row {@code row} of the tensor (784 values) as one 28×28 picture. */
    public static Node image(Tensor tensor, int row, Flow flow, double scale) {
        int side = (int) Math.round(IMAGE_SIDE * scale);
        WritableImage picture = new WritableImage(side, side);
        paint(picture, tensor, flow, scaleOf(tensor), row * tensor.cols(), IMAGE_SIDE, IMAGE_SIDE, IMAGE_SIDE);
        ImageView view = new ImageView(picture);
        Tooltip[] tip = new Tooltip[1];
        lazyTooltip(view, () -> {
            tip[0] = new Tooltip();
            tip[0].setShowDelay(Duration.millis(150));
            return tip[0];
        });
        view.setOnMouseMoved(e -> {
            if (tip[0] == null) {
                return;
            }
            int r = (int) Math.min(IMAGE_SIDE - 1, e.getY() / scale);
            int c = (int) Math.min(IMAGE_SIDE - 1, e.getX() / scale);
            Tensor now = view.getParent() != null && view.getParent().getUserData() instanceof Tensor t ? t : tensor;
            tip[0].setText(shownName(view, now) + "[" + row + ", " + (r * IMAGE_SIDE + c) + "] = "
                    + Numbers.full(now.get(row, r * IMAGE_SIDE + c)));
        });
        StackPane frame = new StackPane(view);
        frame.getStyleClass().add("heatmap");
        frame.setUserData(tensor);
        return frame;
    }

    /**
     * The key of a node property naming what its values are called where they are shown: the
     * edge after Affine2 is headed "out", and its tooltip must not call its cells "x[1, 4]" (the
     * tensor's name as the next layer reads it).
     */
    public static final String SHOWN_NAME = "bpe.shownName";

    private static String shownName(Node view, Tensor tensor) {
        for (Node n = view; n != null; n = n.getParent()) {
            if (n.getProperties().get(SHOWN_NAME) instanceof String name) {
                return name;
            }
        }
        return tensor.name();
    }

    private interface CellPicker {
        int[] at(double x, double y);
    }

    private static void installValueTooltip(ImageView view, Tensor tensor, CellPicker picker) {
        Tooltip[] tip = new Tooltip[1];
        lazyTooltip(view, () -> {
            tip[0] = new Tooltip();
            tip[0].setShowDelay(Duration.millis(150));
            return tip[0];
        });
        view.setOnMouseMoved(e -> {
            if (tip[0] == null) {
                return;
            }
            int[] rc = picker.at(e.getX(), e.getY());
            Tensor now = view.getParent() != null && view.getParent().getUserData() instanceof Tensor t ? t : tensor;
            tip[0].setText(shownName(view, now) + "[" + rc[0] + ", " + rc[1] + "] = "
                    + Numbers.full(now.get(rc[0], rc[1])));
        });
    }

    /** The image an ImageView shows, writable (the views made here always are). */
    private static WritableImage writable(ImageView view) {
        return (WritableImage) view.getImage();
    }

    /**
     * Probabilities, labels and masks use the absolute scale 0..1, so a uniform softmax output
     * does not look saturated; everything else its largest |value|.
     */
    private static double scaleOf(Tensor tensor) {
        boolean unitScale = tensor.name().equals("y") || tensor.name().equals("t") || tensor.name().equals("mask");
        return unitScale ? 1 : tensor.maxAbs();
    }

    private static void paint(WritableImage image, Tensor tensor, Flow flow, int offset, int srcRows, int srcCols,
                              int stride) {
        paint(image, tensor, flow, scaleOf(tensor), offset, srcRows, srcCols, stride);
    }

    /**
     * The picture at its display size (no scaling, so every cell stays crisp): pixel (y, x) shows
     * element offset + (y·srcRows/height)·stride + x·srcCols/width of the tensor; the flow's colour
     * for positive values, grey for negative, alpha by |value| relative to the scale, so zero is
     * the background whatever the theme.
     */
    private static void paint(WritableImage image, Tensor tensor, Flow flow, double scale, int offset, int srcRows,
                              int srcCols, int stride) {
        int rows = (int) image.getHeight();
        int cols = (int) image.getWidth();
        int[] positive = premultiplied(rgb(LookedUpColors.app(flow.heatColour())));
        int[] negative = premultiplied(rgb(LookedUpColors.app(Flow.NEGATIVE_HEAT)));
        int[] colOf = new int[cols];
        for (int c = 0; c < cols; c++) {
            colOf[c] = c * srcCols / cols;
        }
        // one buffer, written once: a PixelWriter call per pixel marks the image dirty every time
        int[] argb = pixels(rows * cols);
        double perUnit = scale == 0 ? 0 : 1 / scale;
        for (int r = 0; r < rows; r++) {
            int base = offset + (r * srcRows / rows) * stride;
            int at = r * cols;
            for (int c = 0; c < cols; c++) {
                double v = tensor.at(base + colOf[c]);
                double strength = Math.min(1, Math.abs(v) * perUnit);
                // a floor of 0.06 keeps the cell grid visible where values are near zero;
                // + 0.5 then truncation rounds (alpha is never negative)
                int alpha = (int) (255 * (0.06 + 0.94 * (strength == strength ? strength : 0)) + 0.5);
                argb[at + c] = (v >= 0 ? positive : negative)[alpha];
            }
        }
        // premultiplied already: the image's own format takes it without a division per pixel
        image.getPixelWriter().setPixels(0, 0, cols, rows, PixelFormat.getIntArgbPreInstance(), argb, 0, cols);
    }

    /** The FX thread's pixel buffer, reused by every repaint (setPixels copies it into the image at once). */
    private static int[] fxPixels = new int[0];

    /** A buffer of at least n pixels: the FX thread reuses one, any other thread gets a new one. */
    private static int[] pixels(int n) {
        if (!javafx.application.Platform.isFxApplicationThread()) {
            return new int[n];
        }
        if (fxPixels.length < n) {
            fxPixels = new int[n];
        }
        return fxPixels;
    }

    /** Per colour, its 256 alpha levels premultiplied, as JavaFX premultiplies an IntArgb pixel. */
    private static final java.util.Map<Integer, int[]> PREMULTIPLIED = new java.util.concurrent.ConcurrentHashMap<>();

    private static int[] premultiplied(int rgb) {
        return PREMULTIPLIED.computeIfAbsent(rgb, key -> {
            int[] plain = new int[256];
            for (int a = 0; a < 256; a++) {
                plain[a] = (a << 24) | key;
            }
            // through a scratch image, so that each level is exactly the pixel IntArgb gave before
            WritableImage scratch = new WritableImage(256, 1);
            scratch.getPixelWriter().setPixels(0, 0, 256, 1, PixelFormat.getIntArgbInstance(), plain, 0, 256);
            int[] pre = new int[256];
            scratch.getPixelReader().getPixels(0, 0, 256, 1, PixelFormat.getIntArgbPreInstance(), pre, 0, 256);
            return pre;
        });
    }

    private static int rgb(Color c) {
        return ((int) Math.round(c.getRed() * 255) << 16) | ((int) Math.round(c.getGreen() * 255) << 8)
                | (int) Math.round(c.getBlue() * 255);
    }

    /**
     * Installs a tooltip the first time the pointer enters the node: a Tooltip is a small window
     * with its own scene, too costly to make for every number of a view that is rebuilt while
     * the learner drags a weight.
     */
    static void lazyTooltip(Node node, java.util.function.Supplier<Tooltip> make) {
        node.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, new javafx.event.EventHandler<>() {
            @Override
            public void handle(javafx.scene.input.MouseEvent e) {
                node.removeEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, this);
                Tooltip tip = make.get();
                node.getProperties().put(Tooltip.class, tip);
                Tooltip.install(node, tip);
            }
        });
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
