package com.backpropexplorer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void readsImagesRawAndGzipScaledToUnitInterval(boolean gzip) throws IOException {
        byte[] content = IdxFixtures.images(3, 4, 5);
        // a misleading name: compression is recognised by content
        Path file = write("images.idx", gzip ? IdxFixtures.gzip(content) : content);
        IdxReader.Images images = IdxReader.readImages(file);
        assertEquals(3, images.count());
        assertEquals(4, images.rows());
        assertEquals(5, images.cols());
        assertEquals(3, images.pixels().numRows);
        assertEquals(20, images.pixels().numCols);
        for (int i = 0; i < 60; i++) {
            assertEquals((i * 7 % 256) / 255.0, images.pixels().data[i], 0.0);
        }
    }

    @Test
    void readsLabelsAsUnsignedBytes() throws IOException {
        Path file = write("labels.gz", IdxFixtures.gzip(IdxFixtures.labels(0, 9, 200, 3)));
        assertArrayEquals(new int[] {0, 9, 200, 3}, IdxReader.readLabels(file));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void truncatedFileNamesFileAndWhatIsMissing(boolean gzip) throws IOException {
        byte[] content = Arrays.copyOf(IdxFixtures.images(10, 28, 28), 16 + 1234);
        Path file = write("train-images-idx3-ubyte.gz", gzip ? IdxFixtures.gzip(content) : content);
        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(file));
        assertEquals("train-images-idx3-ubyte.gz is truncated: the header promises 10 images of 28×28 but the file"
                + " ends after 1,234 bytes of pixels; download it again.", e.getMessage());
    }

    @Test
    void gzipCutOffMidStreamIsTruncated() throws IOException {
        byte[] gz = IdxFixtures.gzip(IdxFixtures.images(100, 28, 28));
        Path file = write("t10k-images-idx3-ubyte.gz", Arrays.copyOf(gz, gz.length / 2));
        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(file));
        assertTrue(e.getMessage().startsWith("t10k-images-idx3-ubyte.gz is truncated"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void hugeClaimedCountFailsWithoutAllocating(boolean gzip) throws IOException {
        byte[] content = IdxFixtures.images(2, 28, 28);
        ByteBuffer.wrap(content).putInt(4, Integer.MAX_VALUE);
        Path file = write("huge.gz", gzip ? IdxFixtures.gzip(content) : content);
        long before = usedMemory();
        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(file));
        assertEquals("huge.gz claims 2,147,483,647 images, more than the 100,000 an MNIST file may hold (MNIST has"
                + " 60,000); the header is corrupt, download the file again.", e.getMessage());
        assertTrue(usedMemory() - before < 100_000_000L, "must not allocate for the claimed count");
    }

    @Test
    void claimWithinArrayLimitsButBeyondTheDataFailsBeforeAllocating() throws IOException {
        byte[] content = IdxFixtures.images(2, 28, 28);
        ByteBuffer.wrap(content).putInt(4, 1_000_000); // 784 MB of pixels, 6 GB as doubles
        Path file = write("labels-like.gz", IdxFixtures.gzip(content));
        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(file));
        assertTrue(e.getMessage().startsWith("labels-like.gz claims 1,000,000 images, more than the 100,000"),
                e.getMessage());
        ByteBuffer.wrap(content).putInt(4, 100_000); // fits in memory, but the file holds 2
        Files.write(file, IdxFixtures.gzip(content));
        e = assertThrows(DataException.class, () -> IdxReader.readImages(file));
        assertEquals("labels-like.gz is truncated: the header promises 100,000 images of 28×28 but the file ends"
                + " after 1,568 bytes of pixels; download it again.", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void trailingGarbageIsDetected(boolean gzip) throws IOException {
        byte[] content = Arrays.copyOf(IdxFixtures.labels(1, 2, 3), 11 + 5);
        Path file = write("labels", gzip ? IdxFixtures.gzip(content) : content);
        DataException e = assertThrows(DataException.class, () -> IdxReader.readLabels(file));
        assertEquals("labels has 5 unexpected bytes after the 3 labels its header promises; the file is corrupt,"
                + " download it again.", e.getMessage());
    }

    @Test
    void labelFileWhereImagesExpectedSaysSo() throws IOException {
        Path file = write("train-labels-idx1-ubyte.gz", IdxFixtures.labels(1, 2));
        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(file));
        assertEquals("train-labels-idx1-ubyte.gz is an IDX label file where an IDX image file was expected;"
                + " check the file names.", e.getMessage());
    }

    @Test
    void notAnIdxFile() throws IOException {
        Path file = write("photo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(file));
        assertTrue(e.getMessage().startsWith("photo.png is not an IDX file (it starts with 0x89504E47"),
                e.getMessage());
    }

    @Test
    void unsupportedTypeAndWrongDimensions() throws IOException {
        byte[] floats = IdxFixtures.images(1, 2, 2);
        floats[2] = 0x0D;
        Path file = write("floats", floats);
        assertTrue(assertThrows(DataException.class, () -> IdxReader.readImages(file)).getMessage()
                .contains("type 0x0D"));
        byte[] twoDims = IdxFixtures.images(1, 2, 2);
        twoDims[3] = 2;
        Path file2 = write("twodims", twoDims);
        assertTrue(assertThrows(DataException.class, () -> IdxReader.readImages(file2)).getMessage()
                .contains("has 2 dimensions"));
    }

    @Test
    void zeroOrNegativeDimensionIsRefused() throws IOException {
        byte[] content = IdxFixtures.images(1, 2, 2);
        ByteBuffer.wrap(content).putInt(8, 0);
        Path file = write("zero", content);
        assertTrue(assertThrows(DataException.class, () -> IdxReader.readImages(file)).getMessage()
                .contains("dimension 2 is 0"));
        ByteBuffer.wrap(content).putInt(8, -5);
        Files.write(file, content);
        assertTrue(assertThrows(DataException.class, () -> IdxReader.readImages(file)).getMessage()
                .contains("dimension 2 is 4294967291"));
    }

    @Test
    void emptyMissingAndCorruptGzipFiles() throws IOException {
        Path empty = write("empty", new byte[0]);
        assertTrue(assertThrows(DataException.class, () -> IdxReader.readLabels(empty)).getMessage()
                .startsWith("empty is too short to be an IDX file"));
        Path missing = dir.resolve("nothing-here.gz");
        assertTrue(assertThrows(DataException.class, () -> IdxReader.readLabels(missing)).getMessage()
                .equals("The MNIST file " + missing + " does not exist; check the path."));
        byte[] gz = IdxFixtures.gzip(IdxFixtures.images(20, 28, 28));
        for (int i = 20; i < gz.length - 8; i += 3) {
            gz[i] ^= 0x5A;
        }
        Path corrupt = write("corrupt.gz", gz);
        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(corrupt));
        assertTrue(e.getMessage().startsWith("corrupt.gz is"), e.getMessage());
    }

    private static long usedMemory() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
