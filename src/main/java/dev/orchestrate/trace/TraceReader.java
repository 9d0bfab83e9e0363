package dev.orchestrate.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a command log, in JSON Lines or in CSV (a header line naming the columns
 * {@code seq,t,op,offset,length[,result[,cause]]}, as a driver's own logging may write it more
 * easily); a malformed line is reported by number, never silently skipped.
 */
public final class TraceReader {

    private static final JsonFactory JSON = new JsonFactory();

    /** The records read and the lines that could not be read ("line 12: no 'op'"). */
    public record Log(List<Record> records, List<String> problems) {
    }

    private TraceReader() {
    }

    public static Log read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String first = lines.stream().filter(l -> !l.isBlank()).findFirst().orElse("");
        return csvHeader(first) ? csv(file, lines) : jsonLines(file, lines);
    }

    private static Log csv(Path file, List<String> lines) {
        List<Record> records = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> columns = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            List<String> cells = List.of(line.split(",", -1));
            if (columns == null) {
                columns = cells.stream().map(String::strip).toList();
                if (!columns.containsAll(List.of("seq", "t", "op", "offset", "length"))) {
                    problems.add(file.getFileName() + " line " + (i + 1) + ": the header must name seq, t, op, offset and length");
                    return new Log(records, problems);
                }
                continue;
            }
            try {
                if (cells.size() != columns.size()) {
                    throw new IllegalArgumentException(cells.size() + " fields, the header names " + columns.size());
                }
                List<String> header = columns;
                Function<String, String> field = name -> header.contains(name) ? cells.get(header.indexOf(name)).strip() : "";
                records.add(new Record(number(field.apply("seq"), "seq"), number(field.apply("t"), "t"), Op.of(field.apply("op")),
                        number(field.apply("offset"), "offset"), number(field.apply("length"), "length"),
                        field.apply("result").isEmpty() ? 0 : (int) number(field.apply("result"), "result"), field.apply("cause")));
            } catch (IllegalArgumentException e) {
                problems.add(file.getFileName() + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return new Log(records, problems);
    }

    private static long number(String text, String field) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + field + "' is not a whole number: '" + text + "'");
        }
    }

    /**
     * Each line through Jackson's streaming parser, field by field: a cell's log under -o sync holds over 100,000 records,
     * read by each verify's forensics and for the I/O pattern, and a tree per line took twice as long.
     */
    private static Log jsonLines(Path file, List<String> lines) {
        List<Record> records = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            jsonLine(file, lines.get(i), i + 1, records, problems);
        }
        return new Log(records, problems);
    }

    /** Line {@code number} of a JSON Lines log: a record, or a problem naming the line; nothing for a blank line. */
    static void jsonLine(Path file, String text, int number, List<Record> records, List<String> problems) {
        String line = text.strip();
        if (line.isEmpty()) {
            return;
        }
        try (JsonParser p = JSON.createParser(line)) {
            records.add(record(p));
        } catch (IOException | IllegalArgumentException e) {
            problems.add(file.getFileName() + " line " + number + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** Whether {@code firstLine}, the log's first line that is not blank, is a CSV header. */
    static boolean csvHeader(String firstLine) {
        return firstLine.strip().startsWith("seq,");
    }

    /** One record from a line's object; numbers given as text are read as numbers, as a tree's asLong would. */
    private static Record record(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException("not a JSON object");
        }
        Long seq = null;
        Long t = null;
        String op = null;
        Long offset = null;
        Long length = null;
        int result = 0;
        String cause = "";
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            boolean present = value != JsonToken.VALUE_NULL;
            switch (name) {
                case "seq" -> seq = present ? p.getValueAsLong() : null;
                case "t" -> t = present ? p.getValueAsLong() : null;
                case "op" -> op = present ? p.getValueAsString("") : null;
                case "offset" -> offset = present ? p.getValueAsLong() : null;
                case "length" -> length = present ? p.getValueAsLong() : null;
                case "result" -> result = p.getValueAsInt(0);
                case "cause" -> cause = p.getValueAsString("");
                default -> { }
            }
            p.skipChildren();
        }
        return new Record(required(seq, "seq"), required(t, "t"), Op.of(required(op, "op")), required(offset, "offset"),
                required(length, "length"), result, cause);
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("no '" + field + "'");
        }
        return value;
    }
}
