package dev.orchestrate.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.engine.Manifest;
import dev.orchestrate.trace.Signature;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    static Signature pattern(long size, double flushes) {
        return new Signature(List.of(new Signature.Share(size, 8, 8 * size, 1.0)), flushes);
    }

    static Summary.Cell cell(String name, String status, String defect, Boolean asExpected, Signature pattern) {
        return new Summary.Cell(0, name, "", Map.of(), status, status.equals("passed") ? "" : defect + " because", defect,
                status.equals("failed") ? new Manifest.Damage("file-1.bin", 278_528, 279_072, 4096) : null, 1000, pattern, "", asExpected,
                Map.of());
    }

    static Summary run(String runId, Map<String, String> identity, Summary.Cell... cells) {
        return new Summary(1, "nightly", "/suites/nightly.yaml", "a".repeat(64), runId, "/reports/nightly/" + runId,
                "2026-12-0" + runId.charAt(15), "", "failed", 1, new Summary.Counts(cells.length, 0, 0, 0, 0, 0), Map.of(), "",
                new Summary.Target("emulated", "", identity), List.of(cells));
    }

    private static List<String> names(List<Comparison.Change> changes) {
        return changes.stream().map(Comparison.Change::cell).toList();
    }

    @Test
    void everyCellLandsWhereItsChangeBelongs() {
        Signature mib = pattern(1 << 20, 0.2);
        Summary baseline = run("0000000000000001", Map.of("IOMaximumByteCountWrite", "524288"),
                cell("cp", "passed", "", null, mib), cell("dd", "failed", "transfer-length", null, mib),
                cell("fio", "failed", "torn-write", null, mib), cell("rsync", "passed", "", null, mib),
                cell("tar", "failed", "flush-dropped", true, mib), cell("gio", "passed", "", null, mib),
                cell("ditto", "passed", "", null, mib));
        Summary now = run("0000000000000002", Map.of("IOMaximumByteCountWrite", "1048576"),
                cell("cp", "failed", "transfer-length", null, mib), cell("dd", "passed", "", null, mib),
                cell("fio", "failed", "transfer-length", null, mib), cell("rsync", "skipped", "", null, null),
                cell("tar", "failed", "flush-dropped", true, mib), cell("gio", "passed", "", null, pattern(256 << 10, 0.2)),
                cell("nio", "broken", "", null, null));
        Comparison c = Comparison.of(now, baseline);
        assertEquals(List.of("cp", "nio"), names(c.newFailures()), "a failure the baseline did not have, and a cell new and broken");
        assertEquals("passed", c.newFailures().getFirst().before());
        assertEquals("failed: transfer-length", c.newFailures().getFirst().after());
        assertEquals(List.of("dd"), names(c.fixed()));
        assertEquals(List.of("fio"), names(c.stillFailing()));
        assertEquals("failed: torn-write", c.stillFailing().getFirst().before(), "still failing, with another defect");
        assertEquals(List.of("rsync"), names(c.newlySkipped()));
        assertEquals(List.of("gio"), names(c.patterns()), "another write size carries the bytes");
        assertEquals(List.of("IOMaximumByteCountWrite: 524288 → 1048576"), c.identity());
        assertEquals(List.of("ditto"), c.gone());
        assertTrue(c.regressed());
    }

    @Test
    void anExpectedFailureIsNotAFailureButAnUnexpectedPassIs() {
        Summary baseline = run("0000000000000001", Map.of(), cell("dd", "failed", "transfer-length", true, null));
        Summary stillExpected = run("0000000000000002", Map.of(), cell("dd", "failed", "transfer-length", true, null));
        assertFalse(Comparison.of(stillExpected, baseline).regressed());
        Summary passedUnexpectedly = run("0000000000000003", Map.of(), cell("dd", "failed", "", false, null));
        assertEquals(List.of("dd"), names(Comparison.of(passedUnexpectedly, baseline).newFailures()));
    }

    /** Two merged nights: the cell that fails on one station only is a new failure there, and nowhere else. */
    @Test
    void mergedRunsAreComparedCellByCellAndStationByStation() {
        Summary.Cell onA = cell("dd", "passed", "", null, null);
        Summary.Cell onB = cell("dd", "passed", "", null, null);
        Summary baseline = run("0000000000000001", Map.of(), station(onA, "lab-a"), station(onB, "lab-b"));
        Summary now = run("0000000000000002", Map.of(), station(onA, "lab-a"),
                station(cell("dd", "failed", "transfer-length", null, null), "lab-b"));
        assertEquals(List.of("dd on lab-b"), names(Comparison.of(now, baseline).newFailures()));
        assertEquals(List.of(), Comparison.of(now, baseline).gone());
    }

    private static Summary.Cell station(Summary.Cell c, String station) {
        return new Summary.Cell(c.ordinal(), c.name(), station, c.axes(), c.status(), c.message(), c.defect(), c.damage(), c.millis(),
                c.pattern(), c.expected(), c.asExpected(), c.target());
    }

    @Test
    void flushesPerMibMoveOnlyWhenOneIsHalfAgainTheOther() {
        Summary baseline = run("0000000000000001", Map.of(), cell("a", "passed", "", null, pattern(4096, 1.0)),
                cell("b", "passed", "", null, pattern(4096, 1.0)), cell("c", "passed", "", null, pattern(4096, 0.01)));
        Summary now = run("0000000000000002", Map.of(), cell("a", "passed", "", null, pattern(4096, 1.4)),
                cell("b", "passed", "", null, pattern(4096, 2.0)), cell("c", "passed", "", null, pattern(4096, 0.04)));
        assertEquals(List.of("b"), names(Comparison.of(now, baseline).patterns()));
    }

    @Test
    void theReportSaysTheSameInEveryForm() {
        Summary baseline = run("0000000000000001", Map.of(), cell("cp", "passed", "", null, null));
        Summary now = run("0000000000000002", Map.of(), cell("cp", "failed", "transfer-length", null, null));
        ComparisonReport report = new ComparisonReport(Comparison.of(now, baseline));
        assertEquals("1 new failure", report.verdict());
        assertTrue(report.text().contains("  cp: passed → failed: transfer-length\n      transfer-length because"), report.text());
        assertTrue(report.markdown().contains("| cp | passed | failed: transfer-length | transfer-length because |"), report.markdown());
        assertTrue(report.html().contains("<td>failed: transfer-length</td>"), report.html());
    }
}
