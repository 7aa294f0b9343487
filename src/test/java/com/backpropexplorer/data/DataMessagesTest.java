package com.backpropexplorer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.backpropexplorer.Bundles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data package's own bundle: both languages complete, every key the code uses present. */
class DataMessagesTest {
    /** Keys whose text is the same in both languages (an argument as it is, a technical word). */
    private static final Set<String> SAME_IN_BOTH = Set.of("reason.system", "bpex.kind.null", "locate.looked");

    @TempDir
    Path dir;

    private static Properties bundle(String suffix) {
        return Bundles.load("data", suffix);
    }

    @Test
    void englishAndJapaneseHaveTheSameKeysAndEveryPatternFormats() {
        Properties english = bundle("");
        Properties japanese = bundle("_ja");
        Bundles.assertSameKeysAndArguments(english, japanese);
        Object[] args = {"a", 2, 3, 4, 5, 6};
        for (String key : english.stringPropertyNames()) {
            String en = new MessageFormat(english.getProperty(key), Locale.ENGLISH).format(args);
            String ja = new MessageFormat(japanese.getProperty(key), Locale.JAPANESE).format(args);
            assertFalse(en.isBlank() || ja.isBlank(), key);
            if (!SAME_IN_BOTH.contains(key) && !key.startsWith("list.") && !key.startsWith("download.mirrorProblem")) {
                assertNotEquals(en, ja, key + " is not translated");
            }
        }
    }

    @Test
    void everyKeyTheCodeNamesIsInTheBundle() throws IOException {
        Properties english = bundle("");
        Pattern literal = Pattern.compile("\"([a-z]+(?:\\.[a-zA-Z]+)+)\"");
        List<String> missing = new ArrayList<>();
        for (String folder : List.of("data", "cli")) {
            try (Stream<Path> files = Files.list(Path.of("src/main/java/com/backpropexplorer", folder))) {
                for (Path file : files.toList()) {
                    Matcher m = literal.matcher(Files.readString(file));
                    while (m.find()) {
                        String key = m.group(1);
                        boolean keyLike = Stream.of("file.", "write.", "reason.", "kind.", "idx.", "mnist.", "locate.",
                                "image.", "model.", "bpex.", "npy.", "download.", "memory.", "list.")
                                .anyMatch(key::startsWith);
                        if (keyLike && !english.containsKey(key)) {
                            missing.add(file.getFileName() + ": " + key);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void aRealFailureReadsInBothLanguages() throws IOException {
        Path file = Files.write(dir.resolve("t10k-labels-idx1-ubyte"), Arrays.copyOf(IdxFixtures.labels(1, 2, 3), 9));
        DataException e = assertThrows(DataException.class, () -> IdxReader.readLabels(file));
        String english = "t10k-labels-idx1-ubyte is truncated: the header promises 3 labels but the file ends after"
                + " 1 labels; download it again.";
        assertEquals(english, e.getMessage());
        assertEquals(english, e.message(Locale.ENGLISH));
        assertEquals("t10k-labels-idx1-ubyte は途中で切れています。ヘッダーではラベル 3 個ですが、ラベルは 1 個で終わっています。"
                + "もう一度ダウンロードしてください。", e.message(Locale.JAPANESE));
        // a Japanese OS asking for English still gets English
        assertEquals(english, e.message(Locale.US));
        // the UI's one entry point, also through the wrappers futures add
        assertEquals(e.message(Locale.JAPANESE), DataException.describe(new CompletionException(e), Locale.JAPANESE));
        assertEquals("plain", DataException.describe(new IllegalStateException("plain"), Locale.JAPANESE));
    }

    @Test
    void nestedReasonsAndListsFollowTheLanguage() {
        DataMessage reasons = DataMessage.list(List.of(DataMessage.of("download.reason.http", 404),
                DataMessage.of("download.reason.closed")));
        assertEquals("answered HTTP 404; closed the connection before the file was complete", reasons.toString());
        assertEquals("HTTP 404 を返しました；ファイルを送り終える前に接続を切りました", reasons.render(Locale.JAPANESE));
    }

    @Test
    void anExceptionIsNeverAnArgumentOfASentence() {
        assertThrows(IllegalArgumentException.class,
                () -> new DataException("write.failed", Path.of("x"), new IOException("disk full")));
    }
}
