package com.backpropexplorer.ui.draw;

import com.backpropexplorer.engine.TwoLayerNet;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.Theme;
import com.backpropexplorer.ui.shell.Dialogs;
import com.backpropexplorer.ui.shell.Page;
import com.backpropexplorer.ui.shell.StatusLine;
import java.util.concurrent.Executor;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * "Draw a digit": a canvas with a marker-like brush, an eraser, undo and clear
 * ({@link PaperColumn}); the 28×28 picture the net is given (preprocessed the MNIST way); the
 * ten probabilities as bars and the 50 hidden activations as a strip, updated while the learner
 * draws; and "Explain this digit", which hands the drawing with the learner's label to the
 * explainer's mnist lesson ({@link ReadingColumn}).
 *
 * <p>All state lives in the {@link DrawModel}, which outlives the page; this page only shows it
 * and forwards input, so a language or theme switch loses nothing.
 */
public final class DrawPage implements Page {
    /** Takes the learner's drawing into the explainer: its 784 inputs, the label they chose, the net that read it. */
    @FunctionalInterface
    public interface ExplainDigit {
        void explain(double[] pixels, int label, TwoLayerNet net);
    }

    private final I18n i18n;
    private final DrawModel model;
    private final StatusLine status;
    private final ObservableValue<Theme> theme;
    private final BorderPane root = new BorderPane();
    private final DrawingSurface surface;
    private final PictureOpener opener;
    private final ReadingColumn reading;
    private final Label netLabel = new Label();

    private final ChangeListener<DrawModel.NetSource> onNet = (obs, o, n) -> showNet();
    private final ChangeListener<Theme> onTheme = (obs, o, n) -> surfaceTheme(n);

    /**
     * @param status the window's status line, which the page fills while it is shown
     * @param dialogs for the picture chooser
     * @param background where pictures are read
     * @param theme light or dark: the paper follows it
     * @param explainDigit what "Explain this digit" does
     */
    public DrawPage(I18n i18n, DrawModel model, StatusLine status, Dialogs dialogs, Executor background,
                    ObservableValue<Theme> theme, ExplainDigit explainDigit) {
        this.i18n = i18n;
        this.model = model;
        this.status = status;
        this.theme = theme;
        this.surface = new DrawingSurface(model, theme.getValue().isDark());
        this.opener = new PictureOpener(i18n, model, status, dialogs, background);
        this.reading = new ReadingColumn(i18n, model, status, explainDigit);
        root.setId("page-draw");
        root.getStyleClass().add("draw-page");
        root.getStylesheets().add(DrawPage.class.getResource("/com/backpropexplorer/ui/draw/draw.css").toExternalForm());
        root.setTop(header());
        HBox body = new HBox(new PaperColumn(i18n, model, surface, opener).view(), reading.view());
        body.getStyleClass().add("draw-body");
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("draw-scroll");
        root.setCenter(scroll);
    }

    /** The title, what the page does, and whose net reads the drawing. */
    private Node header() {
        Label title = new Label(i18n.text("nav.draw"));
        title.getStyleClass().add("lesson-title");
        Label subtitle = new Label(i18n.text("draw.subtitle"));
        subtitle.getStyleClass().add("lesson-subtitle");
        subtitle.setWrapText(true);
        netLabel.setId("draw-net");
        netLabel.getStyleClass().add("draw-net");
        netLabel.setWrapText(true);
        VBox heading = new VBox(title, subtitle, netLabel);
        heading.getStyleClass().add("lesson-heading");
        HBox.setHgrow(heading, Priority.ALWAYS);
        HBox box = new HBox(heading);
        box.getStyleClass().add("lesson-header");
        return box;
    }

    // ------------------------------------------------------------ page life

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void shown() {
        surface.attach();
        reading.attach();
        model.netSourceProperty().addListener(onNet);
        theme.addListener(onTheme);
        showNet();
        status.show(i18n.text("draw.status"));
    }

    @Override
    public void hidden() {
        surface.detach();
        reading.detach();
        model.netSourceProperty().removeListener(onNet);
        theme.removeListener(onTheme);
    }

    /** Ctrl+Z undoes, Delete clears. */
    @Override
    public boolean handleKey(KeyEvent event) {
        if (event.getCode() == KeyCode.Z && event.isShortcutDown()) {
            model.undo();
            return true;
        }
        if (event.getCode() == KeyCode.DELETE || event.getCode() == KeyCode.BACK_SPACE) {
            model.clear();
            return true;
        }
        return false;
    }

    @Override
    public Node exportable() {
        return root.getCenter();
    }

    /** The view-model (tests). */
    public DrawModel model() {
        return model;
    }

    ProbabilityBars bars() {
        return reading.bars();
    }

    CellStrip preview() {
        return reading.preview();
    }

    CellStrip hiddenStrip() {
        return reading.hiddenStrip();
    }

    private void showNet() {
        DrawModel.NetSource source = model.netSourceProperty().get();
        netLabel.setText(i18n.text(switch (source == null ? DrawModel.NetSource.NONE : source) {
            case SHIPPED -> "draw.net.shipped";
            case TRAINED -> "draw.net.trained";
            case NONE -> "draw.net.none";
        }));
    }

    private void surfaceTheme(Theme now) {
        surface.setDark(now.isDark());
    }
}
