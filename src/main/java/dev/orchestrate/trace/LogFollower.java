package dev.orchestrate.trace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One cell's command log, read as it grows: each read parses only the lines appended since the last. A cell's log is
 * read by each verify's diagnosis and again for its I/O pattern, and under -o sync it holds over 100,000 records. A log
 * replaced by another file or cut shorter is read again from its start; a CSV log is read whole each time.
 */
public final class LogFollower {

    private final Path file;
    private final List<Record> records = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private Object fileKey;
    /** Bytes up to the end of the last whole line parsed. */
    private long consumed;
    private int lines;

    public LogFollower(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /**
     * Every record and problem of the log as it is now. A last line without its newline is read but not kept, and left
     * out if it does not parse: its writer may not have finished it.
     */
    public synchronized TraceReader.Log read() throws IOException {
        BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class);
        if (!Objects.equals(now.fileKey(), fileKey) || now.size() < consumed) {
            records.clear();
            problems.clear();
            consumed = 0;
            lines = 0;
            fileKey = now.fileKey();
        }
        byte[] added = appended(now.size());
        if (!Objects.equals(Files.readAttributes(file, BasicFileAttributes.class).fileKey(), fileKey)) {
            return read(); // replaced while it was read: what was read may belong to either file
        }
        int whole = lastNewline(added) + 1;
        String text = new String(added, 0, whole, StandardCharsets.UTF_8);
        if (consumed == 0 && TraceReader.csvHeader(text.lines().filter(l -> !l.isBlank()).findFirst().orElse(""))) {
            fileKey = null; // read whole every time
            return TraceReader.read(file);
        }
        for (int from = 0; from < text.length(); ) {
            int newline = text.indexOf('\n', from);
            TraceReader.jsonLine(file, text.substring(from, newline), ++lines, records, problems);
            from = newline + 1;
        }
        consumed += whole;
        List<Record> all = new ArrayList<>(records);
        List<String> unended = new ArrayList<>();
        TraceReader.jsonLine(file, new String(added, whole, added.length - whole, StandardCharsets.UTF_8), lines + 1, all, unended);
        return new TraceReader.Log(List.copyOf(all), List.copyOf(problems));
    }

    /** The bytes from {@link #consumed} to {@code size}, or to the end if the file shrank meanwhile. */
    private byte[] appended(long size) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(size - consumed));
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            while (bytes.hasRemaining() && in.read(bytes, consumed + bytes.position()) >= 0) {
                // a positional read may return fewer bytes than asked
            }
        }
        return Arrays.copyOf(bytes.array(), bytes.position());
    }

    /** The index of the last newline; no byte of a UTF-8 sequence of several bytes can be mistaken for one. */
    private static int lastNewline(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
