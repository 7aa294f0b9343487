package com.backpropexplorer.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The MNIST training (60,000) and test (10,000) sets, loaded from a folder holding the four
 * standard IDX files, gzip-compressed ({@code train-images-idx3-ubyte.gz}, ...) or decompressed
 * (the same names without {@code .gz}).
 *
 * @param train the training split
 * @param test the test split
 */
public record Mnist(MnistDataset train, MnistDataset test) {
    /** Name of the training images file. */
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    /** Name of the training labels file. */
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
    /** Name of the test images file. */
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
    /** Name of the test labels file. */
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";
    /** Height and width of an MNIST image. */
    public static final int IMAGE_SIDE = 28;
    /** The four files, in the order the mirrors list them. */
    public static final List<String> FILES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    /**
     * Loads both splits from {@code dir}.
     *
     * @throws DataException if a file is missing, unreadable, corrupt, or the counts of images
     *     and labels disagree
     */
    public static Mnist load(Path dir) {
        return new Mnist(loadSplit(dir, TRAIN_IMAGES, TRAIN_LABELS), loadSplit(dir, TEST_IMAGES, TEST_LABELS));
    }

    /** Loads only the test split (10,000 images), e.g. for evaluating a saved model. */
    public static MnistDataset loadTest(Path dir) {
        return loadSplit(dir, TEST_IMAGES, TEST_LABELS);
    }

    /**
     * Where {@code name} is in {@code dir}: the .gz file, or else its decompressed twin;
     * empty if neither exists.
     */
    public static Optional<Path> find(Path dir, String name) {
        Path gz = dir.resolve(name);
        if (Files.isRegularFile(gz)) {
            return Optional.of(gz);
        }
        Path raw = dir.resolve(name.substring(0, name.length() - ".gz".length()));
        return Files.isRegularFile(raw) ? Optional.of(raw) : Optional.empty();
    }

    private static MnistDataset loadSplit(Path dir, String imagesName, String labelsName) {
        Path imagesFile = require(dir, imagesName);
        Path labelsFile = require(dir, labelsName);
        IdxReader.Images images = IdxReader.readImages(imagesFile);
        if (images.rows() != IMAGE_SIDE || images.cols() != IMAGE_SIDE) {
            throw new DataException(imagesFile.getFileName() + " holds images of " + images.rows() + "×"
                    + images.cols() + " pixels, but MNIST images are 28×28; check that the folder holds MNIST.");
        }
        int[] labels = IdxReader.readLabels(labelsFile);
        if (images.count() != labels.length) {
            throw new DataException(imagesFile.getFileName() + " has " + images.count() + " images but "
                    + labelsFile.getFileName() + " has " + labels.length + " labels; they must come from the same"
                    + " MNIST download, fetch both again.");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= MnistDataset.CLASSES) {
                throw new DataException(labelsFile.getFileName() + " holds the label " + labels[i] + " at position "
                        + i + ", but MNIST labels are digits 0..9; the file is corrupt, download it again.");
            }
        }
        return new MnistDataset(images.pixels(), labels, images.rows(), images.cols());
    }

    private static Path require(Path dir, String name) {
        return find(dir, name).orElseThrow(() -> new DataException(
                "MNIST file " + name + " is missing in " + dir + "; run `" + MnistLocator.downloadCommand()
                        + "` or pass --data with the folder that holds the four MNIST files."));
    }
}
