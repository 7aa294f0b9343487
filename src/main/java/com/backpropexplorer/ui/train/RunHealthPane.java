package com.backpropexplorer.ui.train;

import com.backpropexplorer.explain.TrainingHealth;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.chart.ChartCanvas;
import com.backpropexplorer.ui.compare.CardGrid;
import com.backpropexplorer.ui.compare.ChartCard;
import com.backpropexplorer.ui.compare.HealthChart;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * Is this run healthy? The Train page's own run as the comparison shows its runs: the update
 * size relative to the weights, log10(‖ΔW‖/‖W‖), of W1, b1, W2 and b2, and the share of hidden
 * ReLU units that never fire on a batch of test digits, both against the iteration, over all
 * runs of the current net. Redrawn when the run has measured more (every 1 % of it). FX thread.
 */
final class RunHealthPane extends VBox {
    private final TrainingModel model;
    private final List<ChartCanvas> charts;
    private TrainingHealth.Series shown = new TrainingHealth.Series(new int[0], new double[4][0], new double[0]);
    private int shownEnd = -1;

    RunHealthPane(I18n i18n, TrainingModel model, Subscriptions subscriptions) {
        this.model = model;
        setId("runHealthPane");
        setSpacing(8);
        Label intro = new Label(i18n.text("train.health.intro", TrainingRun.HEALTH_PROBE));
        intro.setWrapText(true);
        intro.getStyleClass().add("text-muted");
        String name = i18n.text("train.health.line");
        ChartCanvas ratios = new HealthChart(() -> lines(name), model::plannedEnd, false, "runUpdateRatio");
        ratios.setTitles(i18n.text("compare.axis.iteration"), i18n.text("compare.axis.ratio"));
        ChartCanvas dead = new HealthChart(() -> lines(name), model::plannedEnd, true, "runDeadUnits");
        dead.setTitles(i18n.text("compare.axis.iteration"), i18n.text("compare.axis.dead"));
        charts = List.of(ratios, dead);
        CardGrid cards = new CardGrid(12);
        cards.setId("runHealthCards");
        cards.getChildren().addAll(ChartCard.of(i18n.text("train.health.title.ratio"), ratios),
                ChartCard.of(i18n.text("train.health.title.dead", TrainingRun.HEALTH_PROBE), dead));
        getChildren().addAll(intro, cards);
        subscriptions.listen(model.log().versionProperty(), (obs, o, n) -> refresh());
        refresh();
    }

    /** What the charts show (tests). */
    TrainingHealth.Series shown() {
        return shown;
    }

    private List<HealthChart.Line> lines(String name) {
        return shown.size() == 0 ? List.of() : List.of(new HealthChart.Line(name, null, shown));
    }

    /** Redraws when there are new measurements or the x axis changed (a new run, a Continue). */
    private void refresh() {
        TrainingHealth.Series now = model.log().health();
        int end = model.plannedEnd();
        if (now.size() != shown.size() || end != shownEnd || now.size() > 0
                && now.iterations()[now.size() - 1] != shown.iterations()[shown.size() - 1]) {
            shown = now;
            shownEnd = end;
            charts.forEach(ChartCanvas::redraw);
        }
    }

}
