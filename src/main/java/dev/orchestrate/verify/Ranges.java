package dev.orchestrate.verify;

import java.io.IOException;
import java.lang.foreign.MemorySegment;

/** Where the verifier reads a file's bytes by device position when it does not read a local channel: O_DIRECT, or a trusted host. */
interface Ranges extends AutoCloseable {

    /** Up to {@code want} bytes at {@code position}; shorter at the end of the source. */
    MemorySegment read(long position, int want) throws IOException;

    @Override
    void close() throws IOException;
}
