package dev.orchestrate.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergedSummaryTest {

    private static final Map<String, String> DISK = Map.of("Kind", "emulated controller", "Disk Size", "268435456");

    @TempDir
    Path dir;

    private static Summary.Cell cell(int ordinal, String station, String status, Map<String, String> target) {
        return new Summary.Cell(ordinal, "oflag=" + ordinal, station, Map.of("oflag", String.valueOf(ordinal)), status, "", "", null, 1000,
                null, "", null, target);
    }

    private static Summary run(String runId, String station, String verdict, int exit, Map<String, String> identity,
                               Summary.Cell... cells) {
        return new Summary(1, "gate", "/suites/gate.yaml", "a".repeat(64), runId, "/lab/" + station + "/gate/" + runId,
                "2026-12-02T01:0" + runId.charAt(15) + ":00Z", "2026-12-02T02:0" + runId.charAt(15) + ":00Z", verdict, exit,
                new Summary.Counts(cells.length, 1, exit == 1 ? 1 : 0, 0, 0, 0),
                Map.of("driver", "2.1.0-dext", "station", station, "night", station.equals("lab-a") ? "1" : "2"), "1/2",
                new Summary.Target("emulated", "emulated controller", identity), List.of(cells));
    }

    private final Summary labA = run("000000000000000a", "lab-a", "passed", 0, DISK, cell(2, "lab-a", "passed", Map.of()),
            cell(0, "lab-a", "passed", Map.of()));
    private final Summary labB = run("000000000000000b", "lab-b", "failed", 1, Map.of("Kind", "emulated controller", "Disk Size", "1"),
            cell(0, "lab-b", "failed", Map.of()), cell(1, "lab-b", "passed", Map.of()));

    @Test
    void theCellsOfAllRunsEachWithItsStationTheCountsSummedTheWorstVerdict() {
        Summary merged = MergedSummary.of(List.of(labA, labB), dir);
        assertEquals(List.of("oflag=0 on lab-a", "oflag=0 on lab-b", "oflag=1 on lab-b", "oflag=2 on lab-a"),
                merged.cells().stream().map(Summary.Cell::title).toList());
        assertEquals(new Summary.Counts(4, 2, 1, 0, 0, 0), merged.counts());
        assertEquals("failed", merged.verdict());
        assertEquals(1, merged.exitCode());
        assertEquals(Map.of("driver", "2.1.0-dext"), merged.labels(), "the labels every run has; the station is each cell's");
        assertEquals("000000000000000a+000000000000000b", merged.runId());
        assertEquals("2026-12-02T01:0a:00Z", merged.started());
        assertEquals("2026-12-02T02:0b:00Z", merged.finished());
        assertEquals("", merged.shard());
        assertEquals(dir.toAbsolutePath().toString(), merged.runDir());
    }

    @Test
    void theIdentityAtTheTopIsWhatTheRunsShareAndEachCellKeepsItsOwnWhereItDiffers() {
        Summary merged = MergedSummary.of(List.of(labA, labB), dir);
        assertEquals(Map.of("Kind", "emulated controller"), merged.target().identity());
        assertEquals(DISK, merged.cells().getFirst().target());
        assertEquals("1", merged.cells().get(1).target().get("Disk Size"));
        assertEquals("emulated", merged.target().kind());
    }

    @Test
    void aRunThatDidNotFinishOrBrokeCountsAboveAPassAndAFailedAboveABrokenRig() {
        Summary broken = run("000000000000000c", "lab-c", "broken", 3, DISK, cell(3, "lab-c", "broken", Map.of()));
        Summary awaiting = run("000000000000000d", "lab-d", "not-finished", 4, DISK, cell(3, "lab-d", "awaiting-resume", Map.of()));
        assertEquals("broken", MergedSummary.of(List.of(labA, broken), dir).verdict());
        assertEquals("failed", MergedSummary.of(List.of(broken, labB), dir).verdict());
        assertEquals("not-finished", MergedSummary.of(List.of(labB, awaiting, broken), dir).verdict());
        assertEquals("", MergedSummary.of(List.of(labA, new Summary(1, "gate", "", "a".repeat(64), "000000000000000e", "", "t", "",
                "not-finished", 4, new Summary.Counts(0, 0, 0, 0, 0, 0), Map.of(), "", labA.target(), List.of())), dir).finished(),
                "a run still awaiting a resume leaves the merge unfinished");
    }

    @Test
    void runsOfDifferentSuitesOrTheSameCellTwiceOnOneStationAreRefusedSayingWhich() {
        Summary other = new Summary(1, "other", "", "a".repeat(64), "000000000000000f", "/lab/other", "t", "t", "passed", 0,
                labA.counts(), Map.of(), "", labA.target(), List.of());
        IllegalArgumentException suites = assertThrows(IllegalArgumentException.class, () -> MergedSummary.of(List.of(labA, other), dir));
        assertEquals("/lab/other is a run of 'other' (SHA-256 aaaaaaaaaaaa...), /lab/lab-a/gate/000000000000000a of 'gate'"
                + " (SHA-256 aaaaaaaaaaaa...): merge the runs of one suite file", suites.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> MergedSummary.check(List.of(labA, labA)));
        assertTrue(twice.getMessage().startsWith("cell oflag=2 on lab-a is in /lab/lab-a/gate/000000000000000a and in"),
                twice.getMessage());
    }

    @Test
    void theMergedSummaryIsWhatTheSchemaDescribes() throws IOException {
        Path file = dir.resolve(Summary.FILE);
        MergedSummary.of(List.of(labA, labB), dir).write(file);
        assertEquals(Set.of(), SummaryTest.errors(file));
    }

    @Test
    void aSummaryFromBeforeShardsAndStationsStillReadsAndMerges() throws IOException {
        Path file = dir.resolve(Summary.FILE);
        labA.write(file);
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(file.toFile());
        tree.remove("shard");
        tree.withArray("cells").forEach(c -> ((ObjectNode) c).remove("station"));
        json.writeValue(file.toFile(), tree);
        assertEquals(Set.of(), SummaryTest.errors(file));
        Summary old = Summary.read(file);
        assertEquals(List.of("oflag=0", "oflag=2"), MergedSummary.of(List.of(old), dir).cells().stream().map(Summary.Cell::title).toList());
    }
}
