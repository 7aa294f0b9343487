package com.backpropexplorer.explain.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.explain.text.Texts;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The listings: every file parses, every comment has both languages, sections and variables. */
class ListingTest {
    /** Every listing file, with values for its substitutions. */
    static final List<Listing.Part> ALL = List.of(
            Listing.Part.of("two_layer_net.py").with(Map.of("Act", "Relu", "ActLayer", "Relu1")),
            Listing.Part.of("layers.py"), Listing.Part.of("optimizer.py"),
            Listing.Part.of("train_neuralnet.py").with(Map.of("inputs", "784", "hidden", "50", "outputs", "10")),
            Listing.Part.of("simple_net.py"), Listing.Part.of("layer_naive.py"),
            Listing.Part.of("buy_apple.py").with(Map.of("apple", "100", "apple_num", "2", "tax", "1.1")),
            Listing.Part.of("buy_apple_orange.py").with(Map.of("apple", "100", "apple_num", "2", "orange", "150",
                    "orange_num", "3", "tax", "1.1")),
            Listing.Part.of("sigmoid_graph.py"), Listing.Part.of("sigmoid_layer.py"), Listing.Part.of("gradient.py"));

    @Test
    void everyCommentIsThereInEnglishAndJapanese() {
        Listing all = Listing.of("all", ALL);
        int comments = 0;
        for (Line line : all.lines()) {
            if (line.commentKey() != null) {
                comments++;
                String en = line.comment(Locale.ENGLISH);
                String ja = line.comment(Locale.JAPANESE);
                assertFalse(en.startsWith("!") || ja.startsWith("!"), line.commentKey());
                assertNotEquals(en, ja, line.commentKey());
            }
            assertFalse(line.code().contains("#@") || line.code().contains("#:"), "markup left in line " + line);
        }
        assertTrue(comments > 40, comments + " comments");
        assertTrue(Texts.has("code.softmax.backward"));
    }

    @Test
    void linesKnowTheirMethod() {
        Listing layers = Listing.of("layers", List.of(Listing.Part.of("layers.py").keeping("Affine", "Relu")));
        assertEquals(List.of("layers.py"), layers.files());
        assertTrue(layers.lines().stream().noneMatch(l -> l.code().contains("import")), "only the classes kept");
        List<String> forward = layers.body("Affine.forward").stream().map(n -> layers.line(n).code().trim()).toList();
        assertEquals(List.of("self.x = x", "out = np.dot(x, self.W) + self.b", "return out"), forward);
        assertEquals("Relu.backward", layers.line(layers.withAnchor("reads-cache").get(1)).section());
        assertTrue(layers.section("Relu.forward").size() >= 4);
    }

    @Test
    void substitutionsWriteTheLessonsNumbersIn() {
        Listing shop = Listing.of("shop", List.of(ALL.get(6)));
        assertEquals("apple = 100", shop.line(1).code());
        assertThrows(IllegalArgumentException.class,
                () -> Listing.of("shop", List.of(Listing.Part.of("buy_apple.py"))), "a missing value is an error");
    }

    @Test
    void variablesAreFoundAndKeywordsAreNot() {
        Listing net = Listing.of("net", List.of(ALL.get(0)));
        Line grads = net.lines().stream().filter(l -> l.code().trim().startsWith("grads['W1'] = numerical"))
                .findFirst().orElseThrow();
        assertEquals(List.of("grads['W1']", "loss_W", "self.params['W1']"),
                grads.tokens().stream().map(Token::text).toList());
        Token first = grads.tokens().get(0);
        assertEquals("grads['W1']", grads.code().substring(first.start(), first.end()));
        assertTrue(net.line(1).tokens().isEmpty(), "imports name no variables");
    }

    @Test
    void renderingFollowsTheLanguage() {
        Listing gradient = Listing.of("gradient", List.of(Listing.Part.of("gradient.py")));
        String en = gradient.render(Locale.ENGLISH);
        String ja = gradient.render(Locale.JAPANESE);
        assertTrue(en.contains("x[idx] = tmp_val + h  # nudges the net's own array in place"), en);
        assertTrue(ja.contains("x[idx] = tmp_val + h  # ネットワーク自身の配列"), ja);
    }
}
