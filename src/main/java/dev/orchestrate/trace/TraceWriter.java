package dev.orchestrate.trace;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/** Streams records to a JSON Lines file as they happen; thread-safe, appends across controller sessions. */
public final class TraceWriter implements AutoCloseable {

    private final BufferedWriter out;
    private final long start = System.nanoTime();
    private long seq;

    public TraceWriter(Path file) {
        try {
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            this.seq = Files.size(file) == 0 ? 0 : TraceReader.read(file).records().size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the command log " + file, e);
        }
    }

    public Record log(Op op, long offset, long length, int result, String cause) {
        return logAt(System.nanoTime(), op, offset, length, result, cause);
    }

    /** A record of what happened at {@code monotonicNanos} on {@link System#nanoTime()}'s clock, which the kernel's tracing shares. */
    public synchronized Record logAt(long monotonicNanos, Op op, long offset, long length, int result, String cause) {
        Record r = new Record(++seq, monotonicNanos - start, op, offset, length, result, cause);
        try {
            out.write(String.format(Locale.ROOT, "{\"seq\":%d,\"t\":%d,\"op\":\"%s\",\"offset\":%d,\"length\":%d,\"result\":%d%s}%n",
                    r.seq(), r.nanos(), op.label(), offset, length, result,
                    cause.isEmpty() ? "" : ",\"cause\":\"" + cause.replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
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
