package dev.orchestrate.trace;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
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

    public synchronized Record log(Op op, long offset, long length, int result, String cause) {
        Record r = new Record(++seq, System.nanoTime() - start, op, offset, length, result, cause);
        try {
            out.write(line(r));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the command log", e);
        }
        return r;
    }

    /** Writes {@code records} as they are, replacing {@code file}: a log assembled afterwards (a tracer's rows with the step marks). */
    public static void write(Path file, List<Record> records) throws IOException {
        StringBuilder text = new StringBuilder();
        records.forEach(r -> text.append(line(r)));
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.writeString(partial, text, StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String line(Record r) {
        return String.format(Locale.ROOT, "{\"seq\":%d,\"t\":%d,\"op\":\"%s\",\"offset\":%d,\"length\":%d,\"result\":%d%s}%n",
                r.seq(), r.nanos(), r.op().label(), r.offset(), r.length(), r.result(),
                r.cause().isEmpty() ? "" : ",\"cause\":\"" + r.cause().replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
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
