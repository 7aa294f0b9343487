package com.backpropexplorer.explain.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.Bundles;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The lessons' own bundle: both languages have the same keys with the same arguments, and Texts reads each. */
class ExplainMessagesTest {

    @Test
    void japaneseHasEveryEnglishKeyWithTheSameArguments() {
        Properties english = Bundles.load("explain", "");
        Properties japanese = Bundles.load("explain", "_ja");
        assertTrue(english.size() > 50, english.size() + " keys");
        Bundles.assertSameKeysAndArguments(english, japanese);
    }

    @Test
    void textsSaysEachKeyInTheLanguageAsked() {
        Properties english = Bundles.load("explain", "");
        Properties japanese = Bundles.load("explain", "_ja");
        for (String key : english.stringPropertyNames()) {
            if (Bundles.arguments(english.getProperty(key)).isEmpty()) {
                assertEquals(plain(english.getProperty(key)), Texts.text(Locale.ENGLISH, key), key);
                assertEquals(plain(japanese.getProperty(key)), Texts.text(Locale.JAPANESE, key), key);
            }
        }
    }

    /** A pattern without arguments as MessageFormat says it: '' is one quote. */
    private static String plain(String pattern) {
        return new java.text.MessageFormat(pattern).format(new Object[0]);
    }
}
