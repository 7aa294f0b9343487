package com.backpropexplorer.ui.explainer;

import com.backpropexplorer.explain.Provenance;
import com.backpropexplorer.explain.Tensor;
import com.backpropexplorer.explain.Trace;
import com.backpropexplorer.explain.ValueRef;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.code.CodePane;
import com.backpropexplorer.ui.graph.GraphView;
import com.backpropexplorer.ui.graph.RowHighlight;
import com.backpropexplorer.ui.graph.SourceHighlight;
import com.backpropexplorer.ui.inspector.InspectorView;
import com.backpropexplorer.ui.inspector.ProvenanceText;
import com.backpropexplorer.ui.lesson.LessonModel;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/**
 * What the learner points at, shown on the graph and in the inspector at once: the picked
 * sample's rows, where a hovered number comes from (its sources marked, its arithmetic in a
 * box over the graph, id {@code provenance-text}), and the tensor a variable hovered in the
 * code holds.
 */
final class Pointing {
    private final LessonModel model;
    private final I18n i18n;
    private final GraphView graph;
    private final Node inspector;
    private final Label explanation = new Label();

    // strong references: the model outlives the page
    private final ChangeListener<Object> onView = (obs, o, n) -> Platform.runLater(this::highlightSample);
    private final ChangeListener<List<ValueRef>> onCode = (obs, o, n) -> linked(n);

    Pointing(LessonModel model, I18n i18n, GraphView graph, InspectorView inspector, CodePane code,
             StackPane graphHost) {
        this.model = model;
        this.i18n = i18n;
        this.graph = graph;
        this.inspector = inspector;
        explanation.setId("provenance-text");
        explanation.getStyleClass().add("provenance-text");
        explanation.setWrapText(true);
        explanation.setMouseTransparent(true);
        explanation.setVisible(false);
        StackPane.setAlignment(explanation, Pos.TOP_LEFT);
        explanation.setMaxSize(Label.USE_PREF_SIZE, Label.USE_PREF_SIZE);
        graphHost.getChildren().add(explanation);
        inspector.setOnProvenance(this::provenance);
        code.hoveredProperty().addListener(new WeakChangeListener<>(onCode));
        model.positionProperty().addListener(new WeakChangeListener<>(onView));
        model.runProperty().addListener(new WeakChangeListener<>(onView));
        model.selectedLayerProperty().addListener(new WeakChangeListener<>(onView));
        model.samples().rowProperty().addListener(new WeakChangeListener<>(onView));
        model.samples().aloneProperty().addListener(new WeakChangeListener<>(onView));
    }

    private void highlightSample() {
        int n = model.trace() == null ? 0 : model.trace().batchSize();
        int row = model.samples().shownRow();
        RowHighlight.apply(graph, row, n);
        RowHighlight.apply(inspector, row, n);
    }

    /** A hovered number's story, or null when the pointer left it. */
    private void provenance(Provenance.Origin origin) {
        Trace trace = model.trace();
        List<Provenance.Region> regions = origin == null || trace == null ? List.of() : origin.sources();
        SourceHighlight.sources(graph, regions, trace);
        SourceHighlight.sources(inspector, regions, trace);
        explanation.setVisible(origin != null);
        if (origin != null) {
            explanation.setText(ProvenanceText.of(origin, i18n));
        }
    }

    /** The tensors a variable hovered in the code names, marked where they are shown. */
    private void linked(List<ValueRef> refs) {
        Trace trace = model.trace();
        List<Tensor> tensors = new ArrayList<>();
        if (trace != null) {
            for (ValueRef ref : refs) {
                if (ref.knownAt(model.position()) && ref.stage() < trace.stages().size()) {
                    trace.stage(ref.stage()).find(ref.name()).ifPresent(tensors::add);
                }
            }
        }
        SourceHighlight.linked(graph, tensors);
        SourceHighlight.linked(inspector, tensors);
    }
}
