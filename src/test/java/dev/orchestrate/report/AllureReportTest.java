package dev.orchestrate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrate.process.Cancellation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's categories: Allure counts a case in every category that matches, so each case must match exactly one. */
class AllureReportTest {

    @TempDir
    Path run;

    @Test
    void aCancelledCellAndACellNeverStartedEachLandInOneCategoryOfTheirOwn() throws Exception {
        AllureReport report = new AllureReport(run);
        Files.createDirectories(report.results());
        report.describe(Map.of("suite", "x"));
        JsonNode categories = new ObjectMapper().readTree(report.results().resolve("categories.json").toFile());
        assertEquals(List.of("Interrupted (the run was cancelled)"),
                matching(categories, "broken", Cancellation.INTERRUPTED + "SIGTERM while running 'cp a b', which was killed"));
        assertEquals(List.of("Tool or rig broken"), matching(categories, "broken", "'cp a b' exited with 1: No space left on device"));
        assertEquals(List.of("Not run (the run was cancelled before them)"),
                matching(categories, "skipped", Cancellation.NOT_RUN + "SIGINT before this cell started"));
        assertEquals(List.of("Not runnable on this host"), matching(categories, "skipped", "finder: macOS only"));
    }

    /** Allure's rule: the status is among the category's, and its message regex (if any) matches the whole message. */
    private static List<String> matching(JsonNode categories, String status, String message) {
        List<String> names = new ArrayList<>();
        for (JsonNode c : categories) {
            boolean statusMatches = false;
            for (JsonNode s : c.path("matchedStatuses")) {
                statusMatches |= s.asText().equals(status);
            }
            if (statusMatches && (!c.has("messageRegex") || message.matches(c.path("messageRegex").asText()))) {
                names.add(c.path("name").asText());
            }
        }
        return names;
    }
}
