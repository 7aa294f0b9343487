package com.backpropexplorer.ui;

import java.net.URL;
import javafx.application.Application;

/**
 * Light or dark: AtlantaFX's Primer themes, plus a "dark" style class for our own colours.
 *
 * <p>AtlantaFX 2.1's classes are compiled for Java 21, so on Java 17 we cannot call
 * {@code new PrimerLight()}; its stylesheets are plain resources in the same jar and work on
 * any JavaFX 21 runtime, so we install those directly.
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
