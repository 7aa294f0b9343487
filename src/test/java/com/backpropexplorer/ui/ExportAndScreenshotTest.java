package com.backpropexplorer.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.data.SharedMnist;
import com.backpropexplorer.explain.Example;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Pictures: File → Export PNG's writer and the screenshot command, both producing real PNGs. */
@ExtendWith(ApplicationExtension.class)
class ExportAndScreenshotTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private ExplorerFixture app;

    @Start
    void start(Stage stage) {
        app = new ExplorerFixture(stage, Locale.ENGLISH);
    }

    private static void assertPng(Path file, int minWidth, int minHeight) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(bytes, 8), file + " starts like a PNG");
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, file + " decodes");
        assertTrue(image.getWidth() >= minWidth && image.getHeight() >= minHeight,
                file + " is " + image.getWidth() + "×" + image.getHeight());
    }

    @Test
    void exportWritesTheGraphAsARealPngAtomically(FxRobot robot, @TempDir Path dir) throws Exception {
        app.awaitReady(Example.TINY);
        robot.type(KeyCode.RIGHT, 8);
        Path target = dir.resolve("graph.png");
        CompletableFuture<String> outcome = new CompletableFuture<>();
        robot.interact(() -> {
            Node graph = app.window.currentPage().exportable();
            PngExport.write(graph, target, app.ctx.background(), () -> outcome.complete("ok"),
                    failure -> outcome.complete(String.valueOf(failure)));
        });
        assertEquals("ok", outcome.get(20, TimeUnit.SECONDS));
        // the graph at twice its logical size: wide enough to read every number
        assertPng(target, 1200, 600);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void screenshotCommandWritesEveryReadmePicture(@TempDir Path dir) throws Exception {
        int code = ScreenshotCommand.run(dir, SharedMnist.find().orElse(null), false);
        assertEquals(0, code);
        for (ScreenshotCommand.Shot shot : ScreenshotCommand.readmeShots()) {
            assertPng(dir.resolve(shot.fileName()), 1280, 800);
        }
        for (ScreenshotCommand.DrawShot shot : ScreenshotCommand.drawShots()) {
            assertPng(dir.resolve(shot.fileName()), 1280, 800);
        }
    }
}
