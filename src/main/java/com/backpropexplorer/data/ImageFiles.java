package com.backpropexplorer.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
        String name = file.getFileName().toString();
        if (!Files.exists(file)) {
            throw new DataException("The image " + file + " does not exist; check the path.");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new DataException("Could not open the image " + file + "; check that it is readable.");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new DataException(name + " is not an image (PNG or JPEG); choose a picture of a digit.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new DataException(name + " is " + reader.getWidth(0) + "×" + reader.getHeight(0)
                            + " pixels, too large; scale it down below " + MAX_PIXELS / 1_000_000 + " megapixels.");
                }
                BufferedImage image = reader.read(0);
                if (image.getWidth() < 1 || image.getHeight() < 1) {
                    throw new DataException(name + " is an empty image; choose a picture of a digit.");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (NoSuchFileException e) {
            throw new DataException("The image " + file + " does not exist; check the path.", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof DataException) {
                throw (DataException) e;
            }
            // decoders report broken files with all kinds of exceptions
            throw new DataException(name + " is a damaged or unsupported image and cannot be read; save it"
                    + " again as PNG or JPEG.", e);
        }
    }
}
