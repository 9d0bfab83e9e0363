package dev.orchestrate.dut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orchestrate.engine.Catalog;
import dev.orchestrate.report.Evidence;
import dev.orchestrate.suite.Cell;
import dev.orchestrate.suite.InvalidSuite;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Suite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One target per distinct mapping the cells resolve to, each prepared once, all closed whatever fails. */
class TargetSetTest {

    private static final String SUITE = """
            name: limits
            target:
              kind: emulated
              max-transfer: ${limit}
            matrix:
              limit: [1MiB, 512KiB]
              tool: [cp, dd]
            steps:
              - generate: {size: 4MiB}
              - copy:
                  tool: ${tool}
              - sync
              - verify
            """;

    private final List<String> events = new ArrayList<>();

    /** A target that only says what is done to it; it fails where {@code fails} names the step. */
    private final class Recorded implements Target {

        private final String limit;
        private final String fails;

        Recorded(Options mapping, String fails) {
            this.limit = mapping.text("max-transfer");
            this.fails = fails;
            events.add("open " + limit);
        }

        @Override
        public String describe() {
            return "limit " + limit;
        }

        @Override
        public boolean raw() {
            return false;
        }

        @Override
        public void prepare() {
            events.add("prepare " + limit);
            if (fails.equals("prepare")) {
                throw new IllegalStateException("prepare " + limit + " failed");
            }
        }

        @Override
        public Device open(Cell cell, Path dir, Evidence evidence) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
            events.add("close " + limit);
            if (fails.equals("close")) {
                throw new IllegalStateException("close " + limit + " failed");
            }
        }
    }

    private static Suite suite() throws InvalidSuite {
        return Catalog.loader().parse(Path.of("suites/x.yaml"), SUITE);
    }

    @Test
    void eachDistinctMappingIsOneTargetPreparedOnceAndClosedWithTheOthers() throws InvalidSuite {
        Suite suite = suite();
        try (TargetSet targets = TargetSet.open(suite, suite.cells(), mapping -> new Recorded(mapping, ""))) {
            targets.prepare(Target::prepare);
            assertEquals("limit 1MiB", targets.of(suite.cells().get(1)).describe());
            assertEquals("limit 512KiB", targets.of(suite.cells().get(2)).describe());
            assertSame(targets.of(suite.cells().get(2)), targets.of(suite.cells().get(3)));
            assertEquals("limit 1MiB; limit 512KiB", targets.describe());
        }
        assertEquals(List.of("open 1MiB", "open 512KiB", "prepare 1MiB", "prepare 512KiB", "close 512KiB", "close 1MiB"), events);
    }

    @Test
    void onlyTheSelectedCellsTargetsAreOpened() throws InvalidSuite {
        Suite suite = suite();
        try (TargetSet targets = TargetSet.open(suite, suite.cells().subList(2, 4), mapping -> new Recorded(mapping, ""))) {
            assertThrows(IllegalArgumentException.class, () -> targets.of(suite.cells().getFirst()));
        }
        assertEquals(List.of("open 512KiB", "close 512KiB"), events);
    }

    @Test
    void aFailedOpenClosesWhatWasOpened() throws InvalidSuite {
        Suite suite = suite();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TargetSet.open(suite, suite.cells(), mapping -> {
            if (mapping.text("max-transfer").equals("512KiB")) {
                throw new IllegalStateException("cannot open");
            }
            return new Recorded(mapping, "");
        }));
        assertEquals("cannot open", e.getMessage());
        assertEquals(List.of("open 1MiB", "close 1MiB"), events);
    }

    @Test
    void aFailedPrepareClosesEveryTargetAndTheirFailuresAreSuppressedInIt() throws InvalidSuite {
        Suite suite = suite();
        TargetSet targets = TargetSet.open(suite, suite.cells(), mapping -> new Recorded(mapping,
                mapping.text("max-transfer").equals("1MiB") ? "prepare" : "close"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> targets.prepare(Target::prepare));
        assertEquals("prepare 1MiB failed", e.getMessage());
        assertEquals("close 512KiB failed", e.getSuppressed()[0].getMessage());
        assertEquals(List.of("open 1MiB", "open 512KiB", "prepare 1MiB", "close 512KiB", "close 1MiB"), events);
    }
}
