package dev.orchestrate.emulator;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The media image, written and read with O_DIRECT in whole aligned blocks. Through the page cache
 * the controller's own writes could wait in balance_dirty_pages on pages only it can complete,
 * stalling writers machine-wide; O_DIRECT keeps the media out of the host's cache.
 */
final class Media implements AutoCloseable {

    static final int ALIGN = 4096;

    private final Path file;
    private final long size;
    private final FileChannel channel;

    Media(Path file, long size) throws IOException {
        this.file = file;
        this.size = size;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            if (raf.length() < size) {
                raf.setLength(size);
            }
        }
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT);
        } catch (IOException | UnsupportedOperationException e) {
            throw new IOException("cannot open " + file + " with O_DIRECT (" + e.getMessage()
                    + "); the media image must be on a file system that supports it, such as ext4 or xfs", e);
        }
    }

    Path file() {
        return file;
    }

    long size() {
        return size;
    }

    /** A direct buffer aligned for O_DIRECT. */
    static ByteBuffer aligned(int capacity) {
        return ByteBuffer.allocateDirect(capacity + ALIGN).alignedSlice(ALIGN);
    }

    void write(long offset, ByteBuffer data) throws IOException {
        while (data.hasRemaining()) {
            channel.write(data, offset + data.position());
        }
    }

    void read(long offset, ByteBuffer into) throws IOException {
        while (into.hasRemaining()) {
            if (channel.read(into, offset + into.position()) < 0) {
                while (into.hasRemaining()) {
                    into.put((byte) 0);
                }
            }
        }
    }

    void force() throws IOException {
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
