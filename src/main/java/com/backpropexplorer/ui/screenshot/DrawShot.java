package com.backpropexplorer.ui.screenshot;

import com.backpropexplorer.ui.Theme;
import java.util.Locale;

/** A picture of the digit canvas with a sample digit on it, read by the shipped model. */
public record DrawShot(Locale locale, Theme theme) {

    /** e.g. en-light-draw.png */
    public String fileName() {
        return locale.getLanguage() + "-" + theme.name().toLowerCase(Locale.ROOT) + "-draw.png";
    }
}
