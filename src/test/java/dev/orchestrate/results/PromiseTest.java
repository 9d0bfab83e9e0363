package dev.orchestrate.results;

import static dev.orchestrate.results.RunFixture.cell;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orchestrate.engine.Catalog;
import dev.orchestrate.suite.InvalidSuite;
import dev.orchestrate.suite.Suite;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromiseTest {

    private static Suite suite(String steps) throws InvalidSuite {
        return Catalog.reader().parse(Path.of("promises.yaml"), """
                name: promises
                target: {kind: emulated}
                matrix:
                  tool: [cp, dd, rsync, tar, cat, gio]
                steps:
                  - generate: {size: 1MiB}
                  - copy: {tool: "${tool}"}
                """ + steps);
    }

    /** Steps 0 generate, 1 copy, 2 sync, 3 verify, 4 eject, 5 mount, 6 verify. */
    @Test
    void aCellCountsAgainstThePromisesItsFailingVerifyCheckedAndForThoseAnEarlierOneHeld() throws InvalidSuite {
        Suite suite = suite("  - sync\n  - verify\n  - eject\n  - mount\n  - verify\n");
        List<Summary.Cell> cells = List.of(
                cell(0, "tool=cp", "passed", "", "", null),
                cell(1, "tool=dd", "failed", "transfer-length", "", null),
                cell(2, "tool=rsync", "failed", "lost-write", "", null),
                cell(3, "tool=tar", "failed", "flush-dropped", "failed with flush-dropped (DRV-3)", true),
                cell(4, "tool=cat", "skipped", "", "", null),
                cell(5, "tool=gio", "failed", "lost-write", "", null));
        // dd failed at the first verify, rsync and tar at the second; gio has no journal entries: taken to fail at the last verify
        List<Promise> promises = Promise.of(suite, cells, Map.of(0, 7, 1, 3, 2, 6, 3, 6));
        assertEquals(List.of("sync", "eject"), promises.stream().map(Promise::step).toList());
        Promise sync = promises.get(0);
        assertEquals(List.of(6, 4, 1, 0, 1), List.of(sync.cells(), sync.held(), sync.lost(), sync.known(), sync.notJudged()));
        Promise eject = promises.get(1);
        assertEquals(List.of(6, 1, 2, 1, 2), List.of(eject.cells(), eject.held(), eject.lost(), eject.known(), eject.notJudged()),
                "dd never reached the eject; cat was skipped");
    }

    @Test
    void onlyAStepThatAVerifyFollowsIsChecked() throws InvalidSuite {
        Suite suite = suite("  - sync\n  - power-cut\n  - verify\n  - eject\n");
        List<Promise> promises = Promise.of(suite, List.of(cell(0, "tool=cp", "passed", "", "", null)), Map.of());
        assertEquals(List.of("sync", "power-cut"), promises.stream().map(Promise::step).toList());
        assertEquals(1, promises.get(1).held());
    }

    @Test
    void aCellTheSuiteDoesNotHaveIsLeftOut() throws InvalidSuite {
        Suite suite = suite("  - sync\n  - verify\n");
        List<Promise> promises = Promise.of(suite, List.of(cell(0, "tool=ditto", "passed", "", "", null)), Map.of());
        assertEquals(List.of(), promises, "the kept suite is not the one the run ran; the page's hashes say so");
    }
}
