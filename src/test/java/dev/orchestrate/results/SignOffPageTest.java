package dev.orchestrate.results;

import static dev.orchestrate.results.RunFixture.cell;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

class SignOffPageTest {

    private static final List<Summary.Cell> CELLS = List.of(
            cell(0, "tool=cp size=1MiB", "passed", "", "", null),
            cell(1, "tool=cp size=64MiB", "failed", "transfer-length", "failed with transfer-length (DRV-12)", true),
            cell(2, "tool=dd size=1MiB", "failed", "torn-write", "passed", false),
            cell(3, "tool=dd size=64MiB", "skipped", "", "", null),
            cell(4, "tool=rsync size=1MiB", "broken", "", "", null));

    private static Summary run(Map<String, String> labels) {
        return RunFixture.run("nightly", "/reports/nightly/2", "failed", labels, CELLS);
    }

    private static SignOffPage page(Summary run, Optional<Summary> baseline) {
        return new SignOffPage(new SignOff(run, Path.of("/reports/nightly/2"), baseline.map(b -> Comparison.of(run, b)),
                Coverage.of(run.cells(), Map.of()), List.of(new Promise("sync", "sync returned", 4, 1, 1, 1, 1)), "",
                List.of(new SignOff.Hash("manifest.json", "ab".repeat(32), "every cell's record"))));
    }

    private static Map<String, String> labels(String station) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("driver", "2.1.0-dext");
        labels.put("station", station);
        return labels;
    }

    @Test
    void theMarkdownHasTheMatrixTheLegendThePromisesAndEveryLabel() {
        Summary baseline = RunFixture.run("nightly", "/reports/nightly/1", "passed", Map.of("driver", "2.0.9"),
                List.of(cell(2, "tool=dd size=1MiB", "passed", "", "passed", true)));
        String md = page(run(labels("lab-linux-1")), Optional.of(baseline)).markdown();
        assertTrue(md.startsWith("# Release sign-off: nightly, driver 2.1.0-dext\n"), md);
        assertTrue(md.contains("**FAILED**: 1 cell failed unexpectedly  \n"), md);
        assertTrue(md.contains("\n5 cells: 1 passed, 1 failed, 1 known failure, 1 broken, 1 skipped  \n"), md);
        assertTrue(md.contains("| tool \\ size | 1MiB | 64MiB |\n"), md);
        assertTrue(md.contains("| cp | passed | known failure: transfer-length (DRV-12) |\n"), md);
        assertTrue(md.contains("| dd | **failed**: torn-write | skipped |\n"), md);
        assertTrue(md.contains("| rsync | **broken** | not covered |\n"), md);
        assertTrue(md.contains("- not covered (1): no cell of the run is this combination\n"), md);
        assertTrue(md.contains("| sync | sync returned | 4 | 1 | 1 | 1 | 1 |\n"), md);
        assertTrue(md.contains("| driver | 2.1.0-dext |\n") && md.contains("| station | lab-linux-1 |\n"), md);
        assertTrue(md.contains("| Max Transfer | 1048576 |\n"), md);
        assertTrue(md.contains("| tool=dd size=1MiB | failed: torn-write | failed because of tool=dd size=1MiB |\n"), md);
        assertTrue(md.contains("against 2026-12-02T01:00:00.123Z (driver=2.0.9): 2 new failures"), md);
        assertTrue(md.contains("### New failures\n\n| cell | baseline | run |\n|---|---|---|\n"
                + "| tool=dd size=1MiB | passed | failed: torn-write |\n"),
                md);
        assertTrue(md.contains("\nNone: Fixed, Still failing, Newly skipped, I/O pattern changed, Not in this run\n"), md);
        assertTrue(md.contains("| manifest.json | every cell's record | " + "ab".repeat(32) + " |"), md);
    }

    @Test
    void theHtmlEscapesWhatTheRunSaysAndIsWellFormedForThePdfRenderer() {
        String html = page(run(labels("<lab & \"one\">")), Optional.empty()).html();
        assertTrue(html.contains("<td>&lt;lab &amp; &quot;one&quot;&gt;</td>"), html);
        assertFalse(html.contains("<lab &"), html);
        assertTrue(html.contains("<td class=\"sq k-known-failure\"><b>known failure</b><br/>transfer-length (DRV-12)</td>"), html);
        assertTrue(html.contains("<td class=\"sq k-not-covered\"><b>not covered</b></td>"), html);
        assertTrue(html.contains("@page") && !html.contains("<link") && !html.contains("src="), "prints, with nothing external");
        assertDoesNotThrow(() -> DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aRunWithoutADriverLabelIsNamedByItsRunId() {
        String html = page(run(Map.of()), Optional.empty()).html();
        assertTrue(html.contains("<title>Release sign-off: nightly, run 00000000000000a5</title>"), html);
    }
}
