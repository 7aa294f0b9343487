package com.backpropexplorer.ui.compare;

import com.backpropexplorer.ui.chart.ChartCanvas;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** A chart in a card under its title, as the Train page's tabs show their pictures. */
public final class ChartCard {
    private ChartCard() {
    }

    /** The card: the title (wrapped) above the chart, which takes the rest of the card's height. */
    public static VBox of(String title, ChartCanvas chart) {
        Label label = new Label(title);
        label.getStyleClass().add("train-chart-title");
        label.setWrapText(true);
        // the chart's texts in the card's own font, so Japanese axis titles get a CJK font
        label.fontProperty().addListener((obs, o, n) -> chart.setFontFamily(n.getFamily()));
        VBox card = new VBox(4, label, chart);
        card.getStyleClass().add("train-card");
        VBox.setVgrow(chart, Priority.ALWAYS);
        return card;
    }
}
