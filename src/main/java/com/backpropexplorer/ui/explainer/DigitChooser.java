package com.backpropexplorer.ui.explainer;

import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.lesson.DrawnDigitLesson;
import com.backpropexplorer.ui.lesson.MnistDigits;
import com.backpropexplorer.ui.shared.TrainedNet;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * The mnist lesson's header row: which test digits go through the net, and whose net it is (the
 * learner's, once they trained or opened one). Any of the 10,000 can be first; the lesson keeps
 * the whole batch (3, or 100 from the weights panel) inside the test set and its subtitle names
 * the digits actually shown.
 */
final class DigitChooser extends HBox {

    DigitChooser(I18n i18n, MnistDigits digits, TrainedNet trained) {
        super(8);
        Spinner<Integer> digit = new Spinner<>(0, 9_999, 0);
        digit.setId("mnistDigitSpinner");
        digit.setEditable(true);
        digit.setPrefWidth(100);
        digit.getValueFactory().valueProperty().bindBidirectional(digits.firstDigitProperty());
        digit.setTooltip(new Tooltip(i18n.text("lesson.mnist.digit.tip")));
        Label whose = new Label();
        whose.getStyleClass().add("lesson-subtitle");
        whose.textProperty().bind(Bindings.createStringBinding(() -> i18n.text(trained.isPresent()
                ? "lesson.mnist.net.trained" : "lesson.mnist.net.untrained"), trained.property()));
        // after "Explain this digit" the lesson shows the drawing, not test digits: say so, and
        // that the spinner goes back to them
        Label which = new Label();
        which.setId("mnistDigitLabel");
        which.textProperty().bind(Bindings.createStringBinding(() -> digits.lesson().source()
                instanceof DrawnDigitLesson drawn ? i18n.text("lesson.mnist.drawn", drawn.label())
                : i18n.text("lesson.mnist.digit"), digits.lesson().sourceProperty()));
        which.setMinWidth(Region.USE_PREF_SIZE);
        whose.setWrapText(true); // beside the Code button a laptop's header is narrow
        whose.setMinWidth(0);
        whose.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(which, digit, whose);
        setAlignment(Pos.CENTER_LEFT);
    }
}
