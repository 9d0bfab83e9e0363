package dev.orchestrate.trace;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Streams records to a JSON Lines file as they happen; thread-safe, appends across controller
 * sessions. Jackson's generator writes them, so any text a step title or a fault holds (quotes,
 * control characters) stays one valid line.
 */
public final class TraceWriter implements AutoCloseable {

    private static final JsonFactory JSON = new JsonFactory();

    private final JsonGenerator out;
    private final long start = System.nanoTime();
    private long seq;

    public TraceWriter(Path file) {
        try {
            this.seq = Files.exists(file) && Files.size(file) > 0 ? TraceReader.read(file).records().size() : 0;
            OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND));
            this.out = JSON.createGenerator(stream, JsonEncoding.UTF8);
            // one record per line: each ends its own line, with nothing between them
            out.setPrettyPrinter(new MinimalPrettyPrinter(""));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the command log " + file, e);
        }
    }

    public Record log(Op op, long offset, long length, int result, String cause) {
        return logAt(System.nanoTime(), op, offset, length, result, cause);
    }

    /** A record of what happened at {@code monotonicNanos} on {@link System#nanoTime()}'s clock, the clock of the kernel's tracing. */
    public synchronized Record logAt(long monotonicNanos, Op op, long offset, long length, int result, String cause) {
        Record r = new Record(++seq, monotonicNanos - start, op, offset, length, result, cause);
        try {
            out.writeStartObject();
            out.writeNumberField("seq", r.seq());
            out.writeNumberField("t", r.nanos());
            out.writeStringField("op", op.label());
            out.writeNumberField("offset", offset);
            out.writeNumberField("length", length);
            out.writeNumberField("result", result);
            if (!cause.isEmpty()) {
                out.writeStringField("cause", cause);
            }
            out.writeEndObject();
            out.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the command log", e);
        }
        return r;
    }

    public synchronized void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot flush the command log", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the command log", e);
        }
    }
}
