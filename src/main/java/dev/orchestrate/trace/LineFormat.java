package dev.orchestrate.trace;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How to read a driver's own log of its commands as command log records, declared in a small file
 * ({@code docs/command-log.md}) rather than written as a converter: a driver's log is read as it
 * came from the field, so what it says is not changed on the way.
 *
 * @param line what a command's line matches, whole, with named groups for its fields
 * @param select when present, only lines it is found in are read; the others are not commands
 * @param ignore lines it is found in are not read, even when selected
 * @param blockSize bytes per LBA and per block
 * @param unitNanos nanoseconds per unit of the {@code time} group
 */
public record LineFormat(Pattern line, Optional<Pattern> select, Optional<Pattern> ignore, long blockSize, long unitNanos,
                         DriverOps ops) {

    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+");
    private static final int SHOWN = 80;

    /** A format file that cannot be used, with every problem in {@code file:line:column: message} form. */
    public static final class Invalid extends Exception {

        private final List<String> problems;

        Invalid(List<String> problems) {
            super(String.join("\n", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** Reads a format file; the exception lists everything wrong with it. */
    public static LineFormat load(Path file) throws Invalid {
        return LineFormatLoader.load(file);
    }

    /**
     * Reads a driver's log: one record per selected line, its seq the line's number (so a command the
     * evidence names is found in the driver's log as written); every selected line that does not match,
     * or names an unknown command, is a problem with its number.
     */
    public TraceReader.Log read(Path file) throws IOException {
        List<String> lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
        List<Record> records = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (text.isEmpty() || select.filter(s -> !s.matcher(text).find()).isPresent()
                    || ignore.filter(s -> s.matcher(text).find()).isPresent()) {
                continue;
            }
            try {
                records.add(record(i + 1, text));
            } catch (IllegalArgumentException e) {
                problems.add(file.getFileName() + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return new TraceReader.Log(records, problems);
    }

    /** The record of one selected line. */
    Record record(long seq, String text) {
        Matcher m = line.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("does not match the format's 'line': "
                    + (text.length() <= SHOWN ? text : text.substring(0, SHOWN - 3) + "..."));
        }
        DriverOps.Command command = ops.of(group(m, "op").orElseThrow(() -> new IllegalArgumentException("no 'op'")));
        boolean moves = command.op() == Op.READ || command.op() == Op.WRITE;
        long offset = field(m, "lba", blockSize, moves, command).or(() -> field(m, "offset", 1, moves, command)).orElse(0L);
        long length = field(m, "blocks", blockSize, moves, command).or(() -> field(m, "length", 1, moves, command)).orElse(0L);
        int result = group(m, "result").map(t -> {
            try {
                return Math.toIntExact(whole(t, "result"));
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("'result' is out of range: '" + t + "'");
            }
        }).orElse(0);
        long nanos = group(m, "time").map(this::nanos).orElse(0L);
        return new Record(seq, nanos, command.op(), offset, length, result, command.cause());
    }

    /**
     * A position or length in bytes from group {@code name} ({@code unit} bytes each); empty when the
     * format has no such group. A READ or WRITE must have it where the format declares it.
     */
    private Optional<Long> field(Matcher m, String name, long unit, boolean required, DriverOps.Command command) {
        if (!line.namedGroups().containsKey(name)) {
            return Optional.empty();
        }
        Optional<String> text = group(m, name);
        if (text.isEmpty()) {
            if (required) {
                throw new IllegalArgumentException("a " + command.name() + " with no '" + name + "'");
            }
            return Optional.of(0L);
        }
        long value = whole(text.get(), name);
        if (value < 0) {
            throw new IllegalArgumentException("'" + name + "' is negative: '" + text.get() + "'");
        }
        try {
            return Optional.of(Math.multiplyExact(value, unit));
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + name + "' is too large: '" + text.get() + "'");
        }
    }

    private Optional<String> group(Matcher m, String name) {
        return line.namedGroups().containsKey(name) ? Optional.ofNullable(m.group(name)).map(String::strip) : Optional.empty();
    }

    /** A whole number as drivers print them: {@code 4096}, {@code 4,096}, {@code 0x1000}, {@code -5}. */
    static long whole(String text, String name) {
        try {
            if (text.regionMatches(true, 0, "0x", 0, 2)) {
                return Long.parseLong(text.substring(2), 16);
            }
            return Long.parseLong(GROUPED.matcher(text).matches() ? text.replace(",", "") : text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + name + "' is not a whole number: '" + text + "'");
        }
    }

    private long nanos(String text) {
        try {
            return new BigDecimal(text).multiply(BigDecimal.valueOf(unitNanos)).setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("'time' is not a number of " + LineFormatLoader.unitName(unitNanos) + ": '" + text + "'");
        }
    }
}
