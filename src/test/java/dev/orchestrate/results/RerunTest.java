package dev.orchestrate.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.engine.Catalog;
import dev.orchestrate.suite.Suite;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RerunTest {

    @TempDir
    Path dir;

    private static Suite smoke() throws Exception {
        return Catalog.loader().load(Path.of("suites/smoke.yaml"));
    }

    private Path run(String suite, String verdict, List<Summary.Cell> cells) throws IOException {
        RunFixture.run(suite, dir.toString(), verdict, Map.of(), cells).write(dir.resolve(Summary.FILE));
        return dir;
    }

    @Test
    void unexpectedFailuresBrokenCellsAndUnexpectedPassesAreRerunKnownFailuresAndSkipsAreNot() throws Exception {
        Rerun rerun = Rerun.of(run("smoke", "failed", List.of(
                RunFixture.cell(0, "tool=cp size=4KiB", "failed", "unexplained", "", null),
                RunFixture.cell(1, "tool=cp size=1MiB", "failed", "", "failed with transfer-length", false),
                RunFixture.cell(2, "tool=cp size=64MiB", "failed", "transfer-length", "failed with transfer-length (DRV-12)", true),
                RunFixture.cell(3, "tool=dd size=4KiB", "broken", "", "", null),
                RunFixture.cell(4, "tool=dd size=1MiB", "skipped", "", "", null),
                RunFixture.cell(5, "tool=dd size=64MiB", "passed", "", "", null))), smoke());
        assertEquals(List.of("tool=cp size=4KiB", "tool=cp size=1MiB", "tool=dd size=4KiB"),
                rerun.cells().stream().map(Summary.Cell::name).toList());
        assertEquals(List.of(Map.of("tool", "cp", "size", "4KiB"), Map.of("tool", "cp", "size", "1MiB"),
                        Map.of("tool", "dd", "size", "4KiB")),
                List.copyOf(rerun.identities()));
        assertEquals(List.of(), rerun.gone(smoke()));
    }

    @Test
    void aFailedCellTheSuiteNoLongerHasIsGoneAndACellFailedOnTwoStationsIsOnce() throws Exception {
        Rerun rerun = Rerun.of(run("smoke", "failed", List.of(
                RunFixture.cell(0, "tool=rsync size=4KiB", "failed", "unexplained", "", null),
                RunFixture.cell(1, "tool=dd size=1MiB", "broken", "", "", null),
                RunFixture.cell(1, "tool=dd size=1MiB", "failed", "unexplained", "", null))), smoke());
        assertEquals(2, rerun.cells().size(), rerun.cells().toString());
        assertEquals(List.of("tool=rsync size=4KiB"), rerun.gone(smoke()).stream().map(Summary.Cell::name).toList());
    }

    @Test
    void aRunOfAnotherSuiteOrWithoutResultsPerCellIsRefusedSayingWhatToGive() throws Exception {
        String other = assertThrows(Runs.NotFound.class, () -> Rerun.of(run("names", "passed", List.of()), smoke())).getMessage();
        assertTrue(other.contains("a run of suite 'names', not of 'smoke' (suites/smoke.yaml); give a run of the suite being run,"
                + " e.g. reports/smoke/latest"), other);
        String broke = assertThrows(Runs.NotFound.class, () -> Rerun.of(run("smoke", "broken", List.of()), smoke())).getMessage();
        assertTrue(broke.contains("the run ended broken without a result per cell"), broke);
        assertTrue(assertThrows(Runs.NotFound.class, () -> Rerun.of(dir.resolve("nope"), smoke()))
                .getMessage().contains("no summary.json"));
    }

    @Test
    void aRunWhereNothingFailedHasNothingToRerun() throws Exception {
        assertEquals(List.of(), Rerun.of(run("smoke", "passed", List.of(RunFixture.cell(0, "tool=cp size=4KiB", "passed", "", "", null))),
                smoke()).cells());
    }
}
