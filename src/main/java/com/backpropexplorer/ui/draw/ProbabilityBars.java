package com.backpropexplorer.ui.draw;

import com.backpropexplorer.ui.Numbers;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The ten class probabilities (softmax output) as horizontal bars, the most probable one
 * highlighted. Bars are forward values, so they wear the forward colour (draw.css).
 */
final class ProbabilityBars extends GridPane {
    private final Region[] bars = new Region[10];
    private final Label[] values = new Label[10];
    private final Label[] digits = new Label[10];
    private final StackPane[] tracks = new StackPane[10];

    ProbabilityBars() {
        getStyleClass().add("probability-bars");
        setId("probability-bars");
        for (int k = 0; k < 10; k++) {
            digits[k] = new Label(Integer.toString(k));
            digits[k].getStyleClass().add("probability-digit");
            bars[k] = new Region();
            bars[k].getStyleClass().add("probability-bar");
            bars[k].setMaxWidth(0);
            bars[k].setMinWidth(0);
            tracks[k] = new StackPane(bars[k]);
            tracks[k].getStyleClass().add("probability-track");
            tracks[k].setAlignment(Pos.CENTER_LEFT);
            tracks[k].setMinWidth(120);
            tracks[k].setPrefWidth(280);
            GridPane.setHgrow(tracks[k], Priority.ALWAYS);
            values[k] = new Label("");
            values[k].getStyleClass().add("probability-value");
            values[k].setMinWidth(Region.USE_PREF_SIZE);
            values[k].setPrefWidth(58);
            values[k].setAlignment(Pos.CENTER_RIGHT);
            addRow(k, digits[k], tracks[k], values[k]);
            int row = k;
            tracks[k].widthProperty().addListener((obs, o, n) -> resizeBar(row));
        }
    }

    /** Shows the probabilities; null shows empty bars (nothing drawn yet). */
    void show(double[] probabilities, int predicted) {
        for (int k = 0; k < 10; k++) {
            double p = probabilities == null ? 0 : probabilities[k];
            bars[k].setUserData(p);
            resizeBar(k);
            values[k].setText(probabilities == null ? "" : String.format(Locale.ROOT, "%.1f%%", 100 * p));
            if (probabilities != null) {
                Tooltip.install(tracks[k], new Tooltip("p[" + k + "] = " + Numbers.full(p)));
            }
            boolean best = probabilities != null && k == predicted;
            for (var node : new javafx.scene.Node[] {digits[k], bars[k], values[k]}) {
                node.getStyleClass().remove("predicted");
                if (best) {
                    node.getStyleClass().add("predicted");
                }
            }
        }
    }

    /** The probability a bar shows (tests). */
    double shown(int k) {
        return bars[k].getUserData() instanceof Double p ? p : 0;
    }

    private void resizeBar(int k) {
        double p = bars[k].getUserData() instanceof Double d ? d : 0;
        double width = Math.max(0, tracks[k].getWidth() - tracks[k].snappedLeftInset() - tracks[k].snappedRightInset());
        double w = Math.round(p * width);
        bars[k].setMinWidth(w);
        bars[k].setMaxWidth(w);
        bars[k].setPrefWidth(w);
    }
}
