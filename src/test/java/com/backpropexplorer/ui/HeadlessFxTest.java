package com.backpropexplorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every test starts JavaFX as TestFX does ({@link HeadlessFx}): one that starts it any other way before the
 * TestFX tests of its JVM leaves their robot clicking into nothing, and only the order of the run decides.
 */
class HeadlessFxTest {

    @Test
    void noTestStartsJavaFxAroundTestFx() throws IOException {
        List<String> wrong = new ArrayList<>();
        int read = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = Files.readString(file);
                read++;
                if (file.getFileName().toString().equals("HeadlessFxTest.java")) {
                    continue;
                }
                if (code.contains("Platform.startup(")) {
                    wrong.add(file.getFileName() + ": Platform.startup");
                }
                // the screenshot command's own start: fine once TestFX has started the toolkit
                if (code.contains("FxThread.start(") && !code.contains("HeadlessFx.start(")) {
                    wrong.add(file.getFileName() + ": FxThread.start without HeadlessFx.start first");
                }
            }
        }
        assertTrue(read > 80, read + " test files read");
        assertEquals(List.of(), wrong);
    }
}
