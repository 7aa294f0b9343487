package com.backpropexplorer.ui.train;

import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.Sentence;
import java.util.List;

/**
 * A sentence for the learner on the training view: a bundle key and its arguments, said in the
 * language of the moment (so a language switch says it again in the new one). An argument that
 * is an exception is said as {@link I18n#describe} says it: a data error from its own
 * bundle, anything else as an unexpected error.
 */
public record Notice(String key, List<Object> args, boolean error) {

    static Notice info(String key, Object... args) {
        return new Notice(key, List.of(args), false);
    }

    static Notice error(String key, Object... args) {
        return new Notice(key, List.of(args), true);
    }

    /** The sentence in {@code i18n}'s language. */
    public String text(I18n i18n) {
        return new Sentence(key, args).text(i18n);
    }
}
