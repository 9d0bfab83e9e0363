package dev.orchestrate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {

    @TempDir
    Path reports;

    @Test
    void latestFollowsTheNewestRun() throws IOException {
        RunDirectory first = RunDirectory.create(reports, "smoke", "");
        assertNull(first.previous());
        first.markLatest();
        RunDirectory second = RunDirectory.create(reports, "smoke", "");
        assertNotEquals(first.path(), second.path());
        assertEquals(first.path().toRealPath(), second.previous().toRealPath());
        second.markLatest();
        assertEquals(second.path().toRealPath(), reports.resolve("smoke/latest").toRealPath());
        assertEquals(second.path().getFileName(), Files.readSymbolicLink(reports.resolve("smoke/latest")));
    }

    @Test
    void runsSortNewestFirstAndASecondRunInOneSecondIsTheNewer() {
        List<String> names = new ArrayList<>(List.of("2026-11-05_01-00-00-2", "2026-11-04_23-59-59", "2026-11-05_01-00-00",
                "2026-11-05_01-00-00-10"));
        names.sort(RunDirectory.NEWEST_FIRST);
        assertEquals(List.of("2026-11-05_01-00-00-10", "2026-11-05_01-00-00-2", "2026-11-05_01-00-00", "2026-11-04_23-59-59"), names);
        assertTrue(RunDirectory.isRunName("2026-11-05_01-00-00-2"));
        assertFalse(RunDirectory.isRunName("latest"));
        assertFalse(RunDirectory.isRunName("latest.4242.new"));
    }
}
