package com.backpropexplorer.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Reads pictures (PNG, JPEG, and whatever else ImageIO knows) with one-sentence errors. */
public final class ImageFiles {
    /** Larger pictures are refused before decoding, so a bad file cannot exhaust memory. */
    public static final long MAX_PIXELS = 50_000_000L;

    private ImageFiles() {
    }

    /**
     * Reads the picture in {@code file}, recognising the format by content.
     *
     * @throws DataException if the file is missing, unreadable, not a picture, or too large
     */
    public static BufferedImage read(Path file) {
        FileChecks.requireReadableFile(file, FileChecks.Kind.IMAGE);
        String name = file.getFileName().toString();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new DataException("file.unreadable", FileChecks.Kind.IMAGE.phrase(), file,
                        DataMessage.of("reason.denied", file));
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new DataException("image.notImage", name);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new DataException("image.tooLarge", name, reader.getWidth(0), reader.getHeight(0),
                            MAX_PIXELS / 1_000_000);
                }
                BufferedImage image = reader.read(0);
                if (image.getWidth() < 1 || image.getHeight() < 1) {
                    throw new DataException("image.empty", name);
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DataException) {
                throw (DataException) e;
            }
            // decoders report broken files with all kinds of exceptions
            throw new DataException(e, "image.damaged", name);
        }
    }
}
