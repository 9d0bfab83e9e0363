package dev.orchestrate.copier;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * Writes through a shared mapping of the destination, one window at a time: the pages are dirtied
 * by stores, not write calls, and reach the device when forced (msync) or when the kernel writes
 * them back.
 */
final class MmapCopy {

    private MmapCopy() {
    }

    /** Returns the number of windows written. */
    static long copy(Request r) throws IOException {
        try (FileChannel in = FileChannel.open(r.source(), StandardOpenOption.READ);
             FileChannel out = FileChannel.open(r.destination(), StandardOpenOption.READ, StandardOpenOption.WRITE,
                     StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)) {
            long size = in.size();
            if (size > 0) {
                // a mapping cannot grow the file: give it its final length first
                out.write(ByteBuffer.wrap(new byte[1]), size - 1);
            }
            long windows = 0;
            for (long at = 0; at < size; at += r.chunk(), windows++) {
                long length = Math.min(r.chunk(), size - at);
                MappedByteBuffer window = out.map(FileChannel.MapMode.READ_WRITE, at, length);
                while (window.hasRemaining()) {
                    if (in.read(window, at + window.position()) < 0) {
                        throw new IOException(r.source() + " ended at " + (at + window.position()) + " while copying " + size + " bytes");
                    }
                }
                if (r.force().equals("each")) {
                    window.force();
                }
            }
            if (r.force().equals("end")) {
                out.force(true);
            }
            return windows;
        }
    }
}
