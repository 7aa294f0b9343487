package com.backpropexplorer.explain.code;

import com.backpropexplorer.explain.text.Texts;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One line of a listing: the Python code, an optional comment (a key, so it follows the UI
 * language), the anchors that tie it to stages, and the method it belongs to.
 *
 * @param number 1-based, counted over the whole listing (all its files)
 * @param file the file the line belongs to, e.g. {@code two_layer_net.py}
 * @param code the code without the comment (may be empty, or only indentation)
 * @param commentKey the key of the comment in the explain bundle, or null
 * @param anchors what the stage map looks for: {@code call:Affine.forward} (this line calls it),
 *     {@code body:exp.forward} (this line is that stage's body), {@code reads-cache},
 *     {@code fills-cache}, {@code numgrad:plus} …
 * @param section {@code Class.method}, a function's name, or "" at module level
 * @param tokens the variables the line names, in order
 */
public record Line(int number, String file, String code, String commentKey, Set<String> anchors, String section,
                   List<Token> tokens) {
    public Line {
        anchors = Set.copyOf(anchors);
        tokens = List.copyOf(tokens);
    }

    /** How many leading spaces the code has (a comment-only line: its comment's). */
    public int indent() {
        int i = 0;
        while (i < code.length() && code.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** True for a line with neither code nor comment. */
    public boolean isBlank() {
        return code.isBlank() && commentKey == null;
    }

    /** True for a line that only holds a comment. */
    public boolean isCommentOnly() {
        return code.isBlank() && commentKey != null;
    }

    /** True when the line has real code (not blank, not a comment). */
    public boolean hasCode() {
        return !code.isBlank();
    }

    public boolean has(String anchor) {
        return anchors.contains(anchor);
    }

    /** The comment in that language, without "#", or "". */
    public String comment(Locale locale) {
        return commentKey == null ? "" : Texts.text(locale, commentKey);
    }

    /** The line as the code pane shows it: code, then "# comment" in that language. */
    public String render(Locale locale) {
        if (commentKey == null) {
            return code;
        }
        if (code.isBlank()) {
            return code + "# " + comment(locale);
        }
        return code + "  # " + comment(locale);
    }
}
