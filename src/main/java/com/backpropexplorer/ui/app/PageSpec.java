package com.backpropexplorer.ui.app;

import com.backpropexplorer.ui.shell.Page;
import java.util.function.Supplier;

/**
 * A page's entry in the sidebar: its id, the bundle key of its title, its section, and how to
 * build it. To add a page, add one of these to {@link Explorer#pages}.
 *
 * @param id a stable id, also the id of its sidebar button ("nav-" + id)
 * @param titleKey the messages.properties key of its sidebar title
 * @param section where in the sidebar it goes
 * @param factory builds the page for the current language and theme
 */
record PageSpec(String id, String titleKey, Section section, Supplier<Page> factory) {

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
