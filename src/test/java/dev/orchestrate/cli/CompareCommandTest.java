package dev.orchestrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.Privileged;
import dev.orchestrate.results.Summary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {

    private static final String STEPS = """
            target: {kind: emulated, size: 512MiB}
            matrix:
              oflag: [none, direct]
            steps:
            %s  - generate: {size: 16MiB}
              - copy:
                  tool: dd
                  block-size: 256KiB
                  oflag: ${oflag}
              - sync
              - verify
            """;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    private int execute(String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(out, true), args);
    }

    private Path suite(String name, String fault) throws IOException {
        return Files.writeString(dir.resolve(name + ".yaml"), "name: gate\n" + STEPS.formatted(fault));
    }

    /** The nightly gate: the run whose controller breaks long writes against last night's, which had no fault. */
    @Test
    @Privileged
    void aNewTransferLimitFaultIsExactlyTheNewFailuresAndExitsOne() throws IOException {
        Path reports = dir.resolve("reports");
        assertEquals(Exit.PASSED, execute("run", suite("base", "").toString(), "--reports", reports.toString(), "--no-html",
                "--label", "driver=2.0.9"), out.toString());
        assertEquals(Exit.FAILED, execute("run", suite("fault", "  - fault: {kind: transfer-limit, longer-than: 512KiB, from: 272KiB}\n")
                .toString(), "--reports", reports.toString(), "--no-html", "--label", "driver=2.1.0"), out.toString());
        out.getBuffer().setLength(0);
        Path latest = reports.resolve("gate/latest");
        assertEquals(Exit.FAILED, execute("compare", latest.toString(), "driver=2.0.9"), out.toString());
        String text = out.toString();
        assertTrue(text.contains("New failures: 1\n  oflag=none: passed → failed: transfer-length\n"), text);
        assertTrue(text.contains("Fixed: none") && text.contains("Still failing: none"), text);
        assertTrue(Files.readString(latest.resolve("comparison.md")).contains("| oflag=none | passed | failed: transfer-length |"));
        assertTrue(Files.exists(latest.resolve("comparison.html")));

        out.getBuffer().setLength(0);
        assertEquals(Exit.PASSED, execute("compare", latest.toString(), latest.toString()), out.toString());
        assertTrue(out.toString().contains("NO NEW FAILURES"), out.toString());
    }

    private Path summary(String stamp, String suite, Map<String, String> labels) throws IOException {
        Path run = Files.createDirectories(dir.resolve("reports").resolve(suite).resolve(stamp));
        new Summary(1, suite, "", "", "00000000000000" + stamp.substring(0, 2), run.toString(), "2026-12-" + stamp, "",
                "passed", 0, new Summary.Counts(0, 0, 0, 0, 0, 0), labels, "", new Summary.Target("emulated", "", Map.of()), List.of())
                .write(run.resolve(Summary.FILE));
        return run;
    }

    @Test
    void latestAndLabelsPickTheNewestOtherRunOfTheSuite() throws IOException {
        summary("01T01", "gate", Map.of("driver", "2.0.9"));
        summary("02T01", "gate", Map.of("driver", "2.1.0"));
        Path now = summary("03T01", "gate", Map.of("driver", "2.1.1"));
        summary("04T01", "other", Map.of("driver", "2.0.9"));
        assertEquals(Exit.PASSED, execute("compare", now.toString(), "latest"), out.toString());
        assertTrue(out.toString().contains("against 2026-12-02T01 (driver=2.1.0)"), out.toString());
        assertEquals(Exit.PASSED, execute("compare", now.toString(), "driver=2.0.9"), out.toString());
        assertTrue(out.toString().contains("against 2026-12-01T01 (driver=2.0.9)"), out.toString());
    }

    @Test
    void aRunThatCannotBeFoundOrIsOfAnotherSuiteIsBadInput() throws IOException {
        Path now = summary("03T01", "gate", Map.of());
        Path other = summary("04T01", "other", Map.of());
        assertEquals(Exit.BAD_INPUT, execute("compare", now.toString(), "driver=9.9"), out.toString());
        assertTrue(out.toString().contains("no other run of gate under"), out.toString());
        assertEquals(Exit.BAD_INPUT, execute("compare", now.toString(), other.toString()), out.toString());
        assertTrue(out.toString().contains("compare two runs of one suite"), out.toString());
        assertEquals(Exit.BAD_INPUT, execute("compare", dir.resolve("nowhere").toString(), "latest"), out.toString());
        assertTrue(out.toString().contains("no summary.json there"), out.toString());
    }
}
