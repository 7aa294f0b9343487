package com.backpropexplorer.ui.graph;

import com.backpropexplorer.ui.graph.layout.Point;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;

/**
 * A line (straight or with turns) with a head at its end; its look (flow colour, pending or
 * carried) comes from CSS.
 */
final class Arrow extends Group {
    private static final double HEAD_LENGTH = 9;
    private static final double HEAD_HALF_WIDTH = 4.5;

    private final Polyline line = new Polyline();
    private final Polygon head = new Polygon();
    private List<Point> points = List.of();

    Arrow(Flow flow) {
        getStyleClass().addAll("arrow", flow.styleClass());
        line.getStyleClass().add("arrow-line");
        head.getStyleClass().add("arrow-head");
        getChildren().addAll(line, head);
        setManaged(false);
        setMouseTransparent(true);
    }

    /** A straight arrow from (x1, y1) to (x2, y2). */
    void setPoints(double x1, double y1, double x2, double y2) {
        setPath(List.of(new Point(x1, y1), new Point(x2, y2)));
    }

    /** An arrow along {@code path}, its head at the last point. */
    void setPath(List<Point> path) {
        points = List.copyOf(path);
        Point end = path.get(path.size() - 1);
        Point before = path.get(path.size() - 2);
        double length = Math.hypot(end.x() - before.x(), end.y() - before.y());
        double ux = length == 0 ? 1 : (end.x() - before.x()) / length;
        double uy = length == 0 ? 0 : (end.y() - before.y()) / length;
        Double[] xy = new Double[2 * path.size()];
        for (int i = 0; i < path.size(); i++) {
            xy[2 * i] = path.get(i).x();
            xy[2 * i + 1] = path.get(i).y();
        }
        // the line stops inside the head, so its end does not poke out of the tip
        xy[xy.length - 2] = end.x() - ux * HEAD_LENGTH * 0.8;
        xy[xy.length - 1] = end.y() - uy * HEAD_LENGTH * 0.8;
        line.getPoints().setAll(xy);
        double bx = end.x() - ux * HEAD_LENGTH;
        double by = end.y() - uy * HEAD_LENGTH;
        head.getPoints().setAll(end.x(), end.y(), bx - uy * HEAD_HALF_WIDTH, by + ux * HEAD_HALF_WIDTH,
                bx + uy * HEAD_HALF_WIDTH, by - ux * HEAD_HALF_WIDTH);
    }

    /** Carried: the value has travelled this way (solid, in colour); otherwise pending (faint). */
    void setCarried(boolean carried) {
        pseudoClassStateChanged(GraphStates.CARRIED, carried);
    }

    /** The points the arrow runs through, start to head (for a token travelling along it). */
    List<Point> points() {
        return points;
    }
}
