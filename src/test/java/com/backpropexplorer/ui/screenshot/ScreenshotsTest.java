package com.backpropexplorer.ui.screenshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.data.SharedMnist;
import com.backpropexplorer.explain.Example;
import com.backpropexplorer.ui.HeadlessFx;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.Theme;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The screenshot command, as README and the review use it: real PNGs of the real window, each
 * showing something (not a blank picture) and the page it claims to show (its own text).
 */
class ScreenshotsTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @BeforeAll
    static void toolkit() throws Exception {
        HeadlessFx.start(); // first, as TestFX starts it: the UI tests after this one in the JVM need that
        assertNull(FxThread.start());
    }

    private static Path mnist() {
        return SharedMnist.find().orElse(null);
    }

    private static void assertPicture(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(bytes, 8), file + " starts like a PNG");
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, file + " decodes");
        assertTrue(image.getWidth() >= 1280 && image.getHeight() >= 800,
                file + " is " + image.getWidth() + "×" + image.getHeight());
        double spread = Picture.brightnessSpread(SwingFXUtils.toFXImage(image, null));
        assertTrue(spread >= Picture.BLANK_BELOW, file.getFileName() + " is (nearly) blank: spread " + spread);
    }

    @Test
    void everyReadmePictureIsWrittenAndShowsSomething(@TempDir Path dir) throws Exception {
        assertEquals(0, Screenshots.run(dir, mnist(), false));
        for (Shot shot : ShotList.readme()) {
            assertPicture(dir.resolve(shot.fileName()));
        }
        for (DrawShot shot : ShotList.draw()) {
            assertPicture(dir.resolve(shot.fileName()));
        }
    }

    @Test
    void aPictureShowsItsOwnPageAndState() throws Exception {
        I18n en = new I18n(Locale.ENGLISH);
        Picture tiny = Screenshots.render(new Shot(Locale.ENGLISH, Theme.LIGHT, Example.TINY, 8, "Affine1", false),
                null);
        assertFalse(tiny.isBlank());
        assertTrue(tiny.texts().contains(en.text("lesson.tiny.title")), tiny.texts().toString());
        assertTrue(tiny.texts().containsAll(List.of("Affine1", "Relu1", "Affine2", "SoftmaxWithLoss")),
                "the graph's nodes: " + tiny.texts());
        assertTrue(tiny.texts().stream().anyMatch(t -> t.startsWith("Stage 8 of 9")), tiny.texts().toString());

        I18n ja = new I18n(Locale.JAPANESE);
        Picture refused = Screenshots.render(new Shot(Locale.JAPANESE, Theme.DARK, Example.TINY, 0, null, true), null);
        assertFalse(refused.isBlank());
        assertTrue(refused.texts().contains(ja.text("lesson.tiny.title")), refused.texts().toString());
        assertTrue(refused.texts().contains(ja.text("refusal.title")), "the refusal is on show: " + refused.texts());

        Picture draw = Screenshots.render(new DrawShot(Locale.ENGLISH, Theme.LIGHT));
        assertFalse(draw.isBlank());
        assertTrue(draw.texts().stream().anyMatch(t -> t.startsWith("It reads 3")), draw.texts().toString());
    }

    @Test
    void aBlankPictureIsTold() {
        WritableImage white = new WritableImage(1280, 800);
        PixelWriter pixels = white.getPixelWriter();
        for (int y = 0; y < 800; y++) {
            for (int x = 0; x < 1280; x++) {
                pixels.setColor(x, y, y < 400 ? Color.WHITE : Color.web("#fafafa"));
            }
        }
        assertTrue(new Picture(white, List.of()).isBlank());
        pixels.setColor(10, 10, Color.BLACK);
        assertTrue(new Picture(white, List.of()).isBlank(), "a speck is not a picture");
    }
}
