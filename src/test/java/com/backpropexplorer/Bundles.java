package com.backpropexplorer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** For the tests of the resource bundles: a package's bundle file as written, and the arguments its patterns use. */
public final class Bundles {
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d)");

    private Bundles() {
    }

    /** The file {@code /com/backpropexplorer/<pkg>/messages<suffix>.properties} (suffix "" or "_ja"), read as UTF-8. */
    public static Properties load(String pkg, String suffix) {
        String name = "/com/backpropexplorer/" + pkg + "/messages" + suffix + ".properties";
        Properties properties = new Properties();
        try (InputStream in = Bundles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException(name + " is not on the class path");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** The argument numbers a MessageFormat pattern names: "{0} of {1,number}" gives [0, 1]. */
    public static Set<String> arguments(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** Both languages have the same keys, and each key's two patterns use the same arguments. */
    public static void assertSameKeysAndArguments(Properties english, Properties japanese) {
        assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(japanese.stringPropertyNames()));
        for (String key : english.stringPropertyNames()) {
            assertEquals(arguments(english.getProperty(key)), arguments(japanese.getProperty(key)),
                    key + ": both languages use the same arguments");
        }
    }
}
