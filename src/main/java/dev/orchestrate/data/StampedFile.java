package dev.orchestrate.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;

/**
 * A generated file: {@code size} bytes of stamped sectors for file {@code fileId} of a run, in
 * generation {@code generation}. Its content is a function of these fields alone.
 */
public record StampedFile(long runId, int fileId, int generation, long size, SectorFormat format) {

    private static final int CHUNK = 1 << 20;

    /** The stamp of the sector that starts at {@code offset} (a multiple of the sector size). */
    public Stamp stampAt(long offset) {
        return new Stamp(runId, fileId, offset, generation);
    }

    /** Writes the file to {@code path}, reporting bytes written so far to {@code progress}. */
    public void writeTo(Path path, LongConsumer progress) throws IOException {
        try (OutputStream out = Files.newOutputStream(path)) {
            writeTo(out, progress);
        }
    }

    public void writeTo(OutputStream out, LongConsumer progress) throws IOException {
        int sector = format.sectorSize();
        byte[] buffer = new byte[CHUNK];
        long written = 0;
        while (written < size) {
            int length = (int) Math.min(CHUNK, size - written);
            for (int at = 0; at < length; at += sector) {
                if (length - at >= sector) {
                    format.encode(stampAt(written + at), buffer, at);
                } else {
                    System.arraycopy(format.expected(stampAt(written + at)), 0, buffer, at, length - at);
                }
            }
            out.write(buffer, 0, length);
            written += length;
            progress.accept(written);
        }
    }
}
