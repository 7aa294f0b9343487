package com.backpropexplorer.ui.pages;

import com.backpropexplorer.explain.Example;
import com.backpropexplorer.ui.train.TrainingPage;
import java.util.List;

/**
 * Every page of the sidebar, in order: the three lessons, then the training view, the digit
 * canvas and the gradient check.
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
                new PageSpec("train", "nav.train", PageSpec.Section.TOOLS, TrainingPage::new),
                new PageSpec("draw", "nav.draw", PageSpec.Section.TOOLS,
                        com.backpropexplorer.ui.draw.DrawPage::new),
                new PageSpec("gradcheck", "nav.gradcheck", PageSpec.Section.TOOLS,
                        com.backpropexplorer.ui.gradcheck.GradcheckPage::new));
    }

    private static PageSpec lesson(Example example) {
        return new PageSpec(example.id(), "nav." + example.id(), PageSpec.Section.LESSONS,
                ctx -> new ExplainerPage(ctx, ctx.lesson(example)));
    }
}
