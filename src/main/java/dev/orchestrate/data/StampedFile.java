package dev.orchestrate.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * A generated file: {@code size} bytes of stamped sectors for file {@code fileId} of a run, in
 * generation {@code generation}. Its content is a function of these fields alone.
 *
 * @param sparse every second MiB (the second, the fourth ...) is a hole, never written: it reads as zeros
 */
public record StampedFile(long runId, int fileId, int generation, long size, SectorFormat format, boolean sparse) {

    /** The unit of data and holes in a sparse file, and of writing. */
    public static final int CHUNK = 1 << 20;

    public StampedFile(long runId, int fileId, int generation, long size, SectorFormat format) {
        this(runId, fileId, generation, size, format, false);
    }

    /** Whether the byte at {@code offset} lies in a hole, where zeros belong. */
    public boolean isHole(long offset) {
        return sparse && (offset / CHUNK) % 2 == 1;
    }

    /** The stamp of the sector that starts at {@code offset} (a multiple of the sector size). */
    public Stamp stampAt(long offset) {
        return new Stamp(runId, fileId, offset, generation);
    }

    /** Writes the file to {@code path}, its holes skipped, reporting bytes done so far to {@code progress}. */
    public void writeTo(Path path, LongConsumer progress) throws IOException {
        try (FileChannel out = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] buffer = new byte[CHUNK];
            for (long at = 0; at < size; at += CHUNK) {
                int length = (int) Math.min(CHUNK, size - at);
                if (!isHole(at)) {
                    fill(buffer, at, length);
                    ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, length);
                    while (chunk.hasRemaining()) {
                        out.write(chunk, at + chunk.position());
                    }
                }
                progress.accept(at + length);
            }
            if (out.size() < size) {
                // a file that ends in a hole still has its full length: one zero byte at the end gives it that
                out.write(ByteBuffer.wrap(new byte[1]), size - 1);
            }
        }
    }

    /** Writes the whole file as a stream, holes as zeros. */
    public void writeTo(OutputStream out, LongConsumer progress) throws IOException {
        byte[] buffer = new byte[CHUNK];
        for (long at = 0; at < size; at += CHUNK) {
            int length = (int) Math.min(CHUNK, size - at);
            if (isHole(at)) {
                Arrays.fill(buffer, 0, length, (byte) 0);
            } else {
                fill(buffer, at, length);
            }
            out.write(buffer, 0, length);
            progress.accept(at + length);
        }
    }

    private void fill(byte[] buffer, long offset, int length) {
        int sector = format.sectorSize();
        for (int at = 0; at < length; at += sector) {
            if (length - at >= sector) {
                format.encode(stampAt(offset + at), buffer, at);
            } else {
                System.arraycopy(format.expected(stampAt(offset + at)), 0, buffer, at, length - at);
            }
        }
    }
}
