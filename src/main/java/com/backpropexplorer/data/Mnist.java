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
    /** Images in MNIST's training set. */
    public static final int TRAIN_SIZE = 60_000;
    /** Images in MNIST's test set. */
    public static final int TEST_SIZE = 10_000;
    /** Height and width of an MNIST image. */
    public static final int IMAGE_SIDE = 28;
    /** The four files, in the order the mirrors list them. */
    public static final List<String> FILES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    /**
     * Loads both splits from {@code dir}. All four headers are read and checked (sizes, counts
     * that agree, 28×28 images, room in memory for all of it) before any pixel is read.
     *
     * @throws DataException if a file is missing, unreadable, corrupt, claims more than an MNIST
     *     file may hold, or the counts of images and labels disagree
     */
    public static Mnist load(Path dir) {
        Split train = split(dir, TRAIN_IMAGES, TRAIN_LABELS);
        Split test = split(dir, TEST_IMAGES, TEST_LABELS);
        requireMemory(dir, Math.addExact(train.memoryBytes(), test.memoryBytes()));
        return new Mnist(train.read(), test.read());
    }

    /** Loads only the training split (60,000 images). */
    public static MnistDataset loadTrain(Path dir) {
        Split train = split(dir, TRAIN_IMAGES, TRAIN_LABELS);
        requireMemory(dir, train.memoryBytes());
        return train.read();
    }

    /** Loads only the test split (10,000 images), e.g. for evaluating a saved model. */
    public static MnistDataset loadTest(Path dir) {
        Split test = split(dir, TEST_IMAGES, TEST_LABELS);
        requireMemory(dir, test.memoryBytes());
        return test.read();
    }

    /**
     * Where {@code name} is in {@code dir}: the .gz file, or else its decompressed twin;
     * empty if neither is a regular file.
     */
    public static Optional<Path> find(Path dir, String name) {
        Path gz = dir.resolve(name);
        if (Files.isRegularFile(gz)) {
            return Optional.of(gz);
        }
        Path raw = dir.resolve(rawName(name));
        return Files.isRegularFile(raw) ? Optional.of(raw) : Optional.empty();
    }

    /**
     * Why {@code name} cannot be read from {@code dir}, as a short phrase ("missing
     * train-images-idx3-ubyte.gz", "train-images-idx3-ubyte.gz is a folder"), or null if it is there.
     */
    static DataMessage problem(Path dir, String name) {
        if (find(dir, name).isPresent()) {
            return null;
        }
        for (Path candidate : List.of(dir.resolve(name), dir.resolve(rawName(name)))) {
            if (Files.isDirectory(candidate)) {
                return DataMessage.of("mnist.problem.folder", candidate.getFileName());
            }
            if (Files.exists(candidate)) {
                return DataMessage.of("mnist.problem.notRegular", candidate.getFileName());
            }
        }
        return DataMessage.of("mnist.problem.missing", name);
    }

    private static String rawName(String name) {
        return name.substring(0, name.length() - ".gz".length());
    }

    /** Checked headers of one split's images and labels. */
    private record Split(IdxReader.Header images, IdxReader.Header labels) {
        long memoryBytes() {
            // the labels are held twice while the dataset copies them
            return Math.addExact(images.memoryBytes(), Math.multiplyExact(2, labels.memoryBytes()));
        }

        MnistDataset read() {
            IdxReader.Images pixels = IdxReader.readImages(images);
            int[] values = IdxReader.readLabels(labels);
            for (int i = 0; i < values.length; i++) {
                if (values[i] >= MnistDataset.CLASSES) {
                    throw new DataException("mnist.badLabel", labels.file().getFileName(), values[i], i);
                }
            }
            return new MnistDataset(pixels.pixels(), values, pixels.rows(), pixels.cols());
        }
    }

    private static Split split(Path dir, String imagesName, String labelsName) {
        Path imagesFile = require(dir, imagesName);
        Path labelsFile = require(dir, labelsName);
        IdxReader.Header images = IdxReader.imagesHeader(imagesFile);
        if (images.rows() != IMAGE_SIDE || images.cols() != IMAGE_SIDE) {
            throw new DataException("mnist.notMnistSize", imagesFile.getFileName(), images.rows(), images.cols());
        }
        IdxReader.Header labels = IdxReader.labelsHeader(labelsFile);
        if (images.count() != labels.count()) {
            throw new DataException("mnist.countsDisagree", imagesFile.getFileName(), images.count(),
                    labelsFile.getFileName(), labels.count());
        }
        return new Split(images, labels);
    }

    private static void requireMemory(Path dir, long bytes) {
        if (!MemoryBudget.fits(bytes)) {
            throw MemoryBudget.tooLarge(DataMessage.of("mnist.what", dir), bytes);
        }
    }

    private static Path require(Path dir, String name) {
        Optional<Path> found = find(dir, name);
        if (found.isPresent()) {
            return found.get();
        }
        throw new DataException("mnist.fileProblem", problem(dir, name), dir, MnistLocator.downloadCommand());
    }
}
