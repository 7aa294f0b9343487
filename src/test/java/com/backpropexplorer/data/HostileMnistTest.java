package com.backpropexplorer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MNIST files built to hurt: headers that promise more than memory holds, a label header that
 * disagrees with an image header the reader would otherwise fill first, valid gzip variants
 * that used to be called corrupt, folders and FIFOs where files belong. Every file is made
 * here, small on disk whatever it claims.
 */
class HostileMnistTest {
    @TempDir
    Path dir;

    static byte[] imagesHeader(int count) {
        return ByteBuffer.allocate(16).putInt(IdxReader.IMAGES_MAGIC).putInt(count).putInt(28).putInt(28).array();
    }

    private static long usedMemory() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    @Test
    void aFileConsistentWithAMillionImagesIsRefusedBeforeAnythingIsAllocated() throws IOException {
        // header + 784,000,000 zero pixels, consistent with its gzip trailer: 762 KB on disk, 6.3 GB as doubles
        byte[] header = imagesHeader(1_000_000);
        Path file = dir.resolve(Mnist.TRAIN_IMAGES);
        byte[] gz = IdxFixtures.gzipWithZeros(header, 1_000_000L * 784);
        Files.write(file, gz);
        assertTrue(gz.length < 1_000_000, gz.length + " bytes");
        long before = usedMemory();
        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(file));
        assertEquals("train-images-idx3-ubyte.gz claims 1,000,000 images, more than the 100,000 an MNIST file may"
                + " hold (MNIST has 60,000); the header is corrupt, download the file again.", e.getMessage());
        assertTrue(usedMemory() - before < 50_000_000L, "must not allocate for the claimed count");
    }

    @Test
    void bothHeadersAreCheckedBeforeEitherBodyIsRead() throws IOException {
        // 100,000 images (the most a file may claim, 627 MB as doubles) but labels for 10
        MnistTest.writeSet(dir, 2, 2, true);
        Files.write(dir.resolve(Mnist.TRAIN_IMAGES), IdxFixtures.gzipWithZeros(imagesHeader(100_000), 100_000L * 784));
        Files.write(dir.resolve(Mnist.TRAIN_LABELS), IdxFixtures.gzip(IdxFixtures.labels(new int[10])));
        long before = usedMemory();
        long start = System.nanoTime();
        DataException e = assertThrows(DataException.class, () -> Mnist.load(dir));
        assertEquals("train-images-idx3-ubyte.gz has 100,000 images but train-labels-idx1-ubyte.gz has 10 labels;"
                + " they must come from the same MNIST download, fetch both again.", e.getMessage());
        assertTrue(usedMemory() - before < 100_000_000L, "no pixel array before the labels were checked");
        // the trailer agrees with the header, so not even the pixels were decompressed
        assertTrue((System.nanoTime() - start) / 1e9 < 5);
    }

    @Test
    void aLabelHeaderClaimingTooMuchIsRefusedToo() throws IOException {
        MnistTest.writeSet(dir, 2, 2, true);
        byte[] labels = ByteBuffer.allocate(8).putInt(IdxReader.LABELS_MAGIC).putInt(Integer.MAX_VALUE).array();
        Files.write(dir.resolve(Mnist.TEST_LABELS), IdxFixtures.gzip(labels));
        DataException e = assertThrows(DataException.class, () -> Mnist.load(dir));
        assertTrue(e.getMessage().startsWith("t10k-labels-idx1-ubyte.gz claims 2,147,483,647 labels, more than the"
                + " 100,000"), e.getMessage());
        byte[] huge = ByteBuffer.allocate(16).putInt(IdxReader.IMAGES_MAGIC).putInt(10).putInt(60_000).putInt(60_000)
                .array();
        Files.write(dir.resolve(Mnist.TEST_IMAGES), huge);
        assertTrue(assertThrows(DataException.class, () -> IdxReader.readImages(dir.resolve(Mnist.TEST_IMAGES)))
                .getMessage().startsWith("t10k-images-idx3-ubyte.gz claims images of 60,000×60,000 pixels, larger"
                        + " than the 256×256"));
    }

    @Test
    void theZeroGzipFixtureIsAValidGzipOfWhatItSays() throws IOException {
        byte[] gz = IdxFixtures.gzipWithZeros(IdxFixtures.images(0, 28, 28), 3L * 784 + 5);
        byte[] content = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz)).readAllBytes();
        assertEquals(16 + 3 * 784 + 5, content.length);
        assertEquals(0, content[content.length - 1]);
    }

    @Test
    void multiMemberGzipIsReadAsGunzipReadsIt() throws IOException {
        byte[] content = IdxFixtures.images(5, 28, 28);
        // three members, split inside the header and inside the pixels: `cat a.gz b.gz c.gz`
        byte[] joined = concat(IdxFixtures.gzip(Arrays.copyOfRange(content, 0, 10)),
                IdxFixtures.gzip(Arrays.copyOfRange(content, 10, 2000)),
                IdxFixtures.gzip(Arrays.copyOfRange(content, 2000, content.length)));
        Path file = Files.write(dir.resolve("images.gz"), joined);
        IdxReader.Images images = IdxReader.readImages(file);
        assertEquals(5, images.count());
        assertEquals(IdxReader.readImages(Files.write(dir.resolve("plain"), content)).pixels().data.length,
                images.pixels().data.length);
        assertArrayEquals(IdxReader.readImages(dir.resolve("plain")).pixels().data, images.pixels().data, 0.0);
        byte[] labels = IdxFixtures.labels(3, 1, 4, 1, 5);
        Path labelFile = Files.write(dir.resolve("labels.gz"), concat(IdxFixtures.gzip(Arrays.copyOf(labels, 9)),
                IdxFixtures.gzip(Arrays.copyOfRange(labels, 9, labels.length))));
        assertArrayEquals(new int[] {3, 1, 4, 1, 5}, IdxReader.readLabels(labelFile));
    }

    @Test
    void gzipPaddedWithZerosIsReadToo() throws IOException {
        byte[] content = IdxFixtures.images(4, 28, 28);
        // as a tape or a block device leaves it: zeros up to the next 10 KB
        byte[] gz = IdxFixtures.gzip(content);
        byte[] padded = Arrays.copyOf(gz, (gz.length / 10240 + 1) * 10240);
        Path file = Files.write(dir.resolve("padded.gz"), padded);
        assertEquals(4, IdxReader.readImages(file).count());
        // and a whole MNIST folder of such files loads
        MnistTest.writeSet(dir, 3, 2, true);
        for (String name : Mnist.FILES) {
            byte[] member = Files.readAllBytes(dir.resolve(name));
            Files.write(dir.resolve(name), concat(member, new byte[512]));
        }
        assertEquals(3, Mnist.load(dir).train().size());
    }

    @Test
    void aCutSecondMemberIsStillTruncated() throws IOException {
        byte[] content = IdxFixtures.images(5, 28, 28);
        byte[] second = IdxFixtures.gzip(Arrays.copyOfRange(content, 100, content.length));
        Path file = Files.write(dir.resolve("cut.gz"), concat(IdxFixtures.gzip(Arrays.copyOf(content, 100)),
                Arrays.copyOf(second, second.length / 2)));
        DataException e = assertThrows(DataException.class, () -> IdxReader.readImages(file));
        assertTrue(e.getMessage().startsWith("cut.gz is truncated"), e.getMessage());
    }

    @Test
    void aFolderWhereAFileBelongsIsCalledAFolder() throws IOException {
        MnistTest.writeSet(dir, 2, 2, true);
        Files.delete(dir.resolve(Mnist.TRAIN_IMAGES));
        Files.createDirectory(dir.resolve(Mnist.TRAIN_IMAGES));
        DataException e = assertThrows(DataException.class, () -> Mnist.load(dir));
        assertEquals("MNIST cannot be read from " + dir + ": train-images-idx3-ubyte.gz is a folder, not a file; run `"
                + MnistLocator.downloadCommand() + "` or pass --data with the folder that holds the four MNIST files.",
                e.getMessage());
        DataException located = assertThrows(DataException.class,
                () -> new MnistLocator(Map.of(), dir).locate(dir));
        assertTrue(located.getMessage().contains("(given with --data): train-images-idx3-ubyte.gz is a folder, not a"
                + " file;"), located.getMessage());
        DataException direct = assertThrows(DataException.class,
                () -> IdxReader.readImages(dir.resolve(Mnist.TRAIN_IMAGES)));
        assertEquals("The MNIST file " + dir.resolve(Mnist.TRAIN_IMAGES) + " is a folder, not a file; choose the file"
                + " itself.", direct.getMessage());
        assertEquals("MNIST ファイル " + dir.resolve(Mnist.TRAIN_IMAGES) + " はファイルではなくフォルダです。ファイルそのものを"
                + "選んでください。", direct.message(java.util.Locale.JAPANESE));
    }

    @Test
    void aFifoWhereAFileBelongsIsRefusedWithoutWaitingForAWriter() throws Exception {
        Path fifo = dir.resolve(Mnist.TEST_LABELS);
        assumeTrue(mkfifo(fifo), "mkfifo is not available here");
        // opening a FIFO for reading blocks until someone writes: the check must not open it
        DataException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(DataException.class, () -> IdxReader.readLabels(fifo)));
        assertEquals("The MNIST file " + fifo + " is a device or a pipe, not a regular file; choose a file.",
                e.getMessage());
        MnistTest.writeSet(dir, 2, 2, false);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte"));
        DataException load = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(DataException.class, () -> new MnistLocator(Map.of(), dir).locate(dir)));
        assertTrue(load.getMessage().contains("t10k-labels-idx1-ubyte.gz is a device or a pipe, not a file"),
                load.getMessage());
    }

    static boolean mkfifo(Path path) {
        try {
            Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0 && Files.exists(path);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static byte[] concat(byte[]... parts) {
        return IdxFixtures.concat(parts);
    }
}
