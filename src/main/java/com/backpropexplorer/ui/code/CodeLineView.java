package com.backpropexplorer.ui.code;

import com.backpropexplorer.explain.code.Line;
import com.backpropexplorer.explain.code.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * One line of the code pane: its number, the code with every variable as its own piece (so it
 * can be hovered), and the comment in the UI language. The line's state is shown by pseudo
 * classes (code.css): {@code :call} (a call site on the running path), {@code :running} (a
 * body line of the running method), {@code :refused-read} and {@code :refused-fill} (a
 * refused backward), {@code :runs} (some stage runs it: clicking jumps there).
 */
final class CodeLineView extends HBox {
    static final PseudoClass CALL = PseudoClass.getPseudoClass("call");
    static final PseudoClass RUNNING = PseudoClass.getPseudoClass("running");
    static final PseudoClass REFUSED_READ = PseudoClass.getPseudoClass("refused-read");
    static final PseudoClass REFUSED_FILL = PseudoClass.getPseudoClass("refused-fill");
    static final PseudoClass RUNS = PseudoClass.getPseudoClass("runs");
    static final PseudoClass LINKED = PseudoClass.getPseudoClass("linked");

    private final Line line;
    private final List<Text> tokens = new ArrayList<>();

    /**
     * @param onToken called with a variable and true when the pointer enters it, false when it leaves
     */
    CodeLineView(Line line, Locale locale, BiConsumer<Token, Boolean> onToken) {
        this.line = line;
        setId("code-line-" + line.number());
        getStyleClass().add("code-line");
        Label number = new Label(String.valueOf(line.number()));
        number.getStyleClass().add("code-number");
        number.setMinWidth(USE_PREF_SIZE);
        number.setStyle(MONOSPACED);
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("code-flow");
        String code = line.code();
        int at = 0;
        for (Token token : line.tokens()) {
            if (token.start() > at) {
                flow.getChildren().add(piece(code.substring(at, token.start()), "code-text"));
            }
            Text t = piece(token.text(), "code-token");
            t.setUserData(token);
            t.setOnMouseEntered(e -> onToken.accept(token, true));
            t.setOnMouseExited(e -> onToken.accept(token, false));
            tokens.add(t);
            flow.getChildren().add(t);
            at = token.end();
        }
        if (at < code.length()) {
            flow.getChildren().add(piece(code.substring(at), "code-text"));
        }
        String comment = line.comment(locale);
        javafx.scene.Node content = flow;
        if (!comment.isEmpty() && code.isBlank()) {
            flow.getChildren().add(piece("# " + comment, "code-comment"));
        } else if (!comment.isEmpty()) {
            // under the code, not after it: the code keeps its line and the sentence may wrap
            TextFlow note = new TextFlow(piece(" ".repeat(line.indent()), "code-text"), piece("# " + comment,
                    "code-comment"));
            note.getStyleClass().add("code-note");
            note.setMinWidth(0);
            content = new VBox(flow, note);
        }
        if (flow.getChildren().isEmpty()) {
            flow.getChildren().add(piece(" ", "code-text"));
        }
        HBox.setHgrow(content, Priority.ALWAYS);
        flow.setMinWidth(0);
        getChildren().addAll(number, content);
    }

    Line line() {
        return line;
    }

    /** The variables on the line, as shown. */
    List<Text> tokens() {
        return tokens;
    }

    void mark(CodeMarks marks, boolean runs) {
        int n = line.number();
        pseudoClassStateChanged(CALL, marks.callSites().contains(n));
        pseudoClassStateChanged(RUNNING, marks.body().contains(n));
        pseudoClassStateChanged(REFUSED_READ, marks.refusedReads().contains(n));
        pseudoClassStateChanged(REFUSED_FILL, marks.refusedFills().contains(n));
        pseudoClassStateChanged(RUNS, runs);
    }

    /** Marks the variables that name the hovered tensor (or none). */
    void link(List<Token> linked) {
        for (Text t : tokens) {
            t.pseudoClassStateChanged(LINKED, linked.contains((Token) t.getUserData()));
        }
    }

    /**
     * Inline, because the window sets its Japanese font family inline on the root, which beats
     * any stylesheet; and a named family, because in a Japanese locale the logical "Monospaced"
     * may map to a proportional CJK font.
     */
    static final String MONOSPACED = "-fx-font-family: \"" + monospacedFamily() + "\";";

    private static String monospacedFamily() {
        List<String> installed = javafx.scene.text.Font.getFamilies();
        for (String family : List.of("DejaVu Sans Mono", "Noto Sans Mono", "Consolas", "Menlo", "Liberation Mono")) {
            if (installed.contains(family)) {
                return family;
            }
        }
        return "Monospaced";
    }

    private static Text piece(String text, String styleClass) {
        Text t = new Text(text);
        t.getStyleClass().add(styleClass);
        if (!styleClass.equals("code-comment")) {
            t.setStyle(MONOSPACED);
        }
        return t;
    }
}
