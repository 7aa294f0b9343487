package com.backpropexplorer.ui;

import java.net.URL;
import javafx.application.Application;

/**
 * Light or dark: AtlantaFX's Primer themes, plus a "dark" style class for our own colours.
 * The themes' stylesheets are installed as the user-agent stylesheet.
 */
public enum Theme {
    LIGHT("primer-light"),
    DARK("primer-dark");

    private final String name;

    Theme(String name) {
        this.name = name;
    }

    /** Installs the theme for the whole application (all windows). */
    public void apply() {
        Application.setUserAgentStylesheet(stylesheet());
    }

    /**
     * The theme's binary stylesheet, which the build makes from AtlantaFX's (JavaFX reads it
     * several times faster than the CSS: README, Start-up); else AtlantaFX's CSS; else, without
     * the theme jar, JavaFX's own Modena look.
     */
    String stylesheet() {
        URL url = Theme.class.getResource("/com/backpropexplorer/ui/theme/" + name + ".bss");
        if (url == null) {
            url = Theme.class.getResource("/atlantafx/base/theme/" + name + ".css");
        }
        return url == null ? Application.STYLESHEET_MODENA : url.toExternalForm();
    }

    public boolean isDark() {
        return this == DARK;
    }
}
