package com.backpropexplorer.ui.screenshot;

import com.backpropexplorer.explain.Example;
import com.backpropexplorer.ui.Theme;
import java.util.Locale;

/**
 * One picture of a lesson (or of the gradient check): language, theme, lesson, how many
 * stages done, which node is inspected, whether backward was just refused, and what else is in
 * use.
 */
public record Shot(Locale locale, Theme theme, Example lesson, int position, String selected, boolean refuse,
                   Extra extra) {

    /**
     * What else a picture shows: the weights panel in use, the gradient-check page after a run,
     * the bug lab after a check and the reveal, or the ch4 lesson's numerical gradient a few
     * elements in.
     */
    public enum Extra { NONE, WEIGHTS, GRADCHECK, BUGLAB, NUMGRAD }

    public Shot(Locale locale, Theme theme, Example lesson, int position, String selected, boolean refuse) {
        this(locale, theme, lesson, position, selected, refuse, Extra.NONE);
    }

    /** e.g. en-light-tiny-stage8-Affine1.png, ja-light-gradcheck-mnist.png */
    public String fileName() {
        String prefix = locale.getLanguage() + "-" + theme.name().toLowerCase(Locale.ROOT);
        if (extra == Extra.GRADCHECK) {
            return prefix + "-gradcheck-" + lesson.id() + ".png";
        }
        if (extra == Extra.BUGLAB) {
            return prefix + "-buglab.png";
        }
        if (extra == Extra.NUMGRAD) {
            return prefix + "-" + lesson.id() + "-numgrad.png";
        }
        return prefix + "-" + lesson.id() + "-" + (refuse ? "refused" : "stage" + position)
                + (selected == null ? "" : "-" + selected) + (extra == Extra.WEIGHTS ? "-weights" : "") + ".png";
    }
}
