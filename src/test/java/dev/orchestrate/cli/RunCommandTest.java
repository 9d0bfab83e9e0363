package dev.orchestrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.engine.Manifest;
import dev.orchestrate.results.RunFixture;
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

/** {@code run --rerun-failed}: on a scratch directory (directory-pass: tool cp, dd x size 4KiB, 1MiB), unprivileged. */
class RunCommandTest {

    private static final String PASSING = "src/test/resources/suites/directory-pass.yaml";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Path reports() {
        return dir.resolve("reports");
    }

    /** An earlier run of {@code suite} whose cells ended so, as its summary.json. */
    private Path earlier(String suite, Summary.Cell... cells) throws IOException {
        Path run = Files.createDirectories(dir.resolve("earlier"));
        RunFixture.run(suite, run.toString(), "failed", Map.of(), List.of(cells)).write(run.resolve(Summary.FILE));
        return run;
    }

    private Path failedRun() throws IOException {
        return earlier("directory-pass",
                RunFixture.cell(0, "tool=cp size=4KiB", "failed", "unexplained", "", null),
                RunFixture.cell(1, "tool=cp size=1MiB", "failed", "", "failed with unexplained", false),
                RunFixture.cell(2, "tool=dd size=4KiB", "failed", "unexplained", "failed with unexplained (DRV-1)", true),
                RunFixture.cell(3, "tool=dd size=1MiB", "broken", "", "", null),
                RunFixture.cell(4, "tool=rsync size=4KiB", "failed", "unexplained", "", null));
    }

    private List<String> ranCells() throws IOException {
        return Manifest.read(reports().resolve("directory-pass/latest").resolve(Manifest.FILE)).cells().stream()
                .map(Manifest.CellRecord::name).toList();
    }

    @Test
    void onlyTheCellsThatFailedUnexpectedlyOrBrokeRunAgainAndAGoneOneIsSaid() throws IOException {
        assertEquals(Exit.PASSED, run("run", PASSING, "--reports", reports().toString(), "--no-html", "--rerun-failed",
                failedRun().toString()), err.toString());
        assertTrue(out.toString().contains(": 3 of 4 cells, of the 4 that failed or broke in run "), out.toString());
        assertEquals(List.of("tool=cp size=4KiB", "tool=cp size=1MiB", "tool=dd size=1MiB"), ranCells(),
                "the known failure (dd 4KiB) is no failure; the unexpected pass (cp 1MiB) is");
        assertTrue(err.toString().contains("cell tool=rsync size=4KiB failed in that run, but " + PASSING
                + " has no such cell any more (its matrix changed); it is not run"), err.toString());
        assertTrue(Files.readString(reports().resolve("directory-pass/latest/journal.jsonl")).contains("\"cells\":[{\"tool\":\"cp\""),
                "a resume picks the same cells");
    }

    @Test
    void withOnlyAndShardItIsTheCellsInAllThree() throws IOException {
        Path failed = failedRun();
        assertEquals(Exit.PASSED, run("run", PASSING, "--reports", reports().toString(), "--no-html", "--rerun-failed",
                failed.toString(), "--only", "tool=cp", "--shard", "2/2"), err.toString());
        assertEquals(List.of("tool=cp size=1MiB"), ranCells());
        out.getBuffer().setLength(0);
        assertEquals(Exit.PASSED, run("run", PASSING, "--reports", reports().toString(), "--no-html", "--rerun-failed",
                failed.toString(), "--only", "size=4KiB", "--shard", "2/2"), err.toString());
        assertTrue(out.toString().contains("none of the cells that failed there is in --only size=4KiB --shard 2/2; nothing was run"),
                out.toString());
        assertEquals(List.of("tool=cp size=1MiB"), ranCells(), "no new run");
    }

    @Test
    void aRunOfAnotherSuiteIsBadInputAndNothingIsWritten() throws IOException {
        Path other = earlier("smoke", RunFixture.cell(0, "tool=cp size=4KiB", "failed", "unexplained", "", null));
        assertEquals(Exit.BAD_INPUT, run("run", PASSING, "--reports", reports().toString(), "--rerun-failed", other.toString()));
        assertTrue(err.toString().contains("--rerun-failed " + other + ": a run of suite 'smoke', not of 'directory-pass' (" + PASSING
                + "); give a run of the suite being run, e.g. reports/directory-pass/latest"), err.toString());
        assertTrue(err.toString().contains("nothing was run and nothing was written to any device"), err.toString());
        assertFalse(Files.exists(reports()));
    }

    @Test
    void aMissingRunIsBadInput() {
        assertEquals(Exit.BAD_INPUT,
                run("run", PASSING, "--reports", reports().toString(), "--rerun-failed", dir.resolve("nope").toString()));
        assertTrue(err.toString().contains("nope: no summary.json there; give a run directory"), err.toString());
        assertFalse(Files.exists(reports()));
    }

    @Test
    void whenNothingFailedItSaysSoAndRunsNothing() throws IOException {
        Path passed = earlier("directory-pass", RunFixture.cell(0, "tool=cp size=4KiB", "passed", "", "", null),
                RunFixture.cell(2, "tool=dd size=4KiB", "failed", "unexplained", "failed with unexplained (DRV-1)", true));
        assertEquals(Exit.PASSED, run("run", PASSING, "--reports", reports().toString(), "--rerun-failed", passed.toString()));
        assertTrue(out.toString().contains("failed unexpectedly or broke; nothing to run again"), out.toString());
        assertFalse(Files.exists(reports()));
    }

    /** The whole loop: a run where damaged cells fail, then only those again, from its directory as 'latest' names it. */
    @Test
    void theFailedCellsOfARealRunRunAgain() throws IOException {
        String corrupt = "src/test/resources/suites/image-corrupt.yaml";
        assertEquals(Exit.FAILED, run("run", corrupt, "--reports", reports().toString(), "--no-html"));
        assertEquals(Exit.FAILED, run("run", corrupt, "--reports", reports().toString(), "--no-html", "--rerun-failed",
                reports().resolve("image-corrupt/latest").toString()));
        assertEquals(List.of("damage=zeros", "damage=random", "damage=flip"), Manifest.read(reports().resolve("image-corrupt/latest")
                .resolve(Manifest.FILE)).cells().stream().map(Manifest.CellRecord::name).toList());
    }
}
