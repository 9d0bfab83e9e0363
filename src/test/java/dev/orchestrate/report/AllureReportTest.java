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
        report.describe(Map.of("suite", "x"), report.executor(Map.of(), Executor.Given.NONE));
        JsonNode categories = new ObjectMapper().readTree(report.results().resolve("categories.json").toFile());
        assertEquals(List.of("Interrupted (the run was cancelled)"),
                matching(categories, "broken", Cancellation.INTERRUPTED + "SIGTERM while running 'cp a b', which was killed"));
        assertEquals(List.of("Tool or rig broken"), matching(categories, "broken", "'cp a b' exited with 1: No space left on device"));
        assertEquals(List.of("Not run (the run was cancelled before them)"),
                matching(categories, "skipped", Cancellation.NOT_RUN + "SIGINT before this cell started"));
        assertEquals(List.of("Not runnable on this host"), matching(categories, "skipped", "finder: macOS only"));
    }

    @Test
    void aLocalBuildIsNumberedAfterTheCarriedTrendAndAResumedRunStaysTheBuildItWas() throws Exception {
        Path previous = run.resolve("suite/2026-12-01_01-00-00");
        Path history = Files.createDirectories(previous.resolve("html/history"));
        Path now = Files.createDirectories(run.resolve("suite/2026-12-02_01-00-00"));
        AllureReport report = new AllureReport(now);
        report.prepare(null);
        assertEquals(1, report.executor(Map.of(), Executor.Given.NONE).buildOrder(), "the first build");

        Files.writeString(history.resolve("history-trend.json"), "[{\"data\":{}},{\"data\":{}},{\"data\":{}}]");
        report = new AllureReport(Files.createDirectories(run.resolve("suite/2026-12-02_02-00-00")));
        report.prepare(previous);
        assertEquals(4, report.executor(Map.of(), Executor.Given.NONE).buildOrder(), "a trend from before builds were numbered");

        Files.writeString(history.resolve("history-trend.json"), "[{\"buildOrder\":41,\"data\":{}},{\"buildOrder\":40,\"data\":{}}]");
        report = new AllureReport(Files.createDirectories(run.resolve("suite/2026-12-02_03-00-00")));
        report.prepare(previous);
        Executor built = report.executor(Map.of(), Executor.Given.NONE);
        assertEquals(42, built.buildOrder());
        report.describe(Map.of(), built);
        assertEquals(42, new ObjectMapper().readTree(report.results().resolve(Executor.FILE).toFile()).path("buildOrder").asLong());
        assertEquals(built, report.executor(Map.of("BUILD_NUMBER", "7", "BUILD_URL", "https://ci/7/"), new Executor.Given(9L, null, null)),
                "a resume keeps the executor the run began with");
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
