package dev.orchestrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.results.RunFixture;
import dev.orchestrate.results.Summary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    private int list(String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(out, true), args);
    }

    @Test
    void rerunFailedListsTheCellsARerunWouldRun() throws IOException {
        RunFixture.run("smoke", dir.toString(), "failed", Map.of(), List.of(
                RunFixture.cell(0, "tool=cp size=4KiB", "failed", "unexplained", "", null),
                RunFixture.cell(4, "tool=dd size=1MiB", "broken", "", "", null),
                RunFixture.cell(5, "tool=dd size=64MiB", "passed", "", "", null))).write(dir.resolve(Summary.FILE));
        assertEquals(Exit.PASSED, list("list", "suites/smoke.yaml", "--rerun-failed", dir.toString(), "--only", "tool=dd"), out.toString());
        String listed = out.toString();
        assertTrue(listed.startsWith("smoke (suites/smoke.yaml): 1 of 6 cells, of the 2 that failed or broke in run "), listed);
        assertTrue(listed.contains("tool=dd size=1MiB") && !listed.contains("tool=cp size=4KiB") && !listed.contains("size=64MiB"), listed);
        out.getBuffer().setLength(0);
        assertEquals(Exit.BAD_INPUT, list("list", "suites/smoke.yaml", "--rerun-failed", dir.resolve("nope").toString()));
        assertFalse(out.toString().contains("cells"), out.toString());
    }
}
