package dev.orchestrate.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The Allure results of several runs (a night's stations and shards) joined into the results of one
 * report. Each test case gets its run's station as a label, as its parent suite (so the report's
 * tree has a branch per station) and in its history id ({@link HistoryId}): the same cell from two
 * stations is two test cases, not two tries of one, and each keeps its own history, which the runs
 * carried in from their previous runs and which is carried on here. Categories, environment and
 * executor are the report's own ({@link AllureReport#describe}); the environment the runs had is
 * returned joined.
 */
public final class MergedResults {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HISTORY = "history";
    private static final String HISTORY_FILE = "history.json";
    /** What {@link AllureReport#describe} writes for the merged report itself. */
    private static final Set<String> OWN = Set.of("categories.json", "environment.properties", "executor.json");

    /**
     * One run to merge.
     *
     * @param results its allure-results directory
     * @param station its station, or empty
     */
    public record Run(Path results, String station) {
    }

    private MergedResults() {
    }

    /**
     * Copies every run's results into {@code into}, test cases labelled with their station, and joins
     * the runs' history into the history already there (a previous merged report's). Returns the
     * runs' environment: each key once, its distinct values joined by ", ".
     */
    public static Map<String, String> merge(List<Run> runs, Path into) throws IOException {
        Files.createDirectories(into);
        Map<String, Set<String>> environment = new LinkedHashMap<>();
        for (Run run : runs) {
            try (Stream<Path> files = Files.list(run.results())) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String name = file.getFileName().toString();
                    if (name.endsWith("-result.json")) {
                        JSON.writeValue(into.resolve(name).toFile(), stationed((ObjectNode) JSON.readTree(file.toFile()), run.station()));
                    } else if (!OWN.contains(name)) {
                        Files.copy(file, into.resolve(name));
                    }
                }
            }
            environment(run.results().resolve("environment.properties"), environment);
            joinHistory(run.results().resolve(HISTORY).resolve(HISTORY_FILE), into.resolve(HISTORY).resolve(HISTORY_FILE));
        }
        Map<String, String> joined = new LinkedHashMap<>();
        environment.forEach((key, values) -> joined.put(key, String.join(", ", values)));
        return joined;
    }

    /** The test case with its station's label and parent suite (where it has none) and its history id from its station. */
    static ObjectNode stationed(ObjectNode result, String station) {
        if (station.isEmpty()) {
            return result;
        }
        ArrayNode labels = result.withArray("labels");
        List<String> names = new ArrayList<>();
        labels.forEach(label -> names.add(label.path("name").asText()));
        if (!names.contains(HistoryId.STATION)) {
            labels.addObject().put("name", HistoryId.STATION).put("value", station);
        }
        if (!names.contains("parentSuite")) {
            labels.addObject().put("name", "parentSuite").put("value", station);
        }
        result.put("historyId", HistoryId.of(result.path("testCaseId").asText(), station));
        return result;
    }

    private static void environment(Path file, Map<String, Set<String>> environment) throws IOException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        }
        // Properties forgets the order; the keys of a run's table are few, and sorted they read as well
        properties.stringPropertyNames().stream().sorted()
                .forEach(key -> environment.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(properties.getProperty(key)));
    }

    /** Adds the test cases of the history in {@code from} that the one in {@code into} does not have yet. */
    private static void joinHistory(Path from, Path into) throws IOException {
        if (!Files.isRegularFile(from)) {
            return;
        }
        ObjectNode joined = Files.isRegularFile(into) ? (ObjectNode) JSON.readTree(into.toFile()) : JSON.createObjectNode();
        JsonNode history = JSON.readTree(from.toFile());
        history.properties().forEach(e -> {
            if (!joined.has(e.getKey())) {
                joined.set(e.getKey(), e.getValue());
            }
        });
        Files.createDirectories(into.getParent());
        JSON.writeValue(into.toFile(), joined);
    }
}
