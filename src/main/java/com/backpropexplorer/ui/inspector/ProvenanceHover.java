package com.backpropexplorer.ui.inspector;

import com.backpropexplorer.explain.Provenance;
import com.backpropexplorer.explain.Stage;
import com.backpropexplorer.explain.Tensor;
import com.backpropexplorer.ui.graph.SourceHighlight;
import com.backpropexplorer.ui.lesson.LessonModel;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.GridPane;

/**
 * Makes every number of an output or a gradient in the inspector (out, L, y, dx, dW, db) say
 * where it comes from when hovered: {@link Provenance} for that element of that stage, handed
 * to the page, which highlights the sources and shows the arithmetic.
 */
final class ProvenanceHover {
    private ProvenanceHover() {
    }

    /**
     * @param id the view's id: {@code inspector-fwd-…} and {@code inspector-cache-…} are of the
     *     forward stage, {@code inspector-bwd-…} and {@code inspector-chain-…-result} of the backward one
     * @param stages the inspected node's forward and backward stage
     */
    static void install(Node view, Tensor tensor, String id, Stage[] stages, LessonModel model,
                        Consumer<Provenance.Origin> show) {
        Stage stage = id.startsWith("inspector-fwd-") || id.startsWith("inspector-cache-") ? stages[0]
                : id.startsWith("inspector-bwd-") || id.endsWith("-result") ? stages[1] : null;
        if (stage == null || !computedBy(stage, tensor)) {
            return;
        }
        if (view instanceof StackPane frame && frame.getStyleClass().contains("heatmap")
                && frame.getChildren().get(0) instanceof ImageView image) {
            installOnHeatmap(image, tensor, stage, model, show);
            return;
        }
        if (!(view instanceof GridPane grid)) {
            return;
        }
        for (Node cell : grid.getChildren()) {
            Integer r = GridPane.getRowIndex(cell);
            Integer c = GridPane.getColumnIndex(cell);
            int row = r == null ? 0 : r;
            int col = c == null ? 0 : c;
            cell.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
                if (model.trace() == null || model.position() <= stage.index()) {
                    return;
                }
                Provenance.Origin origin;
                try {
                    origin = Provenance.of(model.trace(), stage.index(), tensor.name(), row, col);
                } catch (IllegalArgumentException noStory) {
                    return; // a value the stage was given, not one it computed
                }
                cell.pseudoClassStateChanged(SourceHighlight.TARGET, true);
                show.accept(origin);
            });
            cell.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
                cell.pseudoClassStateChanged(SourceHighlight.TARGET, false);
                show.accept(null);
            });
        }
    }

    /** A heatmap (MNIST's big matrices): the element under the pointer, told again whenever it changes. */
    private static void installOnHeatmap(ImageView image, Tensor tensor, Stage stage, LessonModel model,
                                         Consumer<Provenance.Origin> show) {
        int[] last = {-1, -1};
        image.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            int r = (int) Math.min(tensor.rows() - 1, e.getY() / image.getImage().getHeight() * tensor.rows());
            int c = (int) Math.min(tensor.cols() - 1, e.getX() / image.getImage().getWidth() * tensor.cols());
            if ((r == last[0] && c == last[1]) || model.trace() == null || model.position() <= stage.index()) {
                return;
            }
            last[0] = r;
            last[1] = c;
            try {
                show.accept(Provenance.of(model.trace(), stage.index(), tensor.name(), r, c));
            } catch (IllegalArgumentException noStory) {
                last[0] = -1;
            }
        });
        image.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            last[0] = -1;
            show.accept(null);
        });
    }

    /** Whether the stage computed a tensor of that name (an output, a gradient, or its cache). */
    private static boolean computedBy(Stage stage, Tensor tensor) {
        String name = tensor.name();
        return stage.outputs().stream().anyMatch(t -> t.name().equals(name))
                || stage.gradients().stream().anyMatch(t -> t.name().equals(name))
                || stage.cached().stream().anyMatch(t -> t.name().equals(name) && !name.equals("x") && !name.equals("t"));
    }
}
