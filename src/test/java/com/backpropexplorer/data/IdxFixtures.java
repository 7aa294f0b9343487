package com.backpropexplorer.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Builds small IDX files for tests. */
final class IdxFixtures {
    private IdxFixtures() {
    }

    /** Raw IDX bytes of {@code count} images of rows × cols; pixel values follow a simple pattern. */
    static byte[] images(int count, int rows, int cols) {
        ByteBuffer b = ByteBuffer.allocate(16 + count * rows * cols);
        b.putInt(IdxReader.IMAGES_MAGIC).putInt(count).putInt(rows).putInt(cols);
        for (int i = 0; i < count * rows * cols; i++) {
            b.put((byte) (i * 7 % 256));
        }
        return b.array();
    }

    /** Raw IDX bytes of the labels given. */
    static byte[] labels(int... labels) {
        ByteBuffer b = ByteBuffer.allocate(8 + labels.length);
        b.putInt(IdxReader.LABELS_MAGIC).putInt(labels.length);
        for (int label : labels) {
            b.put((byte) label);
        }
        return b.array();
    }

    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * A gzip file of {@code header} followed by {@code zeros} zero bytes, consistent in every
     * field (CRC, length), built in well under a second however large the content: deflate
     * blocks of a MiB of zeros made once and repeated (each refers back only inside itself).
     * A million MNIST-sized images of zeros come to about 800 KB.
     */
    static byte[] gzipWithZeros(byte[] header, long zeros) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
        out.writeBytes(deflateWithZeros(header, zeros));
        long size = header.length + zeros;
        ByteBuffer trailer = ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        trailer.putInt((int) crcWithZeros(header, zeros)).putInt((int) size);
        out.writeBytes(trailer.array());
        return out.toByteArray();
    }

    /** Raw deflate data (as in gzip and ZIP) of {@code header} and {@code zeros} zero bytes, made fast. */
    static byte[] deflateWithZeros(byte[] header, long zeros) {
        int mib = 1 << 20;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long first = Math.min(zeros, mib);
        out.writeBytes(deflateFlushed(concat(header, new byte[(int) first])));
        long left = zeros - first;
        byte[] block = deflateFlushed(new byte[mib]);
        for (; left >= mib; left -= mib) {
            out.writeBytes(block);
        }
        out.writeBytes(deflateFlushed(new byte[(int) left]));
        java.util.zip.Deflater last = new java.util.zip.Deflater(9, true);
        last.finish();
        byte[] end = new byte[16];
        out.write(end, 0, last.deflate(end));
        last.end();
        return out.toByteArray();
    }

    /** CRC-32 of {@code header} followed by {@code zeros} zero bytes. */
    static long crcWithZeros(byte[] header, long zeros) {
        int mib = 1 << 20;
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(header);
        byte[] chunk = new byte[mib];
        for (long z = zeros; z > 0; z -= mib) {
            crc.update(chunk, 0, (int) Math.min(mib, z));
        }
        return crc.getValue();
    }

    /** Raw deflate of {@code bytes}, ended by a sync flush: byte-aligned, not final, self-contained. */
    private static byte[] deflateFlushed(byte[] bytes) {
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(9, true);
        deflater.setInput(bytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, java.util.zip.Deflater.SYNC_FLUSH);
            out.write(buffer, 0, n);
        } while (n == buffer.length || !deflater.needsInput());
        deflater.end();
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
