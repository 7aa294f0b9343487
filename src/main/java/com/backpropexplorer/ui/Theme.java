package com.backpropexplorer.ui;

import java.net.URL;
import javafx.application.Application;

/**
 * Light or dark: AtlantaFX's Primer themes, plus a "dark" style class for our own colours.
 * The themes' stylesheets are installed as the user-agent stylesheet straight from the
 * AtlantaFX jar; where it is missing the app still runs in JavaFX's own Modena look.
 */
public enum Theme {
    LIGHT("/atlantafx/base/theme/primer-light.css"),
    DARK("/atlantafx/base/theme/primer-dark.css");

    private final String stylesheet;

    Theme(String stylesheet) {
        this.stylesheet = stylesheet;
    }

    /** Installs the theme for the whole application (all windows). */
    public void apply() {
        URL url = Theme.class.getResource(stylesheet);
        // without the theme jar the app still runs, in JavaFX's own Modena look
        Application.setUserAgentStylesheet(url == null ? Application.STYLESHEET_MODENA : url.toExternalForm());
    }

    public boolean isDark() {
        return this == DARK;
    }
}
