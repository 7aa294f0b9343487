package com.backpropexplorer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistTest {
    @TempDir
    Path dir;

    @Test
    void loadsTheRealMnistFromSharedFolder() {
        Path shared = SharedMnist.dir();
        long start = System.nanoTime();
        Mnist mnist = Mnist.load(shared);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("full MNIST load: %.2f s%n", seconds);
        assertEquals(60000, mnist.train().size());
        assertEquals(10000, mnist.test().size());
        assertEquals(784, mnist.train().images().numCols);
        // the well-known first labels of each split
        assertArrayEquals(new int[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4}, mnist.train().labels(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
        assertArrayEquals(new int[] {7, 2, 1, 0, 4, 1, 4, 9, 5, 9}, mnist.test().labels(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        double sum = 0;
        for (double v : mnist.train().images().data) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
        }
        assertEquals(0.0, min);
        assertEquals(1.0, max);
        // mean pixel of the MNIST training set is 0.1307 (the constant every tutorial normalises with)
        assertEquals(0.1307, sum / mnist.train().images().data.length, 1e-4);
        DMatrixRMaj oneHot = mnist.test().oneHot();
        assertEquals(1.0, oneHot.get(0, 7));
        assertEquals(1.0, sum(oneHot) / 10000, 0.0);
        assertTrue(seconds < 20, "loading took " + seconds + " s");
    }

    @Test
    void smallSplitHelpers() throws IOException {
        writeSet(dir, 3, 3, true);
        Mnist mnist = Mnist.load(dir);
        MnistDataset train = mnist.train();
        assertEquals(3, train.size());
        DMatrixRMaj image = train.image(1);
        assertEquals(28, image.numRows);
        assertEquals(train.images().get(1, 28 * 2 + 5), image.get(2, 5), 0.0);
        DMatrixRMaj batch = train.images(new int[] {2, 0});
        assertEquals(train.images().get(2, 100), batch.get(0, 100), 0.0);
        assertArrayEquals(new int[] {2, 0}, train.labels(new int[] {2, 0}));
        DMatrixRMaj oneHot = train.oneHot();
        assertEquals(3, oneHot.numRows);
        assertEquals(10, oneHot.numCols);
        assertEquals(1.0, oneHot.get(2, 2));
        assertEquals(3.0, sum(oneHot));
        assertEquals(2, train.head(2).size());
    }

    @Test
    void decompressedFilesAreAcceptedToo() throws IOException {
        writeSet(dir, 2, 1, false);
        assertEquals(1, Mnist.load(dir).test().size());
    }

    @Test
    void countMismatchBetweenImagesAndLabels() throws IOException {
        writeSet(dir, 3, 2, true);
        Files.write(dir.resolve(Mnist.TEST_LABELS), IdxFixtures.gzip(IdxFixtures.labels(1, 2, 3)));
        DataException e = assertThrows(DataException.class, () -> Mnist.load(dir));
        assertEquals("t10k-images-idx3-ubyte.gz has 2 images but t10k-labels-idx1-ubyte.gz has 3 labels; they must"
                + " come from the same MNIST download, fetch both again.", e.getMessage());
    }

    @Test
    void labelOutOfRangeAndWrongImageSize() throws IOException {
        writeSet(dir, 2, 2, true);
        Files.write(dir.resolve(Mnist.TRAIN_LABELS), IdxFixtures.labels(1, 12));
        assertTrue(assertThrows(DataException.class, () -> Mnist.load(dir)).getMessage()
                .contains("holds the label 12 at position 1"));
        writeSet(dir, 2, 2, true);
        Files.write(dir.resolve(Mnist.TEST_IMAGES), IdxFixtures.images(2, 32, 32));
        assertTrue(assertThrows(DataException.class, () -> Mnist.load(dir)).getMessage()
                .contains("images of 32×32 pixels, but MNIST images are 28×28"));
    }

    @Test
    void missingFileSaysWhatToDo() throws IOException {
        writeSet(dir, 2, 2, true);
        Files.delete(dir.resolve(Mnist.TRAIN_LABELS));
        DataException e = assertThrows(DataException.class, () -> Mnist.load(dir));
        assertTrue(e.getMessage().startsWith("MNIST cannot be read from " + dir + ": missing train-labels-idx1-ubyte.gz;"),
                e.getMessage());
        assertTrue(e.getMessage().contains("download"));
    }

    /** Writes a tiny MNIST-shaped set: labels are i % 10. */
    static void writeSet(Path dir, int train, int test, boolean gzip) throws IOException {
        write(dir, Mnist.TRAIN_IMAGES, IdxFixtures.images(train, 28, 28), gzip);
        write(dir, Mnist.TRAIN_LABELS, IdxFixtures.labels(digits(train)), gzip);
        write(dir, Mnist.TEST_IMAGES, IdxFixtures.images(test, 28, 28), gzip);
        write(dir, Mnist.TEST_LABELS, IdxFixtures.labels(digits(test)), gzip);
    }

    private static void write(Path dir, String name, byte[] content, boolean gzip) throws IOException {
        String fileName = gzip ? name : name.substring(0, name.length() - 3);
        Files.write(dir.resolve(fileName), gzip ? IdxFixtures.gzip(content) : content);
    }

    private static int[] digits(int n) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
        }
        return labels;
    }

    private static double sum(DMatrixRMaj m) {
        double s = 0;
        for (int i = 0; i < m.getNumElements(); i++) {
            s += m.data[i];
        }
        return s;
    }
}
