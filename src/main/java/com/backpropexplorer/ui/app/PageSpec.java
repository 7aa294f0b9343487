package com.backpropexplorer.ui.app;

import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.shell.Page;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A page's entry in the sidebar: its id, the bundle key of its title, its section, and how to
 * build it. To add a page, add one of these to {@link Explorer#pages}.
 *
 * @param id a stable id, also the id of its sidebar button ("nav-" + id)
 * @param title its sidebar title in the window's language
 * @param section where in the sidebar it goes
 * @param factory builds the page for the current language and theme
 */
record PageSpec(String id, Function<I18n, String> title, Section section, Supplier<Page> factory) {

    /** A page whose sidebar title is the messages.properties key {@code titleKey}. */
    PageSpec(String id, String titleKey, Section section, Supplier<Page> factory) {
        this(id, i18n -> i18n.text(titleKey), section, factory);
    }

    /** The two groups of the sidebar. */
    enum Section {
        LESSONS("nav.lessons"),
        TOOLS("nav.tools");

        private final String titleKey;

        Section(String titleKey) {
            this.titleKey = titleKey;
        }

        String titleKey() {
            return titleKey;
        }
    }
}
