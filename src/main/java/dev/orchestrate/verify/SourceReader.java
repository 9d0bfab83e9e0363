package dev.orchestrate.verify;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads chunks of a source (an image, a media image, a block device) into native memory: with
 * O_DIRECT, aligned to the file system's block, so the host's page cache neither answers nor fills;
 * an image on a file system without O_DIRECT is read through the page cache instead.
 */
final class SourceReader implements Ranges {

    private final FileChannel channel;
    private final int align;
    private final ByteBuffer buffer;
    private final MemorySegment memory;

    private SourceReader(FileChannel channel, int align, int chunk) {
        this.channel = channel;
        this.align = align;
        this.buffer = ByteBuffer.allocateDirect(chunk + 2 * align).alignedSlice(align);
        this.memory = MemorySegment.ofBuffer(buffer);
    }

    /** With O_DIRECT where the file system allows it, else through the page cache. */
    static SourceReader open(Path source, int chunk) throws IOException {
        try {
            return openDirect(source, chunk);
        } catch (IOException | UnsupportedOperationException e) {
            return new SourceReader(FileChannel.open(source, StandardOpenOption.READ), 1, chunk);
        }
    }

    /** Only with O_DIRECT: a reader that promised to bypass the page cache must not fall back quietly. */
    static SourceReader openDirect(Path source, int chunk) throws IOException {
        int align = (int) Math.max(512, Files.getFileStore(source).getBlockSize());
        return new SourceReader(FileChannel.open(source, StandardOpenOption.READ, ExtendedOpenOption.DIRECT), align, chunk);
    }

    @Override
    public MemorySegment read(long position, int want) throws IOException {
        long from = position / align * align;
        int skip = (int) (position - from);
        int length = (skip + want + align - 1) / align * align;
        buffer.clear().limit(length);
        // until the chunk is in or the source ends (a short direct read ends unaligned, at the end of the source)
        while (buffer.hasRemaining() && buffer.position() % align == 0 && channel.read(buffer, from + buffer.position()) > 0) {
        }
        int got = Math.max(0, Math.min(want, buffer.position() - skip));
        return memory.asSlice(skip, got);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
