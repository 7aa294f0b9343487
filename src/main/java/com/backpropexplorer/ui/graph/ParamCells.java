package com.backpropexplorer.ui.graph;

import com.backpropexplorer.explain.Tensor;
import com.backpropexplorer.explain.WeightProbe.Element;
import com.backpropexplorer.ui.lesson.LessonModel;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;

/**
 * Makes the numbers of a parameter (W1, b1, ...) or of its gradient pickable: a click picks the
 * element for the weights panel, a shift-click the contour map's second element. The picked
 * elements are highlighted wherever the parameter is shown: a ring around the number in a
 * printed matrix, a marker on a heatmap.
 */
public final class ParamCells {
    /** The element the weights panel moves. */
    public static final PseudoClass PICKED = PseudoClass.getPseudoClass("picked");
    /** The contour map's second element. */
    public static final PseudoClass PICKED_SECOND = PseudoClass.getPseudoClass("picked-second");
    private static final String MARKERS = "param-markers";
    private static final double MIN_MARKER = 7;

    private ParamCells() {
    }

    /** The parameters a learner can pick elements of (not t, not x). */
    public static boolean isParameter(String name) {
        return name.equals("W") || name.equals("W1") || name.equals("b1") || name.equals("W2") || name.equals("b2");
    }

    /**
     * Installs picking on a view made by {@link TensorViews#of}: a grid of numbers or a heatmap.
     *
     * @param param the parameter whose elements the view's cells are (W1 for dW1 too)
     */
    public static void install(Node view, String param, LessonModel model) {
        view.getProperties().put(ParamCells.class, param);
        view.getStyleClass().add("pickable");
        if (view instanceof GridPane grid) {
            for (Node child : grid.getChildren()) {
                if (child instanceof Label cell) {
                    int r = GridPane.getRowIndex(cell) == null ? 0 : GridPane.getRowIndex(cell);
                    int c = GridPane.getColumnIndex(cell) == null ? 0 : GridPane.getColumnIndex(cell);
                    Element e = new Element(param, r, c);
                    cell.getProperties().put(Element.class, e);
                    cell.getStyleClass().add("param-cell");
                    cell.setId(null);
                    cell.setOnMouseClicked(ev -> pick(model, e, ev.isShiftDown()));
                }
            }
        } else if (view instanceof StackPane frame && !frame.getChildren().isEmpty()
                && frame.getChildren().get(0) instanceof ImageView image && view.getUserData() instanceof Tensor t) {
            Pane markers = new Pane();
            markers.getStyleClass().add(MARKERS);
            markers.setMouseTransparent(true);
            markers.setManaged(false);
            markers.layoutXProperty().bind(image.layoutXProperty());
            markers.layoutYProperty().bind(image.layoutYProperty());
            frame.getChildren().add(markers);
            image.setOnMouseClicked(ev -> {
                double w = image.getImage().getWidth();
                double h = image.getImage().getHeight();
                int r = (int) Math.min(t.rows() - 1, Math.max(0, ev.getY() / h * t.rows()));
                int c = (int) Math.min(t.cols() - 1, Math.max(0, ev.getX() / w * t.cols()));
                pick(model, new Element(param, r, c), ev.isShiftDown());
            });
        }
    }

    private static void pick(LessonModel model, Element e, boolean second) {
        if (second) {
            model.selectSecondElement(e);
        } else {
            model.selectElement(e);
        }
    }

    /** Shows which elements are picked, on a view {@link #install} prepared. */
    public static void highlight(Node view, Element first, Element second) {
        Object param = view.getProperties().get(ParamCells.class);
        if (param == null) {
            return;
        }
        if (view instanceof GridPane grid) {
            for (Node child : grid.getChildren()) {
                Object e = child.getProperties().get(Element.class);
                child.pseudoClassStateChanged(PICKED, e != null && e.equals(first));
                child.pseudoClassStateChanged(PICKED_SECOND, e != null && e.equals(second));
            }
        } else if (view instanceof StackPane frame && view.getUserData() instanceof Tensor t) {
            ImageView image = (ImageView) frame.getChildren().get(0);
            Pane markers = (Pane) frame.getChildren().stream().filter(n -> n.getStyleClass().contains(MARKERS))
                    .findFirst().orElse(null);
            if (markers == null) {
                return;
            }
            markers.getChildren().clear();
            markers.resize(image.getImage().getWidth(), image.getImage().getHeight());
            addMarker(markers, image, t, param.toString(), first, "param-marker");
            addMarker(markers, image, t, param.toString(), second, "param-marker-second");
        }
    }

    private static void addMarker(Pane markers, ImageView image, Tensor t, String param, Element e, String style) {
        if (e == null || !e.param().equals(param) || e.row() >= t.rows() || e.col() >= t.cols()) {
            return;
        }
        double cw = image.getImage().getWidth() / t.cols();
        double ch = image.getImage().getHeight() / t.rows();
        double w = Math.max(MIN_MARKER, cw);
        double h = Math.max(MIN_MARKER, ch);
        double cx = (e.col() + 0.5) * cw;
        double cy = (e.row() + 0.5) * ch;
        Rectangle marker = new Rectangle(cx - w / 2, cy - h / 2, w, h);
        marker.getStyleClass().add(style);
        markers.getChildren().add(marker);
    }
}
