package com.backpropexplorer.ui.graph;

import com.backpropexplorer.ui.graph.layout.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.ParallelTransition;
import javafx.animation.PauseTransition;
import javafx.animation.SequentialTransition;
import javafx.animation.Timeline;
import javafx.css.PseudoClass;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.shape.Circle;
import javafx.util.Duration;

/**
 * Animates one stage: tokens travel in along the arrows into the node, the node lights up,
 * tokens travel out along the arrows leaving it. At speed 1 a stage takes {@link #STAGE_DURATION}.
 */
final class StageAnimator {
    /** How long one stage takes to animate at speed 1. */
    static final Duration STAGE_DURATION = Duration.millis(650);

    private final Group tokens = new Group();
    private final DoubleSupplier speed;
    private Animation running;

    /** @param speed the lesson's speed, 1 normal, 2 twice as fast */
    StageAnimator(DoubleSupplier speed) {
        this.speed = speed;
        tokens.setManaged(false);
        tokens.setMouseTransparent(true);
    }

    /** The layer the tokens travel in (on top of the graph). */
    Group tokens() {
        return tokens;
    }

    boolean isAnimating() {
        return running != null && running.getStatus() == Animation.Status.RUNNING;
    }

    /** Stops the stage under way, tokens and all (its end is not shown: the caller shows the state it wants). */
    void stop() {
        if (running != null) {
            running.stop();
            running = null;
        }
        tokens.getChildren().clear();
    }

    /**
     * @param arriving the arrows whose values go into the node
     * @param node the node that computes
     * @param glow how it lights up (forward or backward)
     * @param leaving the arrows whose values come out
     * @param done shows the state after the stage
     */
    void play(List<Arrow> arriving, Node node, PseudoClass glow, List<Arrow> leaving, Runnable done) {
        stop();
        ParallelTransition arrive = new ParallelTransition();
        arriving.forEach(a -> arrive.getChildren().add(travel(a)));
        ParallelTransition leave = new ParallelTransition();
        leaving.forEach(a -> leave.getChildren().add(travel(a)));
        PauseTransition compute = new PauseTransition(scaled(0.12));
        compute.setOnFinished(e -> node.pseudoClassStateChanged(glow, true));
        arrive.setOnFinished(e -> node.pseudoClassStateChanged(glow, true));
        SequentialTransition all = new SequentialTransition(arrive, compute, leave);
        all.setOnFinished(e -> {
            tokens.getChildren().clear();
            running = null;
            done.run();
        });
        running = all;
        all.play();
    }

    private Duration scaled(double fraction) {
        return STAGE_DURATION.multiply(fraction / Math.max(0.1, speed.getAsDouble()));
    }

    /** A glowing dot moving along an arrow from its start to its head, at an even pace round the turns. */
    private Animation travel(Arrow arrow) {
        List<Point> points = arrow.points();
        Circle token = new Circle(6.5);
        token.getStyleClass().add("token");
        token.getStyleClass().addAll(arrow.getStyleClass().contains(Flow.BACKWARD.styleClass())
                ? Flow.BACKWARD.styleClass() : Flow.FORWARD.styleClass());
        token.setCenterX(points.get(0).x());
        token.setCenterY(points.get(0).y());
        token.setVisible(false);
        tokens.getChildren().add(token);
        double total = 0;
        for (int i = 1; i < points.size(); i++) {
            total += Math.hypot(points.get(i).x() - points.get(i - 1).x(), points.get(i).y() - points.get(i - 1).y());
        }
        Duration whole = scaled(0.44);
        List<KeyFrame> frames = new ArrayList<>();
        frames.add(new KeyFrame(Duration.ZERO, e -> token.setVisible(true),
                new KeyValue(token.centerXProperty(), points.get(0).x()),
                new KeyValue(token.centerYProperty(), points.get(0).y())));
        double along = 0;
        for (int i = 1; i < points.size(); i++) {
            along += Math.hypot(points.get(i).x() - points.get(i - 1).x(), points.get(i).y() - points.get(i - 1).y());
            frames.add(new KeyFrame(whole.multiply(total == 0 ? 1 : along / total),
                    new KeyValue(token.centerXProperty(), points.get(i).x()),
                    new KeyValue(token.centerYProperty(), points.get(i).y())));
        }
        Timeline move = new Timeline(frames.toArray(KeyFrame[]::new));
        move.setOnFinished(e -> token.setVisible(false));
        return move;
    }
}
