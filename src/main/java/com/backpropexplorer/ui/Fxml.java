package com.backpropexplorer.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;

/** Loads an FXML layout with the current bundle and a controller made beforehand. */
public final class Fxml {
    private Fxml() {
    }

    /**
     * @param owner the class next to whose package the file lies (its resources folder)
     * @param name the file's name, e.g. "explainer.fxml"
     * @param controller the instance whose @FXML fields and handlers the layout fills
     * @return the layout's root
     */
    public static <T> T load(Class<?> owner, String name, I18n i18n, Object controller) {
        URL url = owner.getResource(name);
        if (url == null) {
            throw new IllegalStateException(name + " is missing beside " + owner.getName());
        }
        FXMLLoader loader = new FXMLLoader(url, i18n.bundle());
        loader.setController(controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(name + " could not be loaded", e);
        }
    }
}
