package com.backpropexplorer.ui.draw;

import com.backpropexplorer.ui.I18n;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Draw page's left column: pen or eraser and the brush size above the paper, undo, clear
 * and "open a picture" under it, and a hint. The paper ({@link DrawingSurface}) takes dropped
 * pictures too.
 */
final class PaperColumn {
    private final I18n i18n;
    private final DrawModel model;
    private final VBox column;

    PaperColumn(I18n i18n, DrawModel model, DrawingSurface surface, PictureOpener opener) {
        this.i18n = i18n;
        this.model = model;
        Label hint = new Label(i18n.text("draw.hint"));
        hint.getStyleClass().add("draw-hint");
        hint.setWrapText(true);
        hint.setMaxWidth(DrawModel.PAPER);
        // the frame carries border and shadow: the surface clips its own content to the paper
        StackPane frame = new StackPane(surface);
        frame.getStyleClass().add("draw-canvas");
        frame.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        opener.acceptDrops(surface);
        column = new VBox(toolbar(), frame, edits(opener), hint);
        column.getStyleClass().add("draw-paper-column");
        column.setMaxWidth(Region.USE_PREF_SIZE);
    }

    Node view() {
        return column;
    }

    /** Pen or eraser (one of them always chosen) and the brush size. */
    private Node toolbar() {
        ToggleGroup tools = new ToggleGroup();
        ToggleButton pen = new ToggleButton(i18n.text("draw.pen"));
        pen.setId("draw-pen");
        ToggleButton eraser = new ToggleButton(i18n.text("draw.eraser"));
        eraser.setId("draw-eraser");
        pen.setToggleGroup(tools);
        eraser.setToggleGroup(tools);
        pen.getStyleClass().add("left-pill");
        eraser.getStyleClass().add("right-pill");
        pen.setTooltip(new Tooltip(i18n.text("draw.pen.tip")));
        eraser.setTooltip(new Tooltip(i18n.text("draw.eraser.tip")));
        (model.toolProperty().get() == DrawModel.Tool.ERASER ? eraser : pen).setSelected(true);
        tools.selectedToggleProperty().addListener((obs, o, n) -> {
            if (n == null) {
                o.setSelected(true); // one tool is always chosen
            } else {
                model.toolProperty().set(n == eraser ? DrawModel.Tool.ERASER : DrawModel.Tool.PEN);
            }
        });
        HBox toolPills = new HBox(pen, eraser);

        Slider size = new Slider(4, 30, model.radiusProperty().get());
        size.setId("draw-size");
        size.valueProperty().bindBidirectional(model.radiusProperty());
        size.setPrefWidth(110);
        Label sizeLabel = new Label(i18n.text("draw.size"));
        sizeLabel.getStyleClass().add("text-muted");
        sizeLabel.setLabelFor(size);
        size.setTooltip(new Tooltip(i18n.text("draw.size.tip")));

        HBox toolbar = new HBox(toolPills, sizeLabel, size);
        toolbar.getStyleClass().add("draw-toolbar");
        return toolbar;
    }

    /** Undo, clear, and on the right "open a picture". */
    private Node edits(PictureOpener opener) {
        Button undo = new Button(i18n.text("draw.undo"));
        undo.setId("draw-undo");
        undo.setTooltip(new Tooltip(i18n.text("draw.undo.tip")));
        undo.disableProperty().bind(model.canUndoProperty().not());
        undo.setOnAction(e -> model.undo());
        Button clear = new Button(i18n.text("draw.clear"));
        clear.setId("draw-clear");
        clear.setTooltip(new Tooltip(i18n.text("draw.clear.tip")));
        clear.disableProperty().bind(model.blankProperty());
        clear.setOnAction(e -> model.clear());
        Button open = new Button(i18n.text("draw.open"));
        open.setId("draw-open");
        open.setTooltip(new Tooltip(i18n.text("draw.open.tip")));
        open.setOnAction(e -> opener.choose());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox edits = new HBox(undo, clear, spacer, open);
        edits.getStyleClass().add("draw-toolbar");
        return edits;
    }
}
