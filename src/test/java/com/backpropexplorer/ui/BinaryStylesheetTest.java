package com.backpropexplorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.util.List;
import javafx.css.CssParser;
import javafx.css.Declaration;
import javafx.css.Rule;
import javafx.css.Stylesheet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The binary stylesheets the build makes (pom: binary-css) say what their CSS says: JavaFX
 * reads x.bss in place of x.css, so a stale or broken one would silently change the look.
 */
class BinaryStylesheetTest {

    @ParameterizedTest
    @ValueSource(strings = {"/com/backpropexplorer/ui/app", "/com/backpropexplorer/ui/draw/draw",
            "/com/backpropexplorer/ui/train/train"})
    void ourStylesheetsHaveTheirBinaryTwin(String name) throws IOException {
        assertSameRules(resource(name + ".css"), resource(name + ".bss"));
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void theThemeIsReadFromItsBinaryTwin(Theme theme) throws IOException {
        String used = theme.stylesheet();
        assertTrue(used.endsWith("/com/backpropexplorer/ui/theme/primer-" + theme.name().toLowerCase() + ".bss"),
                used);
        assertSameRules(resource("/atlantafx/base/theme/primer-" + theme.name().toLowerCase() + ".css"),
                new URL(used));
    }

    private static URL resource(String name) {
        URL url = BinaryStylesheetTest.class.getResource(name);
        assertNotNull(url, name + " is missing from the build's output");
        return url;
    }

    private static void assertSameRules(URL css, URL bss) throws IOException {
        List<Rule> parsed = new CssParser().parse(css).getRules();
        Stylesheet binary = Stylesheet.loadBinary(bss);
        assertNotNull(binary, bss + " is not a binary stylesheet of this JavaFX");
        List<Rule> loaded = binary.getRules();
        assertTrue(parsed.size() > 10, css + ": " + parsed.size() + " rules");
        assertEquals(parsed.size(), loaded.size(), "rules in " + bss);
        for (int i = 0; i < parsed.size(); i++) {
            assertEquals(describe(parsed.get(i)), describe(loaded.get(i)), "rule " + i + " of " + bss);
        }
    }

    /**
     * Its selectors and declarations (a binary rule reads its declarations when first asked).
     * A value the parser leaves as a nested array (border styles) prints as an identity hash on
     * the parsed side only, and an image's URL is kept relative to where each was read, so such
     * values count by their property alone; a stylesheet's own address is left out.
     */
    private static String describe(Rule rule) {
        StringBuilder text = new StringBuilder(rule.getSelectors().toString()).append(" {");
        for (Declaration declaration : rule.getDeclarations()) {
            // a value that may hold a URL names the stylesheet it was read from
            String value = String.valueOf(declaration.getParsedValue()).replaceAll("[^\\s<>]+\\.[bc]ss", "(sheet)");
            boolean comparable = !value.contains("[Ljavafx.css.ParsedValue;@")
                    && !declaration.getProperty().endsWith("-border-style")
                    && !declaration.getProperty().endsWith("-image");
            text.append(' ').append(declaration.getProperty()).append(": ").append(comparable ? value : "(nested)")
                    .append(declaration.isImportant() ? " !important;" : ";");
        }
        return text.append(" }").toString();
    }
}
