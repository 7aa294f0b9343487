package com.backpropexplorer.ui;

import com.backpropexplorer.data.DataException;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The user-facing strings of the window, from {@code messages.properties} (English) and
 * {@code messages_ja.properties} (Japanese). The locale is a property: changing it makes the
 * main window rebuild its scene from FXML with the new bundle, while the lessons keep their
 * state (they live in the view-models, not in the views).
 */
public final class I18n {
    /** Base name of the bundles, next to the FXML files. */
    public static final String BUNDLE = "com.backpropexplorer.ui.messages";
    /** The languages the Language menu offers. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.JAPANESE);

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(this, "locale");
    private ResourceBundle bundle;

    public I18n(Locale initial) {
        locale.addListener((obs, old, now) -> bundle = load(now));
        locale.set(supported(initial));
    }

    /** English or Japanese, whichever the OS locale is closest to. */
    public static I18n forSystemLocale() {
        return new I18n(Locale.getDefault());
    }

    /** Japanese for any ja_* locale, English otherwise. */
    public static Locale supported(Locale wanted) {
        return "ja".equals(wanted.getLanguage()) ? Locale.JAPANESE : Locale.ENGLISH;
    }

    private static ResourceBundle load(Locale locale) {
        // Locale.ROOT fallback control: without it a Japanese OS asking for English would get Japanese.
        return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public ReadOnlyObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale locale() {
        return locale.get();
    }

    public void setLocale(Locale next) {
        locale.set(supported(next));
    }

    public boolean isJapanese() {
        return "ja".equals(locale().getLanguage());
    }

    /**
     * The bundle for the current locale, for FXMLLoader: each text as {@link #text} gives it
     * (MessageFormat, so the bundles' {@code ''} is one apostrophe in FXML too).
     */
    public ResourceBundle bundle() {
        ResourceBundle raw = bundle;
        Locale now = locale();
        return new ResourceBundle() {
            @Override
            protected Object handleGetObject(String key) {
                return raw.containsKey(key) ? new MessageFormat(raw.getString(key), now).format(new Object[0]) : null;
            }

            @Override
            public java.util.Enumeration<String> getKeys() {
                return raw.getKeys();
            }
        };
    }

    /** The text of a key, with {0}, {1}… filled in MessageFormat style. */
    public String text(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            // A missing key must be visible in the window and in tests, not crash a render.
            return "!" + key + "!";
        }
        // always MessageFormat, so '' means ' in every message, with or without arguments
        return new MessageFormat(pattern, locale()).format(args);
    }

    /** Whether the bundle has the key (for optional texts like per-layer descriptions). */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** {@link #describe(Throwable, Locale)} in this language. */
    public String describe(Throwable error) {
        return describe(error, locale());
    }

    /**
     * What to tell the user about {@code error} in {@code locale}'s language: a data error's own
     * sentence (also when a wrapper such as CompletionException carries it), anything else (a
     * bug, not something the user can fix) as the bundle's sentence for an unexpected error,
     * with the error's kind and message as its detail. Never the bare English of an exception.
     */
    public static String describe(Throwable error, Locale locale) {
        if (error == null) {
            return "";
        }
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof DataException) {
                return DataException.describe(t, supported(locale));
            }
        }
        Throwable shown = error;
        while ((shown instanceof CompletionException || shown instanceof ExecutionException)
                && shown.getCause() != null) {
            shown = shown.getCause();
        }
        String detail = shown.getClass().getSimpleName()
                + (shown.getMessage() == null ? "" : ": " + shown.getMessage());
        Locale language = supported(locale);
        return new MessageFormat(load(language).getString("error.unexpected"), language).format(new Object[] {detail});
    }
}
