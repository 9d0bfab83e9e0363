package dev.orchestrate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergedResultsTest {

    private static final String CELL = "[engine:orchestrate]/[suite:gate]/[cell:oflag=none]";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A run's allure-results with one test case of {@code CELL}, its attachment and the history it carried in. */
    private MergedResults.Run run(String station, String host) throws IOException {
        Path results = Files.createDirectories(dir.resolve(station.isEmpty() ? "plain" : station).resolve(AllureReport.RESULTS));
        Map<String, Object> result = new HashMap<>(Map.of("uuid", station + "-1", "testCaseId", CELL, "historyId", HistoryId.of(CELL, ""),
                "name", "oflag=none", "status", "failed",
                "labels", new ArrayList<>(List.of(Map.of("name", "suite", "value", "gate")))));
        JSON.writeValue(results.resolve(station + "-1-result.json").toFile(), result);
        Files.writeString(results.resolve(station + "-2-attachment.txt"), "verdict");
        Files.writeString(results.resolve("environment.properties"), "host=" + host + "\nsuite=gate\n");
        Files.writeString(results.resolve("categories.json"), "[]");
        Files.createDirectories(results.resolve("history"));
        JSON.writeValue(results.resolve("history/history.json").toFile(),
                Map.of(HistoryId.of(CELL, station), Map.of("statistic", Map.of("total", 1), "items", List.of())));
        return new MergedResults.Run(results, station);
    }

    private List<JsonNode> results(Path into) throws IOException {
        List<JsonNode> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(into)) {
            for (Path file : files.filter(f -> f.toString().endsWith("-result.json")).sorted().toList()) {
                found.add(JSON.readTree(file.toFile()));
            }
        }
        return found;
    }

    private static String label(JsonNode result, String name) {
        for (JsonNode label : result.path("labels")) {
            if (label.path("name").asText().equals(name)) {
                return label.path("value").asText();
            }
        }
        return null;
    }

    @Test
    void theSameCellFromTwoStationsIsTwoTestCasesEachWithItsStationAndHistory() throws IOException {
        Path into = dir.resolve("merged");
        Map<String, String> environment = MergedResults.merge(List.of(run("lab-a", "mac-a"), run("lab-b", "mac-b")), into);

        List<JsonNode> merged = results(into);
        assertEquals(2, merged.size());
        assertEquals(List.of("lab-a", "lab-b"), merged.stream().map(r -> label(r, HistoryId.STATION)).toList());
        assertEquals(List.of("lab-a", "lab-b"), merged.stream().map(r -> label(r, "parentSuite")).toList(),
                "the report's tree has a branch per station");
        assertEquals(List.of(HistoryId.of(CELL, "lab-a"), HistoryId.of(CELL, "lab-b")),
                merged.stream().map(r -> r.path("historyId").asText()).toList());
        assertTrue(Files.exists(into.resolve("lab-a-2-attachment.txt")) && Files.exists(into.resolve("lab-b-2-attachment.txt")));
        assertFalse(Files.exists(into.resolve("categories.json")), "the merged report describes itself");

        JsonNode history = JSON.readTree(into.resolve("history/history.json").toFile());
        assertTrue(history.has(HistoryId.of(CELL, "lab-a")) && history.has(HistoryId.of(CELL, "lab-b")), history.toString());
        assertEquals(Map.of("host", "mac-a, mac-b", "suite", "gate"), environment);
    }

    /** The history a previous merged report left (carried in by {@link AllureReport#prepare}) stays; the runs add what it lacks. */
    @Test
    void theRunsHistoryJoinsThePreviousMergedReportsWithoutReplacingIt() throws IOException {
        Path into = dir.resolve("merged");
        Files.createDirectories(into.resolve("history"));
        JSON.writeValue(into.resolve("history/history.json").toFile(), Map.of(HistoryId.of(CELL, "lab-a"), Map.of("items", List.of(1, 2))));
        MergedResults.merge(List.of(run("lab-a", "mac-a"), run("lab-b", "mac-b")), into);
        JsonNode history = JSON.readTree(into.resolve("history/history.json").toFile());
        assertEquals(2, history.path(HistoryId.of(CELL, "lab-a")).path("items").size(), history.toString());
        assertTrue(history.has(HistoryId.of(CELL, "lab-b")), history.toString());
    }

    @Test
    void aRunWithoutAStationKeepsItsTestCasesAsTheyAre() throws IOException {
        Path into = dir.resolve("merged");
        MergedResults.merge(List.of(run("", "mac")), into);
        JsonNode only = results(into).getFirst();
        assertEquals(HistoryId.of(CELL, ""), only.path("historyId").asText());
        assertEquals(null, label(only, HistoryId.STATION));
    }
}
