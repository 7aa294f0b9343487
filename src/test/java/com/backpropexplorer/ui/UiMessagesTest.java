package com.backpropexplorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.Bundles;
import com.backpropexplorer.data.DataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The window's bundle: both languages have the same keys with the same arguments, every key the
 * code and the FXML name is there, and an error reaches the user as a sentence of the bundle in
 * the window's language, never as an exception's bare English.
 */
class UiMessagesTest {

    private static Properties bundle(String suffix) {
        return Bundles.load("ui", suffix);
    }

    @Test
    void japaneseHasEveryEnglishKeyWithTheSameArguments() {
        Properties english = bundle("");
        Properties japanese = bundle("_ja");
        assertTrue(english.size() > 400, english.size() + " keys");
        Bundles.assertSameKeysAndArguments(english, japanese);
        Object[] args = {1, 2, 3, 4, 5, 6, 7};
        for (String key : english.stringPropertyNames()) {
            String en = new MessageFormat(english.getProperty(key), Locale.ENGLISH).format(args);
            String ja = new MessageFormat(japanese.getProperty(key), Locale.JAPANESE).format(args);
            assertEquals(en.isBlank(), ja.isBlank(), key + " is blank in one language only");
        }
    }

    @Test
    void everyKeyTheCodeAndTheFxmlNameIsInTheBundle() throws IOException {
        Properties english = bundle("");
        List<String> missing = new ArrayList<>();
        int named = 0;
        named += collect(Path.of("src/main/java/com/backpropexplorer/ui"), ".java",
                Pattern.compile("(?:i18n|I18n)\\.text\\(\\s*\"([^\"]+)\""), english, missing);
        named += collect(Path.of("src/main/resources/com/backpropexplorer/ui"), ".fxml",
                Pattern.compile("\"%([^\"]+)\""), english, missing);
        assertTrue(named > 300, named + " keys named");
        assertEquals(List.of(), missing);
    }

    private static int collect(Path root, String suffix, Pattern use, Properties bundle, List<String> missing)
            throws IOException {
        int named = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                Matcher m = use.matcher(Files.readString(file));
                while (m.find()) {
                    named++;
                    String key = m.group(1);
                    // a prefix the code completes ("layer.kind." + kind) must begin some key
                    boolean found = key.endsWith(".")
                            ? bundle.stringPropertyNames().stream().anyMatch(k -> k.startsWith(key))
                            : bundle.containsKey(key);
                    if (!found) {
                        missing.add(file.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        return named;
    }

    @Test
    void aDataErrorIsSaidInTheWindowsLanguageAlsoThroughAWrapper() {
        DataException error = new DataException("file.missing", Path.of("train-images-idx3-ubyte"));
        I18n japanese = new I18n(Locale.JAPANESE);
        assertEquals(error.message(Locale.JAPANESE), japanese.describe(new CompletionException(error)));
        assertFalse(japanese.describe(error).equals(error.getMessage()), "the Japanese sentence, not the English");
        assertEquals(error.getMessage(), new I18n(Locale.ENGLISH).describe(error));
    }

    @Test
    void anyOtherErrorIsTheBundlesSentenceWithTheErrorAsItsDetail() {
        IllegalStateException bug = new IllegalStateException("cache is empty");
        String ja = new I18n(Locale.JAPANESE).describe(new CompletionException(bug));
        assertTrue(ja.startsWith("予期しないエラーが起きました（IllegalStateException: cache is empty）"), ja);
        String en = new I18n(Locale.ENGLISH).describe(new OutOfMemoryError());
        assertEquals("Something unexpected went wrong (OutOfMemoryError). Please report it, with what you did just"
                + " before.", en);
        assertEquals("", new I18n(Locale.ENGLISH).describe(null));
    }

    @Test
    void aSentenceIsSaidInTheLanguageOfTheMomentWithItsErrorDescribed() {
        Sentence why = Sentence.of("compare.why.failed", new IllegalStateException("boom"));
        I18n i18n = new I18n(Locale.ENGLISH);
        assertEquals("This run stopped with an error: Something unexpected went wrong (IllegalStateException: boom)."
                + " Please report it, with what you did just before.", why.text(i18n));
        i18n.setLocale(Locale.JAPANESE);
        assertTrue(why.text(i18n).startsWith("この実行はエラーで止まりました：予期しないエラーが起きました"), why.text(i18n));
    }
}
