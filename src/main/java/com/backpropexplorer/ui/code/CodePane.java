package com.backpropexplorer.ui.code;

import com.backpropexplorer.explain.CodeMap;
import com.backpropexplorer.explain.ValueRef;
import com.backpropexplorer.explain.code.Line;
import com.backpropexplorer.explain.code.Listing;
import com.backpropexplorer.explain.code.Token;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.lesson.LessonModel;
import com.backpropexplorer.ui.lesson.LessonRun;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The book's code beside the graph: the lesson's listing (the net, its layer classes, the
 * update, the training loop) with the lines the current stage runs highlighted, the call path
 * as breadcrumbs ({@code gradient() › loss() › predict() › Affine.forward()}), and on a refused
 * backward the line that would read the empty cache beside the {@code self.loss(x, t)} line
 * that fills it. Clicking a line jumps to the stage that runs it; hovering a variable names the
 * tensor it holds ({@link #hoveredProperty()}), which the graph and inspector highlight.
 * Comments follow the UI language. Rows carry ids {@code code-line-<n>}.
 */
public final class CodePane extends BorderPane {
    private static final javafx.css.PseudoClass BACKWARD = javafx.css.PseudoClass.getPseudoClass("backward");
    private static final javafx.css.PseudoClass UPDATE = javafx.css.PseudoClass.getPseudoClass("update");
    /** The code pane's stylesheet, which also marks a picked sample's rows and the provenance of a number. */
    public static final String STYLESHEET_URL = CodePane.class.getResource("/com/backpropexplorer/ui/code/code.css")
            .toExternalForm();

    private final LessonModel model;
    private final I18n i18n;
    private final Label breadcrumbs = new Label();
    private final VBox lines = new VBox();
    private final ScrollPane scroll = new ScrollPane(lines);
    private final List<CodeLineView> rows = new ArrayList<>();
    private final javafx.beans.property.ReadOnlyObjectWrapper<List<ValueRef>> hovered =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "hovered", List.of());
    private Listing shownListing;
    private CodeMarks marks = CodeMarks.NONE;
    /** The line to scroll to at the next layout, or −1. */
    private int pendingFocus = -1;
    private int focusTries;

    // strong references: the model outlives this view (a language switch rebuilds the view)
    private final ChangeListener<Object> onRun = (obs, o, n) -> runChanged();
    private final ChangeListener<Object> onStep = (obs, o, n) -> remark();

    public CodePane(LessonModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        setId("code-pane");
        getStyleClass().add("code-pane");
        getStylesheets().add(STYLESHEET_URL);
        Label title = new Label(i18n.text("code.title"));
        title.getStyleClass().add("code-title");
        breadcrumbs.setId("code-breadcrumbs");
        breadcrumbs.getStyleClass().add("code-breadcrumbs");
        breadcrumbs.setWrapText(true);
        breadcrumbs.setStyle(CodeLineView.MONOSPACED);
        breadcrumbs.setMinHeight(USE_PREF_SIZE);
        VBox header = new VBox(title, breadcrumbs);
        header.getStyleClass().add("code-header");
        setTop(header);
        lines.setId("code-lines");
        lines.getStyleClass().add("code-lines");
        scroll.setId("code-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("code-scroll");
        setCenter(scroll);
        setMinWidth(0);
        model.runProperty().addListener(new WeakChangeListener<>(onRun));
        model.positionProperty().addListener(new WeakChangeListener<>(onStep));
        model.refusalProperty().addListener(new WeakChangeListener<>(onStep));
        runChanged();
    }

    /** The tensors the hovered variable names (empty when none is hovered or it names nothing now). */
    public javafx.beans.property.ReadOnlyObjectProperty<List<ValueRef>> hoveredProperty() {
        return hovered.getReadOnlyProperty();
    }

    /** What is marked now (for tests). */
    public CodeMarks marks() {
        return marks;
    }

    private CodeMap code() {
        LessonRun run = model.run();
        return run == null ? null : run.code();
    }

    private void runChanged() {
        CodeMap code = code();
        Listing listing = code == null ? null : code.listing();
        if (listing != shownListing) {
            shownListing = listing;
            build(listing);
        }
        remark();
    }

    private void build(Listing listing) {
        rows.clear();
        lines.getChildren().clear();
        if (listing == null) {
            Label none = new Label(i18n.text(model.trace() == null ? "status.loading" : "code.none"));
            none.getStyleClass().add("code-none");
            lines.getChildren().add(none);
            return;
        }
        String file = null;
        for (Line line : listing.lines()) {
            if (!line.file().equals(file)) {
                file = line.file();
                Label heading = new Label(file);
                heading.getStyleClass().add("code-file");
                heading.setStyle(CodeLineView.MONOSPACED);
                lines.getChildren().add(heading);
                if (line.isBlank()) {
                    continue; // the blank line between two files: the heading stands for it
                }
            }
            CodeLineView row = new CodeLineView(line, i18n.locale(), (token, entered) -> hover(line, token, entered));
            row.setOnMouseClicked(e -> jumpTo(line.number()));
            rows.add(row);
            lines.getChildren().add(row);
        }
    }

    private void remark() {
        CodeMap code = code();
        marks = code == null ? CodeMarks.NONE : CodeMarks.of(code, model.position(), model.refusal() != null);
        if (model.refusal() != null) {
            breadcrumbs.setText(i18n.text("code.refused", marks.breadcrumbs()));
        } else {
            breadcrumbs.setText(marks.breadcrumbs().isEmpty() ? i18n.text("code.start") : marks.breadcrumbs());
        }
        breadcrumbs.pseudoClassStateChanged(CodeLineView.REFUSED_READ, model.refusal() != null);
        var stage = model.refusal() == null ? model.currentStage() : null;
        pseudoClassStateChanged(BACKWARD, stage != null && stage.isBackward());
        pseudoClassStateChanged(UPDATE, stage != null && stage.isUpdate());
        for (CodeLineView row : rows) {
            int n = row.line().number();
            boolean runs = code != null && stageFor(code, n).isPresent();
            row.mark(marks, runs);
            if (runs && row.getProperties().get("tip") == null) {
                Tooltip tip = new Tooltip(i18n.text("code.jump"));
                Tooltip.install(row, tip);
                row.getProperties().put("tip", tip);
            }
            row.link(List.of());
        }
        hovered.set(List.of());
        if (marks.focus() > 0) {
            pendingFocus = marks.focus();
            requestLayout();
        }
    }

    /** Scrolls to the running lines once the lines have their heights (a new page: after its first layout). */
    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (pendingFocus > 0 && lines.getHeight() > 0) {
            // the scroll pane lays out its content after this, with the new position; the rows' places
            // are the last layout's, so a pane that just got its width checks again at the next one
            if (scrollTo(pendingFocus) || ++focusTries >= 3) {
                pendingFocus = -1;
                focusTries = 0;
            } else {
                Platform.runLater(this::requestLayout);
            }
        }
    }

    /** The stage a click on the line goes to, among the stages the lesson shows. */
    private OptionalInt stageFor(CodeMap code, int line) {
        OptionalInt stage = code.stageFor(line, model.position());
        return stage.isPresent() && stage.getAsInt() < model.stageCount() ? stage : OptionalInt.empty();
    }

    private void jumpTo(int line) {
        CodeMap code = code();
        if (code == null) {
            return;
        }
        stageFor(code, line).ifPresent(model::showStage);
    }

    private void hover(Line line, Token token, boolean entered) {
        CodeMap code = code();
        int stage = model.position() - 1;
        if (!entered || code == null || stage < 0 || stage >= model.stageCount()) {
            rows.forEach(r -> r.link(List.of()));
            hovered.set(List.of());
            return;
        }
        List<ValueRef> refs = code.resolve(stage, line.number(), token);
        hovered.set(refs);
        if (refs.isEmpty()) {
            return;
        }
        List<CodeMap.Located> same = code.tokensFor(stage, refs.get(0));
        for (CodeLineView row : rows) {
            row.link(same.stream().filter(l -> l.line() == row.line().number()).map(CodeMap.Located::token).toList());
        }
    }

    /**
     * Scrolls so that the line is in view (a third from the top), unless it already is.
     *
     * @return true when it already was (or cannot be scrolled to)
     */
    private boolean scrollTo(int number) {
        CodeLineView row = rows.stream().filter(r -> r.line().number() == number).findFirst().orElse(null);
        if (row == null || lines.getHeight() <= 0) {
            return true;
        }
        double viewport = scroll.getViewportBounds().getHeight();
        double content = lines.getHeight();
        if (content <= viewport) {
            return true;
        }
        Bounds b = row.getBoundsInParent();
        double top = scroll.getVvalue() * (content - viewport);
        if (b.getMinY() >= top && b.getMaxY() <= top + viewport) {
            return true;
        }
        double wanted = Math.max(0, b.getMinY() - viewport / 3);
        scroll.setVvalue(Math.min(1, wanted / (content - viewport)));
        return false;
    }
}
