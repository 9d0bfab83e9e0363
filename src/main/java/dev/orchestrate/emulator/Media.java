package dev.orchestrate.emulator;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The media image, written and read with O_DIRECT in whole aligned blocks. Through the page cache
 * the controller's own writes could wait in balance_dirty_pages on pages only it can complete,
 * stalling writers machine-wide; O_DIRECT keeps the media out of the host's cache.
 *
 * <p>A new image is sparse, and a write of zeros over blocks never written is left out: the image
 * reads the same zeros, and stays a hole that a scan of the media skips. mkfs writes its inode
 * tables and journal as tens of MiB of zeros, which each verify's region scan would read again.
 */
final class Media implements AutoCloseable {

    static final int ALIGN = 4096;
    /** Gathering writes that may run at once: as many as the controller's destage writes in flight. */
    static final int GATHERERS = 4;
    /** What a write is compared with to tell it is all zeros. */
    private static final MemorySegment ZEROS = Arena.global().allocate(1 << 20);

    private final Path file;
    private final long size;
    private final FileChannel channel;
    /** FileChannel has no positional gathering write: each gathering write positions a channel of its own. */
    private final BlockingQueue<FileChannel> gatherers = new ArrayBlockingQueue<>(GATHERERS);
    /** The blocks of {@link #ALIGN} bytes ever written; null for an image that held data when opened: all count as written. */
    private final BitSet written;

    Media(Path file, long size) throws IOException {
        this.file = file;
        this.size = size;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            this.written = raf.length() == 0 && size / ALIGN < Integer.MAX_VALUE ? new BitSet() : null;
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
        if (leftOut(offset, new ByteBuffer[] {data})) {
            data.position(data.limit());
            return;
        }
        while (data.hasRemaining()) {
            channel.write(data, offset + data.position());
        }
    }

    /** Writes {@code data} in order from {@code offset}, in as few system calls as the kernel takes. */
    void write(long offset, ByteBuffer[] data) throws IOException {
        if (leftOut(offset, data)) {
            return;
        }
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

    /**
     * Whether the write of {@code data} at {@code offset} is all zeros over blocks never written, and so left out; marks
     * its blocks written otherwise.
     */
    private boolean leftOut(long offset, ByteBuffer[] data) {
        if (written == null) {
            return false;
        }
        long length = 0;
        boolean zeros = true;
        for (ByteBuffer b : data) {
            length += b.remaining();
            zeros = zeros && zeros(MemorySegment.ofBuffer(b));
        }
        int first = (int) (offset / ALIGN);
        int end = (int) ((offset + length + ALIGN - 1) / ALIGN);
        synchronized (written) {
            int next = written.nextSetBit(first);
            if (zeros && (next < 0 || next >= end)) {
                return true;
            }
            written.set(first, end);
            return false;
        }
    }

    private static boolean zeros(MemorySegment data) {
        for (long at = 0; at < data.byteSize(); at += ZEROS.byteSize()) {
            long n = Math.min(ZEROS.byteSize(), data.byteSize() - at);
            if (data.asSlice(at, n).mismatch(ZEROS.asSlice(0, n)) >= 0) {
                return false;
            }
        }
        return true;
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
