package com.backpropexplorer.ui.graph;

import javafx.scene.Group;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;

/** A line with a head at its end; its look (flow colour, pending or carried) comes from CSS. */
final class Arrow extends Group {
    private static final double HEAD_LENGTH = 9;
    private static final double HEAD_HALF_WIDTH = 4.5;

    private final Line line = new Line();
    private final Polygon head = new Polygon();
    private double startX;
    private double startY;
    private double endX;
    private double endY;

    Arrow(Flow flow) {
        getStyleClass().addAll("arrow", flow.styleClass());
        line.getStyleClass().add("arrow-line");
        head.getStyleClass().add("arrow-head");
        getChildren().addAll(line, head);
        setManaged(false);
        setMouseTransparent(true);
    }

    void setPoints(double x1, double y1, double x2, double y2) {
        startX = x1;
        startY = y1;
        endX = x2;
        endY = y2;
        double length = Math.hypot(x2 - x1, y2 - y1);
        double ux = length == 0 ? 1 : (x2 - x1) / length;
        double uy = length == 0 ? 0 : (y2 - y1) / length;
        line.setStartX(x1);
        line.setStartY(y1);
        line.setEndX(x2 - ux * HEAD_LENGTH * 0.8);
        line.setEndY(y2 - uy * HEAD_LENGTH * 0.8);
        double bx = x2 - ux * HEAD_LENGTH;
        double by = y2 - uy * HEAD_LENGTH;
        head.getPoints().setAll(x2, y2, bx - uy * HEAD_HALF_WIDTH, by + ux * HEAD_HALF_WIDTH,
                bx + uy * HEAD_HALF_WIDTH, by - ux * HEAD_HALF_WIDTH);
    }

    /** Carried: the value has travelled this way (solid, in colour); otherwise pending (faint). */
    void setCarried(boolean carried) {
        pseudoClassStateChanged(GraphView.CARRIED, carried);
    }

    double startX() {
        return startX;
    }

    double startY() {
        return startY;
    }

    double endX() {
        return endX;
    }

    double endY() {
        return endY;
    }
}
