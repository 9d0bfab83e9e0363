package dev.orchestrate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.TestResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryIdTest {

    private static final String CELL = "[engine:orchestrate]/[suite:smoke]/[cell:tool=dd size=1MiB]";

    @TempDir
    Path results;

    @Test
    void withoutAStationItIsAllureJunitPlatformsOwnSoOldHistoryGoesOn() {
        // what allure-junit-platform 2.35 wrote for this cell
        assertEquals("b3e621b4bcdd7bf225ac9d424e2d7eef", HistoryId.of(CELL, ""));
        assertEquals(HistoryId.of(CELL, ""), HistoryId.of(CELL, null));
    }

    @Test
    void theSameCellIsOneTestCasePerStationAndTheSameOnItsStationEveryNight() {
        assertNotEquals(HistoryId.of(CELL, "lab-a"), HistoryId.of(CELL, "lab-b"));
        assertNotEquals(HistoryId.of(CELL, ""), HistoryId.of(CELL, "lab-a"));
        assertEquals(HistoryId.of(CELL, "lab-a"), HistoryId.of(CELL, "lab-a"));
    }

    /** The run's side: the station label the engine publishes on a cell puts the station into its test case's history id. */
    @Test
    void theStationLabelSetsTheTestCasesHistoryId() throws IOException {
        AllureLifecycle lifecycle = new AllureLifecycle(new FileSystemResultsWriter(results));
        lifecycle.scheduleTestCase(new TestResult().setUuid("u1").setTestCaseId(CELL).setHistoryId(HistoryId.of(CELL, "")).setName("cell"));
        lifecycle.startTestCase("u1");
        AllureBridge bridge = new AllureBridge(lifecycle);
        bridge.reportingEntryPublished(null, Entries.label("driver", "2.1.0-dext"));
        bridge.reportingEntryPublished(null, Entries.label(HistoryId.STATION, "lab-a"));
        lifecycle.stopTestCase("u1");
        lifecycle.writeTestCase("u1");
        try (Stream<Path> files = Files.list(results)) {
            JsonNode written = new ObjectMapper().readTree(files.findFirst().orElseThrow().toFile());
            assertEquals(HistoryId.of(CELL, "lab-a"), written.path("historyId").asText());
            assertEquals("lab-a", written.path("labels").get(1).path("value").asText());
        }
    }
}
