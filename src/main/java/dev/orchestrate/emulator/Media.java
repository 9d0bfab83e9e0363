package dev.orchestrate.emulator;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The media image, written and read with O_DIRECT in whole aligned blocks. Through the page cache
 * the controller's own writes could wait in balance_dirty_pages on pages only it can complete,
 * stalling writers machine-wide; O_DIRECT keeps the media out of the host's cache.
 */
final class Media implements AutoCloseable {

    static final int ALIGN = 4096;
    /** Gathering writes that may run at once: as many as the controller's destage writes in flight. */
    static final int GATHERERS = 4;

    private final Path file;
    private final long size;
    private final FileChannel channel;
    /** FileChannel has no positional gathering write: each gathering write positions a channel of its own. */
    private final BlockingQueue<FileChannel> gatherers = new ArrayBlockingQueue<>(GATHERERS);

    Media(Path file, long size) throws IOException {
        this.file = file;
        this.size = size;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            if (raf.length() < size) {
                raf.setLength(size);
            }
        }
        this.channel = open(file);
        for (int i = 0; i < GATHERERS; i++) {
            gatherers.add(open(file));
        }
    }

    private static FileChannel open(Path file) throws IOException {
        try {
            return FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT);
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

    /** Writes {@code data} in order from {@code offset}, in as few system calls as the kernel takes. */
    void write(long offset, ByteBuffer[] data) throws IOException {
        FileChannel gatherer;
        try {
            gatherer = gatherers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted before a media write", e);
        }
        try {
            gatherer.position(offset);
            long remaining = 0;
            for (ByteBuffer b : data) {
                remaining += b.remaining();
            }
            while (remaining > 0) {
                remaining -= gatherer.write(data);
            }
        } finally {
            gatherers.add(gatherer);
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
        for (FileChannel gatherer : gatherers) {
            gatherer.close();
        }
        channel.close();
    }
}
