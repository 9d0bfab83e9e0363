package dev.orchestrate.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * Passes a process's output on to where it is kept, and tells each line of it, as it comes, to a
 * reader that may say enough is known, so that the process can be stopped.
 */
final class Lines extends OutputStream {

    /** A longer line is cut here: no tool line that is read needs more, and a line without end must not grow without bound. */
    private static final int LONGEST = 4096;

    private final OutputStream kept;
    private final Predicate<String> stopAfter;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private volatile boolean stopped;

    Lines(OutputStream kept, Predicate<String> stopAfter) {
        this.kept = kept;
        this.stopAfter = stopAfter;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        kept.write(b);
        if (b == '\n') {
            end();
        } else if (line.size() < LONGEST) {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    /** Tells the reader the line so far, if any: at each line's end, and at the end of the output for a last line without one. */
    synchronized void end() {
        if (!stopped && line.size() > 0) {
            stopped = stopAfter.test(line.toString(StandardCharsets.UTF_8));
        }
        line.reset();
    }

    /** Whether the reader has said enough is known. */
    boolean stopped() {
        return stopped;
    }
}
