package dev.orchestrate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
