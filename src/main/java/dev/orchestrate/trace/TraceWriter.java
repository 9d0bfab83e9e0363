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
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

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
            this.out = generator(new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND)));
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
            line(out, r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the command log", e);
        }
        return r;
    }

    /** Writes {@code records} as they are, replacing {@code file}: a log assembled afterwards (a tracer's rows with the step marks). */
    public static void write(Path file, List<Record> records) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (JsonGenerator g = generator(new BufferedOutputStream(Files.newOutputStream(partial)))) {
            for (Record r : records) {
                line(g, r);
            }
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** One record per line: each ends its own line, with nothing between them. */
    private static JsonGenerator generator(OutputStream stream) throws IOException {
        JsonGenerator g = JSON.createGenerator(stream, JsonEncoding.UTF8);
        g.setPrettyPrinter(new MinimalPrettyPrinter(""));
        return g;
    }

    private static void line(JsonGenerator g, Record r) throws IOException {
        g.writeStartObject();
        g.writeNumberField("seq", r.seq());
        g.writeNumberField("t", r.nanos());
        g.writeStringField("op", r.op().label());
        g.writeNumberField("offset", r.offset());
        g.writeNumberField("length", r.length());
        g.writeNumberField("result", r.result());
        if (!r.cause().isEmpty()) {
            g.writeStringField("cause", r.cause());
        }
        g.writeEndObject();
        g.writeRaw('\n');
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
