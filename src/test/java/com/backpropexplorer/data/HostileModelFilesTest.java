package com.backpropexplorer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Model files built to hurt, each made here: .npz members that declare gigabytes, nets of
 * other shapes, .bpex headers with valid CRCs whose sizes overflow or whose fields are null or
 * of the wrong type. Each must be one sentence, before anything large is allocated.
 */
class HostileModelFilesTest {
    @TempDir
    Path dir;

    private static long usedMemory() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** A .npy header declaring {@code shape} ("(11000, 11000)") with {@code dataBytes} zero bytes after it. */
    private static byte[] npyDeclaring(String shape, int dataBytes) {
        StringBuilder header = new StringBuilder("{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }");
        while ((10 + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
        b.put(header.toString().getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    /** A deflated .npz (as np.savez_compressed) of the given members. */
    private Path npz(String name, Map<String, byte[]> members) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> m : members.entrySet()) {
                zip.putNextEntry(new ZipEntry(m.getKey()));
                zip.write(m.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    /** One member of {@link #bombNpz}: a .npy header and the zeros of its data, deflated. */
    private record Bomb(byte[] npyHeader, long zeros) {
    }

    /**
     * A real .npz (a ZIP as np.savez_compressed writes it) whose deflated members really expand
     * to what their headers declare, written by hand so a gigabyte of zeros costs a megabyte and
     * a fraction of a second.
     */
    private Path bombNpz(String name, Map<String, Bomb> members) throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        ByteArrayOutputStream directory = new ByteArrayOutputStream();
        Map<Bomb, byte[]> deflated = new java.util.IdentityHashMap<>();
        for (Map.Entry<String, Bomb> m : members.entrySet()) {
            byte[] data = deflated.computeIfAbsent(m.getValue(), b -> IdxFixtures.deflateWithZeros(b.npyHeader(), b.zeros()));
            long size = m.getValue().npyHeader().length + m.getValue().zeros();
            long crc = IdxFixtures.crcWithZeros(m.getValue().npyHeader(), m.getValue().zeros());
            byte[] fileName = m.getKey().getBytes(StandardCharsets.US_ASCII);
            int offset = zip.size();
            ByteBuffer local = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
            local.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) 8).putInt(0)
                    .putInt((int) crc).putInt(data.length).putInt((int) size).putShort((short) fileName.length)
                    .putShort((short) 0);
            zip.writeBytes(local.array());
            zip.writeBytes(fileName);
            zip.writeBytes(data);
            ByteBuffer central = ByteBuffer.allocate(46).order(ByteOrder.LITTLE_ENDIAN);
            central.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0)
                    .putShort((short) 8).putInt(0).putInt((int) crc).putInt(data.length).putInt((int) size)
                    .putShort((short) fileName.length).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putInt(0).putInt(offset);
            directory.writeBytes(central.array());
            directory.writeBytes(fileName);
        }
        int directoryOffset = zip.size();
        zip.writeBytes(directory.toByteArray());
        ByteBuffer end = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) members.size())
                .putShort((short) members.size()).putInt(directory.size()).putInt(directoryOffset).putShort((short) 0);
        zip.writeBytes(end.array());
        return Files.write(dir.resolve(name), zip.toByteArray());
    }

    private static Bomb bomb(String shape, long values) {
        return new Bomb(npyDeclaring(shape, 0), values * 8);
    }

    private static Map<String, byte[]> mnistNet(int hidden) {
        Map<String, byte[]> members = new LinkedHashMap<>();
        members.put("W1.npy", NpyArrays.write(new DMatrixRMaj(784, hidden), false));
        members.put("b1.npy", NpyArrays.write(new DMatrixRMaj(1, hidden), true));
        members.put("W2.npy", NpyArrays.write(new DMatrixRMaj(hidden, 10), false));
        members.put("b2.npy", NpyArrays.write(new DMatrixRMaj(1, 10), true));
        return members;
    }

    private static void assertOneSentence(String message) {
        assertFalse(message.contains("\n"), message);
        assertFalse(message.contains("Exception"), message);
        assertTrue(message.endsWith("."), message);
    }

    @Test
    void sevenMembersOfAGigabyteEachAreRefusedFromTheirHeaders() throws IOException {
        // the file: 7 deflated members each really expanding to 968 MB (11000 × 11000 float64)
        Map<String, Bomb> members = new LinkedHashMap<>();
        Bomb gigabyte = bomb("(11000, 11000)", 11000L * 11000);
        for (String name : new String[] {"W1", "b1", "W2", "b2", "W3", "b3", "W4"}) {
            members.put(name + ".npy", gigabyte);
        }
        Path file = bombNpz("huge.npz", members);
        assertTrue(Files.size(file) < 8_000_000, Files.size(file) + " bytes");
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            assertEquals(968_000_128, zip.getEntry("W4.npy").getSize(), "a well-formed ZIP of 968 MB members");
        }
        long before = usedMemory();
        long start = System.nanoTime();
        DataException e = assertThrows(DataException.class, () -> ModelFiles.load(file));
        assertEquals("huge.npz holds a net of 4 layers, but this app uses the book's two-layer net (W1, b1, W2, b2);"
                + " choose a TwoLayerNet model.", e.getMessage());
        assertTrue(usedMemory() - before < 50_000_000L, "nothing of the declared gigabytes was allocated");
        assertTrue((System.nanoTime() - start) / 1e9 < 2, "and nothing of them was decompressed");
    }

    @Test
    void fourMembersDeclaringMoreThanTheCapAreRefusedTogether() throws IOException {
        // a two-layer net whose members really expand to 1.2 GB together: each alone would pass a per-member cap
        Map<String, Bomb> four = new LinkedHashMap<>();
        four.put("W1.npy", bomb("(784, 200000)", 784L * 200000));
        four.put("b1.npy", bomb("(200000,)", 200000));
        four.put("W2.npy", bomb("(200000, 10)", 2_000_000));
        four.put("b2.npy", bomb("(10,)", 10));
        Path wideFile = bombNpz("wide.npz", four);
        long before = usedMemory();
        DataException wide = assertThrows(DataException.class, () -> ModelFiles.load(wideFile));
        assertEquals("wide.npz declares a 784-200,000-10 net of 1,214 MB of weights, more than the 1,024 MB a model"
                + " file may hold; the file is corrupt or not a model of this app.", wide.getMessage());
        assertTrue(usedMemory() - before < 50_000_000L);
    }

    @Test
    void aMemberDeclaringMoreThanItHoldsIsRefusedBeforeItsArrayIsAllocated() throws IOException {
        // under the cap (a 784-160,000-10 net, 1,003 MB), but W1's member holds 64 bytes of data
        Map<String, byte[]> members = new LinkedHashMap<>();
        members.put("W1.npy", npyDeclaring("(784, 160000)", 64));
        members.put("b1.npy", npyDeclaring("(160000,)", 64));
        members.put("W2.npy", npyDeclaring("(160000, 10)", 64));
        members.put("b2.npy", npyDeclaring("(10,)", 64));
        long before = usedMemory();
        DataException e = assertThrows(DataException.class, () -> ModelFiles.load(npz("liar.npz", members)));
        assertEquals("liar.npz cannot be loaded: the array W1 is truncated (shape (784, 160000) needs 1,003,520,000"
                + " bytes of data, 64 present); save the model again with np.savez.", e.getMessage());
        assertTrue(usedMemory() - before < 50_000_000L, "the gigabyte W1 declares was never allocated");
    }

    @Test
    void aMemberWhoseDataGoesOnIsNotReadToItsEnd() throws IOException {
        // W1 declares 784 × 3 but its deflated member goes on for 16 MB (a zip bomb in miniature)
        Map<String, byte[]> members = mnistNet(3);
        byte[] w1 = members.get("W1.npy");
        Path file = dir.resolve("bomb.npz");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> m : members.entrySet()) {
                zip.putNextEntry(new ZipEntry(m.getKey()));
                zip.write(m.getValue());
                if (m.getValue() == w1) {
                    byte[] zeros = new byte[1 << 20];
                    for (int i = 0; i < 16; i++) {
                        zip.write(zeros);
                    }
                }
                zip.closeEntry();
            }
        }
        long start = System.nanoTime();
        DataException e = assertThrows(DataException.class, () -> ModelFiles.load(file));
        assertEquals("bomb.npz cannot be loaded: the array W1 has bytes after its data; save the model again with"
                + " np.savez.", e.getMessage());
        assertTrue((System.nanoTime() - start) / 1e9 < 2, "stopped at the first byte too many");
    }

    @Test
    void aZipDirectoryOfThousandsOfMembersIsRefusedBeforeItIsRead() throws IOException {
        Map<String, byte[]> members = mnistNet(2);
        for (int i = 0; i < 100; i++) {
            members.put("pad" + i + ".npy", new byte[0]);
        }
        DataException e = assertThrows(DataException.class, () -> ModelFiles.load(npz("many.npz", members)));
        assertEquals("many.npz lists 104 members, but a model has four (W1, b1, W2, b2); the file is corrupt or not"
                + " a model.", e.getMessage());
    }

    @Test
    void aMemberTwiceIsRefused() throws IOException {
        Map<String, byte[]> members = mnistNet(2);
        members.put("W1", members.get("W1.npy"));
        DataException e = assertThrows(DataException.class, () -> ModelFiles.load(npz("twice.npz", members)));
        assertEquals("twice.npz holds the array W1 twice; the file is corrupt.", e.getMessage());
    }

    @Test
    void netsThatAreNot784HiddenTenAreRefusedInBothFormats() throws IOException {
        Map<String, DMatrixRMaj> nineClasses = new LinkedHashMap<>();
        nineClasses.put("W1", new DMatrixRMaj(784, 20));
        nineClasses.put("b1", new DMatrixRMaj(1, 20));
        nineClasses.put("W2", new DMatrixRMaj(20, 9));
        nineClasses.put("b2", new DMatrixRMaj(1, 9));
        for (String name : new String[] {"nine.npz", "nine.bpex"}) {
            Path file = dir.resolve(name);
            ModelFiles.save(file, new ModelData(nineClasses, Map.of()));
            DataException e = assertThrows(DataException.class, () -> ModelFiles.load(file));
            assertEquals(name + " holds a 784-20-9 net, but reading digits takes 784 inputs and 10 outputs (784-H-10);"
                    + " choose a model trained on MNIST.", e.getMessage());
            assertEquals(name + " は 784-20-9 のネットワークですが、数字を読むには入力層 784・出力層 10 (784-H-10) が必要です。"
                    + "MNIST で学習したモデルを選んでください。", e.message(Locale.JAPANESE));
        }
        Map<String, byte[]> three = mnistNet(5);
        three.put("W3.npy", NpyArrays.write(new DMatrixRMaj(10, 10), false));
        three.put("b3.npy", NpyArrays.write(new DMatrixRMaj(1, 10), true));
        assertTrue(assertThrows(DataException.class, () -> ModelFiles.load(npz("deep.npz", three))).getMessage()
                .startsWith("deep.npz holds a net of 3 layers"));
        // a 784-H-10 net of any H loads
        assertEquals(7, ModelFiles.load(npz("ok.npz", mnistNet(7))).param("W1").numCols);
    }

    // ---- our own format, hand-made with a valid CRC ----

    /** BPEXMODEL, version 1, the header as given, {@code dataBytes} zeros, and a correct CRC. */
    private Path bpex(String name, String json, int dataBytes) throws IOException {
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("BPEXMODEL".getBytes(StandardCharsets.US_ASCII));
        bytes.write(1);
        bytes.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(header.length).array());
        bytes.writeBytes(header);
        bytes.writeBytes(new byte[dataBytes]);
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        bytes.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) crc.getValue()).array());
        return Files.write(dir.resolve(name), bytes.toByteArray());
    }

    private static String arrays(String w1Rows, String hidden) {
        return "[{\"name\":\"W1\",\"rows\":" + w1Rows + ",\"cols\":" + hidden + "},{\"name\":\"b1\",\"rows\":1,\"cols\":"
                + hidden + "},{\"name\":\"W2\",\"rows\":" + hidden + ",\"cols\":10},{\"name\":\"b2\",\"rows\":1,\"cols\":10}]";
    }

    @Test
    void sizesWhoseProductOverflowsAreRefusedWithOneSentence() throws IOException {
        // 531 KB with a valid CRC, declaring arrays whose 8 × values overflows an int and a long
        Path file = bpex("overflow.bpex", "{\"metadata\":{\"activation\":\"relu\"},\"arrays\":"
                + arrays("2147483647", "2147483647") + "}", 531_000);
        DataException e = assertThrows(DataException.class, () -> ModelFiles.load(file));
        assertEquals("overflow.bpex holds a 2,147,483,647-2,147,483,647-10 net, but reading digits takes 784 inputs and"
                + " 10 outputs (784-H-10); choose a model trained on MNIST.", e.getMessage());
        DataException any = assertThrows(DataException.class, () -> ModelFiles.load(file, NetShape.ANY_TWO_LAYER));
        assertTrue(any.getMessage().startsWith("overflow.bpex declares a 2,147,483,647-2,147,483,647-10 net of"),
                any.getMessage());
        // within the cap, but not what the file holds
        Path shortFile = bpex("short.bpex", "{\"arrays\":" + arrays("784", "50000") + "}", 531_000);
        assertEquals("short.bpex is truncated: the model file ends before its data does; save the model again.",
                assertThrows(DataException.class, () -> ModelFiles.load(shortFile)).getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "activation null | {\"metadata\":{\"activation\":null},\"arrays\":ARRAYS} | the field \"metadata.activation\" should be the name of an activation (\"relu\" or \"sigmoid\") but is null",
        "activation number | {\"metadata\":{\"activation\":1},\"arrays\":ARRAYS} | the field \"metadata.activation\" should be the name of an activation (\"relu\" or \"sigmoid\") but is a number",
        "metadata a list | {\"metadata\":[],\"arrays\":ARRAYS} | the field \"metadata\" should be an object but is a list",
        "other metadata null | {\"metadata\":{\"note\":null},\"arrays\":ARRAYS} | the field \"metadata.note\" should be text but is null",
        "arrays missing | {\"metadata\":{}} | the field \"arrays\" is missing",
        "arrays null | {\"arrays\":null} | the field \"arrays\" should be a list but is null",
        "arrays text | {\"arrays\":\"W1\"} | the field \"arrays\" should be a list but is text",
        "array entry null | {\"arrays\":[null]} | the field \"arrays[0]\" should be an object but is null",
        "name missing | {\"arrays\":[{\"rows\":1,\"cols\":1}]} | the field \"arrays[0].name\" is missing",
        "name a number | {\"arrays\":[{\"name\":1,\"rows\":1,\"cols\":1}]} | the field \"arrays[0].name\" should be an array name such as \"W1\" but is a number",
        "rows as text | {\"arrays\":[{\"name\":\"W1\",\"rows\":\"784\",\"cols\":1}]} | the field \"arrays[0].rows\" should be a whole number but is text",
        "rows null | {\"arrays\":[{\"name\":\"W1\",\"rows\":null,\"cols\":1}]} | the field \"arrays[0].rows\" should be a whole number but is null",
        "cols missing | {\"arrays\":[{\"name\":\"W1\",\"rows\":784}]} | the field \"arrays[0].cols\" is missing",
        "rows fractional | {\"arrays\":[{\"name\":\"W1\",\"rows\":784.5,\"cols\":1}]} | the field \"arrays[0].rows\" is 784.5, but a size is a whole number from 1 to 2,147,483,647",
        "rows negative | {\"arrays\":[{\"name\":\"W1\",\"rows\":-784,\"cols\":1}]} | the field \"arrays[0].rows\" is -784, but a size is a whole number from 1 to 2,147,483,647",
        "rows beyond int | {\"arrays\":[{\"name\":\"W1\",\"rows\":1e12,\"cols\":1}]} | the field \"arrays[0].rows\" is 1e12, but a size is a whole number from 1 to 2,147,483,647",
        "header a list | [1,2] | the field \"header\" should be an object but is a list",
    })
    void everyMissingOrIllTypedFieldIsOneSentence(String what, String json, String problem) throws IOException {
        Path file = bpex("bad.bpex", json.replace("ARRAYS", arrays("784", "2")), 8 * (784 * 2 + 2 + 20 + 10));
        DataException e = assertThrows(DataException.class, () -> ModelFiles.load(file), what);
        assertEquals("bad.bpex is corrupt: in its header, " + problem + "; save the model again.", e.getMessage());
        assertOneSentence(e.getMessage());
        assertTrue(e.message(Locale.JAPANESE).startsWith("bad.bpex は壊れています。ヘッダーで項目 "), e.message(Locale.JAPANESE));
    }

    @Test
    void headersThatAreNotJsonTooLongOrNameAnUnknownActivation() throws IOException {
        String good = arrays("784", "2");
        int data = 8 * (784 * 2 + 2 + 20 + 10);
        assertEquals("a.bpex is corrupt: its header is not readable JSON; save the model again.",
                assertThrows(DataException.class, () -> ModelFiles.load(bpex("a.bpex", "{\"arrays\":[", data)))
                        .getMessage());
        assertEquals("b.bpex names the activation 'tanh', which this app does not know; it knows relu and sigmoid.",
                assertThrows(DataException.class, () -> ModelFiles.load(bpex("b.bpex",
                        "{\"metadata\":{\"activation\":\"tanh\"},\"arrays\":" + good + "}", data))).getMessage());
        String padded = "{\"arrays\":" + good + ",\"pad\":\"" + "x".repeat(70_000) + "\"}";
        Path longHeader = bpex("c.bpex", padded, data);
        assertEquals("c.bpex is corrupt: its header claims " + String.format(Locale.ROOT, "%,d", padded.length())
                + " bytes, but a model's header has a few hundred; save the model again.",
                assertThrows(DataException.class, () -> ModelFiles.load(longHeader)).getMessage());
        assertEquals("d.bpex holds the array W1 twice; the file is corrupt.", assertThrows(DataException.class,
                () -> ModelFiles.load(bpex("d.bpex", "{\"arrays\":[{\"name\":\"W1\",\"rows\":1,\"cols\":1},"
                        + "{\"name\":\"W1\",\"rows\":1,\"cols\":1}]}", 16))).getMessage());
        // and a sound header still loads: the checks do not refuse what the app writes
        ModelData loaded = ModelFiles.load(bpex("e.bpex", "{\"metadata\":{\"activation\":\"sigmoid\"},\"arrays\":"
                + good + "}", data));
        assertEquals("sigmoid", loaded.metadata().get("activation"));
    }

    @Test
    void aFolderOrAFifoGivenAsAModelIsCalledWhatItIs() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("model.npz"));
        assertEquals("The model file " + folder + " is a folder, not a file; choose the file itself.",
                assertThrows(DataException.class, () -> ModelFiles.load(folder)).getMessage());
        Path fifo = dir.resolve("pipe.bpex");
        if (HostileMnistTest.mkfifo(fifo)) {
            assertEquals("The model file " + fifo + " is a device or a pipe, not a regular file; choose a file.",
                    assertThrows(DataException.class, () -> ModelFiles.load(fifo)).getMessage());
        }
        Path device = Path.of("/dev/zero");
        if (Files.exists(device)) {
            assertEquals("The model file /dev/zero is a device or a pipe, not a regular file; choose a file.",
                    assertThrows(DataException.class, () -> ModelFiles.load(device)).getMessage());
        }
    }

    @Test
    void savingWritesNoBufferOfTheWholeFile() throws IOException {
        // a 784-700-10 net (4.4 MB) round-trips through the streaming writer in both formats
        Map<String, DMatrixRMaj> params = new LinkedHashMap<>();
        DMatrixRMaj w1 = new DMatrixRMaj(784, 700);
        for (int i = 0; i < w1.data.length; i++) {
            w1.data[i] = i * 1e-6;
        }
        params.put("W1", w1);
        params.put("b1", new DMatrixRMaj(1, 700));
        params.put("W2", new DMatrixRMaj(700, 10));
        params.put("b2", new DMatrixRMaj(1, 10));
        for (String name : new String[] {"big.bpex", "big.npz"}) {
            Path file = dir.resolve(name);
            ModelFiles.save(file, new ModelData(params, Map.of("activation", "relu")));
            assertEquals(w1.data[234_567], ModelFiles.load(file).param("W1").data[234_567], 0.0);
        }
    }
}
