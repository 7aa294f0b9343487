package com.backpropexplorer.ui.train;

import com.backpropexplorer.engine.TrainingConfig;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.compare.ComparisonPane;
import com.backpropexplorer.ui.compare.ComparisonQueue;
import com.backpropexplorer.ui.compare.ConfusionPane;
import java.util.concurrent.Executor;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Window;

/**
 * The Train page's tabs: this run's pictures (as before), whether it is healthy (update sizes
 * and dead units), which test digits it gets wrong (the confusion matrix of the last epoch, with
 * the step-through one click away), and the comparison of configurations (chapter 6's figures).
 * Wires the page's models to the views.
 */
final class TeachingTabs {
    private final TabPane tabs = new TabPane();
    private final ConfusionPane confusion;
    private final ComparisonPane comparison;
    private final RunHealthPane health;
    private final DatasetModel dataset;

    TeachingTabs(I18n i18n, TrainingModel model, DatasetModel dataset, Node runPictures, ComparisonQueue queue,
                 ConfusionPane.ExplainDigit explain, Executor background, java.util.function.Supplier<Window> owner,
                 Subscriptions subscriptions) {
        this.dataset = dataset;
        confusion = new ConfusionPane(i18n, explain);
        health = new RunHealthPane(i18n, model, subscriptions);
        comparison = new ComparisonPane(i18n, queue, () -> formConfig(model), owner, background, next -> {
            if (dataset.data() != null) {
                next.run();
                return true;
            }
            if (!dataset.available()) {
                return false;
            }
            dataset.load(model.kernels()::prepare).whenComplete((set, error) -> {
                if (error == null) {
                    next.run();
                }
            });
            return true;
        });
        tabs.setId("trainTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(tab("trainTabRun", i18n.text("train.tab.run"), runPictures),
                tab("trainTabHealth", i18n.text("train.tab.health"), scroll(health)),
                tab("trainTabConfusion", i18n.text("train.tab.confusion"), scroll(confusion)),
                tab("trainTabCompare", i18n.text("train.tab.compare"), scroll(comparison)));
        subscriptions.listen(model.confusionProperty(), (obs, o, n) -> show(n));
        subscriptions.add(comparison::detach);
        show(model.confusionProperty().get());
    }

    private static Tab tab(String id, String text, Node content) {
        Tab tab = new Tab(text, content);
        tab.setId(id);
        return tab;
    }

    private static ScrollPane scroll(Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("train-charts-scroll");
        content.getStyleClass().add("train-tab-content");
        return scroll;
    }

    /** The form's configuration for the training set loaded (or MNIST's 60,000), or null when the form is wrong. */
    private TrainingConfig formConfig(TrainingModel model) {
        TrainingSet set = dataset.data();
        return model.settings().parse(set == null ? 60_000 : set.data().trainSize()).config();
    }

    private void show(EpochConfusion epoch) {
        TrainingSet set = dataset.data();
        if (epoch != null && set != null && set.data().testSize() == epoch.matrix().total()) {
            confusion.show(epoch.matrix(), epoch.net(), set.data().testImages());
        }
    }

    TabPane view() {
        return tabs;
    }

    ConfusionPane confusion() {
        return confusion;
    }

    ComparisonPane comparison() {
        return comparison;
    }

    RunHealthPane health() {
        return health;
    }

}
