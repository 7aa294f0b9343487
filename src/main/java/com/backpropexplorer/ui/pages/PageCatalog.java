package com.backpropexplorer.ui.pages;

import com.backpropexplorer.explain.Example;
import java.util.List;

/**
 * Every page of the sidebar, in order. Later issues replace the placeholders: issue 5 the
 * training view, issue 6 the digit canvas, issue 4's gradient check is here.
 */
public final class PageCatalog {
    /** The id of the page shown at start. */
    public static final String FIRST_PAGE = "tiny";

    private PageCatalog() {
    }

    public static List<PageSpec> standard() {
        return List.of(
                lesson(Example.SIMPLE),
                lesson(Example.TINY),
                lesson(Example.MNIST),
                new PageSpec("train", "nav.train", PageSpec.Section.TOOLS,
                        ctx -> new PlaceholderPage(ctx, "train", "placeholder.train")),
                new PageSpec("draw", "nav.draw", PageSpec.Section.TOOLS,
                        ctx -> new PlaceholderPage(ctx, "draw", "placeholder.draw")),
                new PageSpec("gradcheck", "nav.gradcheck", PageSpec.Section.TOOLS,
                        com.backpropexplorer.ui.gradcheck.GradcheckPage::new));
    }

    private static PageSpec lesson(Example example) {
        return new PageSpec(example.id(), "nav." + example.id(), PageSpec.Section.LESSONS,
                ctx -> new ExplainerPage(ctx, ctx.lesson(example)));
    }
}
