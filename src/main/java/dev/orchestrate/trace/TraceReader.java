package dev.orchestrate.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a command log; a malformed line is reported by number, never silently skipped. */
public final class TraceReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The records read and the lines that could not be read ("line 12: no 'op'"). */
    public record Log(List<Record> records, List<String> problems) {
    }

    private TraceReader() {
    }

    public static Log read(Path file) throws IOException {
        List<Record> records = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                JsonNode n = JSON.readTree(line);
                records.add(new Record(required(n, "seq").asLong(), required(n, "t").asLong(), Op.of(required(n, "op").asText()),
                        required(n, "offset").asLong(), required(n, "length").asLong(), n.path("result").asInt(0), n.path("cause").asText("")));
            } catch (IOException | IllegalArgumentException e) {
                problems.add(file.getFileName() + " line " + (i + 1) + ": " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        return new Log(records, problems);
    }

    private static JsonNode required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("no '" + field + "'");
        }
        return v;
    }
}
