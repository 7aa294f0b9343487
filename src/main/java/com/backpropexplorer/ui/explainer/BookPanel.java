package com.backpropexplorer.ui.explainer;

import com.backpropexplorer.explain.BookValues;
import com.backpropexplorer.explain.Tensor;
import com.backpropexplorer.explain.text.Texts;
import com.backpropexplorer.ui.I18n;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * What the book prints beside what this app computes (simpleNet: §4.4.2, p. 111), above the
 * inspector: each value as printed, ours, how far apart they are, and why (the book's loss has
 * no 1e−7 inside the log; its dW is a numerical gradient, ours is by backprop).
 */
final class BookPanel extends VBox {

    /** The panel under a title the learner can fold away (open at first), to reach the inspector. */
    static TitledPane collapsible(I18n i18n, BookValues book) {
        TitledPane pane = new TitledPane(i18n.text("book.short"), new BookPanel(i18n, book));
        pane.setId("book-pane");
        pane.getStyleClass().add("book-pane");
        pane.setExpanded(true);
        pane.setMinWidth(0); // as narrow as the inspector: its lines wrap
        return pane;
    }

    BookPanel(I18n i18n, BookValues book) {
        getStyleClass().add("book-panel");
        setId("book-panel");
        setMinWidth(0);
        Locale locale = i18n.locale();
        getChildren().add(wrapped(i18n.text("book.title", book.source()), "section-title"));
        getChildren().add(wrapped(i18n.text("book.intro"), "inspector-description"));
        for (BookValues.Value v : book.values()) {
            getChildren().add(styled(new Label(v.name()), "formula"));
            Label printed = wrapped(i18n.text("book.printed", v.printedText()), "book-printed");
            Label ours = wrapped(i18n.text("book.ours", text(v.ours())), "book-ours");
            Label apart = wrapped(i18n.text("book.apart", String.format(Locale.ROOT, "%.1e", v.maxAbsDifference())),
                    "inspector-shapes");
            printed.setId("book-printed-" + id(v.name()));
            ours.setId("book-ours-" + id(v.name()));
            apart.setId("book-apart-" + id(v.name()));
            getChildren().addAll(printed, ours, apart);
            if (v.noteKey() != null) {
                Label note = wrapped(Texts.text(locale, v.noteKey()), "inspector-description");
                note.setId("book-note-" + id(v.name()));
                getChildren().add(note);
            }
        }
    }

    /** A node id from a value's name: {@code net.predict(x)} → {@code predict}, {@code loss without 1e-7} → {@code loss-noguard}. */
    static String id(String name) {
        return switch (name) {
            case "net.predict(x)" -> "predict";
            case "loss without 1e-7" -> "loss-noguard";
            default -> name;
        };
    }

    /** Ours to ten significant digits, one more than the book prints, as the book writes arrays. */
    private static String text(Tensor t) {
        if (t.isScalar()) {
            return Double.toString(t.value());
        }
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < t.rows(); r++) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < t.cols(); c++) {
                cells.add(String.format(Locale.ROOT, "%.10g", t.at(r * t.cols() + c)).replaceAll("0+$", ""));
            }
            rows.add("[" + String.join(", ", cells) + "]");
        }
        return rows.size() == 1 ? rows.get(0) : "[" + String.join(", ", rows) + "]";
    }

    private static Label wrapped(String text, String style) {
        Label label = styled(new Label(text), style);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label styled(Label label, String style) {
        label.getStyleClass().add(style);
        return label;
    }
}
