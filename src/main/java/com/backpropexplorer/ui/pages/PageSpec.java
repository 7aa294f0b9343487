package com.backpropexplorer.ui.pages;

import java.util.function.Function;

/**
 * A page's entry in the sidebar: its id, the bundle key of its title, its section, and how to
 * build it. To add a page (training, digit canvas, gradient check), add one of these to
 * {@link PageCatalog}.
 *
 * @param id a stable id, also the id of its sidebar button ("nav-" + id)
 * @param titleKey the messages.properties key of its sidebar title
 * @param section where in the sidebar it goes
 * @param factory builds the page for the current language and theme
 */
public record PageSpec(String id, String titleKey, Section section, Function<AppContext, Page> factory) {

    /** The two groups of the sidebar. */
    public enum Section {
        LESSONS("nav.lessons"),
        TOOLS("nav.tools");

        private final String titleKey;

        Section(String titleKey) {
            this.titleKey = titleKey;
        }

        public String titleKey() {
            return titleKey;
        }
    }
}
