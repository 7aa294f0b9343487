package com.backpropexplorer.ui.pages;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A page that a later issue fills in: says what will be here. */
public final class PlaceholderPage implements Page {
    private final VBox view;

    public PlaceholderPage(AppContext ctx, String id, String textKey) {
        Label title = new Label(ctx.i18n().text("nav." + id));
        title.getStyleClass().add("title-2");
        Label text = new Label(ctx.i18n().text(textKey));
        text.setWrapText(true);
        text.getStyleClass().add("text-muted");
        view = new VBox(12, title, text);
        view.setAlignment(Pos.CENTER);
        view.setMaxWidth(520);
        view.getStyleClass().add("placeholder-page");
        view.setId("page-" + id);
    }

    @Override
    public Node view() {
        return view;
    }
}
