package dev.orchestrate.cli;

import static dev.orchestrate.results.RunFixture.cell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.results.RunFixture;
import dev.orchestrate.results.Summary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignOffCommandTest {

    private static final String SUITE = """
            name: gate
            target: {kind: emulated}
            matrix:
              tool: [cp, dd]
            steps:
              - generate: {size: 1MiB}
              - copy: {tool: "${tool}"}
              - sync
              - verify
            """;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    private int execute(String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(out, true), args);
    }

    /** A run of {@code suite} in reports/&lt;suite&gt;/&lt;stamp&gt;, with the copy of its suite a run keeps. */
    private Path run(String suite, String stamp, String verdict, Map<String, String> labels, List<Summary.Cell> cells) throws IOException {
        Path run = Files.createDirectories(dir.resolve("reports").resolve(suite).resolve(stamp));
        Summary s = RunFixture.run(suite, run.toString(), verdict, labels, cells);
        new Summary(s.format(), s.suite(), s.suiteFile(), s.suiteSha256(), "00000000000000" + stamp.substring(0, 2), s.runDir(),
                "2026-12-" + stamp, s.finished(), s.verdict(), s.exitCode(), s.counts(), s.labels(), s.shard(), s.target(), s.cells())
                .write(run.resolve(Summary.FILE));
        Files.writeString(run.resolve("suite.yaml"), SUITE);
        return run;
    }

    private Path failedRun() throws IOException {
        run("gate", "01T01", "passed", Map.of("driver", "2.0.9"), List.of(cell(0, "tool=cp", "passed", "", "", null),
                cell(1, "tool=dd", "passed", "", "", null)));
        return run("gate", "02T01", "failed", Map.of("driver", "2.1.0", "station", "lab-1"),
                List.of(cell(0, "tool=cp", "passed", "", "", null), cell(1, "tool=dd", "failed", "transfer-length", "", null)));
    }

    @Test
    void aFailedRunGetsItsSignOffAndExitsZero() throws IOException {
        Path run = failedRun();
        assertEquals(Exit.PASSED, execute("sign-off", run.resolve(Summary.FILE).toString(), "--baseline", "driver=2.0.9"), out.toString());
        assertTrue(out.toString().startsWith("Release sign-off: gate, driver 2.1.0: failed\n"), out.toString());
        String md = Files.readString(run.resolve("sign-off.md"));
        assertTrue(md.contains("**FAILED**: 1 cell failed unexpectedly"), md);
        assertTrue(md.contains("| cp | passed |\n| dd | **failed**: transfer-length |\n"), md);
        assertTrue(md.contains("\n| sync | sync returned: ") && md.contains(" to flush | 2 | 1 | 1 | 0 | 0 |\n"),
                "the promises come from the suite the run kept: " + md);
        assertTrue(md.contains("against 2026-12-01T01 (driver=2.0.9): 1 new failure"), md);
        assertTrue(Files.readString(run.resolve("sign-off.html")).contains("<title>Release sign-off: gate, driver 2.1.0</title>"));
        byte[] pdf = Files.readAllBytes(run.resolve("sign-off.pdf"));
        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.ISO_8859_1));
    }

    @Test
    void aRunOrBaselineThatCannotBeFoundOrIsOfAnotherSuiteIsBadInput() throws IOException {
        Path run = failedRun();
        Path other = run("other", "03T01", "passed", Map.of(), List.of(cell(0, "tool=cp", "passed", "", "", null)));
        assertEquals(Exit.BAD_INPUT, execute("sign-off", dir.resolve("nowhere").toString()), out.toString());
        assertTrue(out.toString().contains("no summary.json there"), out.toString());
        assertEquals(Exit.BAD_INPUT, execute("sign-off", run.toString(), "--baseline", "driver=9.9"), out.toString());
        assertTrue(out.toString().contains("no other run of gate under"), out.toString());
        assertEquals(Exit.BAD_INPUT, execute("sign-off", run.toString(), "--baseline", other.toString()), out.toString());
        assertTrue(out.toString().contains("a baseline is a run of the same suite"), out.toString());
        assertTrue(Files.notExists(run.resolve("sign-off.html")), "nothing is written for bad input");
    }

    @Test
    void aPdfThatCannotBeWrittenExitsThreeAndLeavesThePage() throws IOException {
        Path run = failedRun();
        Path elsewhere = Files.createDirectories(dir.resolve("out").resolve("sign-off.pdf")).getParent();
        assertEquals(Exit.BROKEN, execute("sign-off", run.toString(), "--out", elsewhere.toString(), "--paper", "letter"), out.toString());
        assertTrue(out.toString().contains("the PDF cannot be rendered"), out.toString());
        assertTrue(Files.isRegularFile(elsewhere.resolve("sign-off.html")) && Files.isRegularFile(elsewhere.resolve("sign-off.md")));
        assertTrue(Files.notExists(run.resolve("sign-off.html")), "--out takes the place of the run's directory");
    }
}
