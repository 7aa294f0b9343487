package com.backpropexplorer.ui.train;

import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.OptimizerKind;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.Labels;
import java.util.Locale;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.SetChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;

/**
 * The hyperparameter fields of the training view, tied to the {@link TrainingSettings}: each
 * field shows its text as typed and is marked (in red) while it does not parse or the last
 * Start refused it. Lets go of the settings when the page goes, so the page can be collected.
 */
final class SettingsForm {
    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");

    private final TrainingSettings settings;
    private final Subscriptions subscriptions;

    SettingsForm(TrainingSettings settings, Subscriptions subscriptions) {
        this.settings = settings;
        this.subscriptions = subscriptions;
    }

    /** A text field that edits {@code text}, validated as {@code name} (an id of {@link TrainingSettings}). */
    void field(TextField field, String name, StringProperty text) {
        field.textProperty().bindBidirectional(text);
        Runnable mark = () -> field.pseudoClassStateChanged(DANGER, settings.invalidFields().contains(name)
                || !TrainingSettings.looksValid(name, field.getText()));
        field.textProperty().addListener((obs, o, n) -> {
            settings.invalidFields().remove(name);
            mark.run();
        });
        SetChangeListener<String> onInvalid = change -> mark.run();
        settings.invalidFields().addListener(onInvalid);
        subscriptions.add(() -> settings.invalidFields().removeListener(onInvalid));
        mark.run();
    }

    /** Iterations or epochs. */
    void lengthUnit(ComboBox<Boolean> unit, I18n i18n) {
        unit.getItems().setAll(false, true);
        unit.setConverter(Labels.of(b -> i18n.text(b ? "train.unit.epochs" : "train.unit.iterations")));
        unit.setValue(settings.inEpochsProperty().get());
        unit.valueProperty().addListener((obs, o, n) -> settings.inEpochsProperty().set(Boolean.TRUE.equals(n)));
        ChangeListener<Boolean> follow = (obs, o, n) -> unit.setValue(n);
        subscriptions.listen(settings.inEpochsProperty(), follow);
    }

    void activation(ComboBox<Activation> choice, I18n i18n) {
        choice.getItems().setAll(Activation.values());
        choice.setConverter(Labels.of(a -> i18n.text("train.activation." + a.name().toLowerCase(Locale.ROOT))));
        choice.valueProperty().bindBidirectional(settings.activationProperty());
    }

    void optimizer(ComboBox<OptimizerKind> choice, I18n i18n) {
        choice.getItems().setAll(OptimizerKind.values());
        choice.setConverter(Labels.of(k -> i18n.text("train.optimizer." + k.id())));
        choice.valueProperty().bindBidirectional(settings.optimizerProperty());
    }

    /** The book's defaults again, no field marked. */
    void reset() {
        settings.reset();
        settings.invalidFields().clear();
    }
}
