package dev.orchestrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {

    @TempDir
    Path reports;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void benchSuiteBreaksEachCellDownAndHoldsTheTotalToItsLimit() {
        assertEquals(Exit.FAILED, run("bench", "suite", "src/test/resources/suites/directory-pass.yaml", "--only", "size=4KiB",
                "--reports", reports.toString(), "--max-seconds", "0.01"), err.toString());
        List<String> lines = out.toString().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("seconds") && l.contains("generate") && l.contains("copy")
                && l.contains("verify") && l.contains("tear down")), out.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("tool=cp size=4KiB") && l.endsWith("passed")), out.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("all 2 cells")), out.toString());
        assertTrue(out.toString().contains("report generation (html/ and report.html side by side)"), out.toString());
        assertTrue(out.toString().contains("target <= 0.0 s: NOT met"), out.toString());
        assertTrue(Files.isRegularFile(reports.resolve("directory-pass/latest/report.html")), "the report was rendered");
    }

    @Test
    void benchSuiteOfAMissingFileIsBadInput() {
        assertEquals(Exit.BAD_INPUT, run("bench", "suite", "no/such.yaml", "--reports", reports.toString()));
        assertTrue(err.toString().contains("no such suite file"), err.toString());
    }
}
