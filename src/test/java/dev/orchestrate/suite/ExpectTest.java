package dev.orchestrate.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.diagnosis.Defect;
import dev.orchestrate.engine.Catalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The suite's expect section: which cell gets which expectation, and every way an entry can be wrong, at its place. */
class ExpectTest {

    /** Fifteen lines; an {@code expect} appended starts on line 16, its first entry on line 17. */
    private static final String SUITE = """
            name: faults
            target:
              kind: emulated
            matrix:
              fault: [none, ignore-flush, no-teardown-flush]
              tool: [cp, dd]
            steps:
              - fault:
                  kind: ${fault}
              - generate:
                  size: 1MiB
              - copy:
                  tool: ${tool}
              - sync
              - verify
            """;

    private static Suite parse(String expect) throws InvalidSuite {
        return SuiteLoaderTest.parse(SUITE + expect);
    }

    private static List<String> problems(String expect) {
        return SuiteLoaderTest.problems(SUITE + expect);
    }

    /** What each cell is expected to do, "-" for no expectation, in matrix order. */
    private static List<String> expected(Suite suite) {
        return suite.cells().stream().map(c -> c.name() + ": " + suite.expectation(c).map(Expectation::describe).orElse("-")).toList();
    }

    @Test
    void theFirstMatchingEntryWins() throws InvalidSuite {
        Suite suite = parse("""
                expect:
                  - when: {fault: none}
                    outcome: passed
                  - when: {fault: ignore-flush, tool: cp}
                    outcome: failed
                    defect: flush-dropped
                    ticket: DRV-1234
                  - when: {fault: ignore-flush}
                    outcome: failed
                """);
        assertEquals(List.of(
                "fault=none tool=cp: passed",
                "fault=none tool=dd: passed",
                "fault=ignore-flush tool=cp: failed with flush-dropped (DRV-1234)",
                "fault=ignore-flush tool=dd: failed",
                "fault=no-teardown-flush tool=cp: -",
                "fault=no-teardown-flush tool=dd: -"), expected(suite));
        Expectation known = suite.expectation(suite.cells().get(2)).orElseThrow();
        assertEquals(new Expectation(false, Optional.of(Defect.FLUSH_DROPPED), Optional.of("DRV-1234"),
                new Location("suites/x.yaml", 19, 5)), known);
        assertEquals(new Location("suites/x.yaml", 23, 5), suite.expectation(suite.cells().get(3)).orElseThrow().at(),
                "the expectation names the entry it came from");
    }

    @Test
    void aListOfValuesMatchesAnyOfThem() throws InvalidSuite {
        Suite suite = parse("""
                expect:
                  - when: {fault: [ignore-flush, no-teardown-flush], tool: [dd]}
                    outcome: failed
                    defect: flush-dropped
                """);
        assertEquals(List.of(
                "fault=none tool=cp: -",
                "fault=none tool=dd: -",
                "fault=ignore-flush tool=cp: -",
                "fault=ignore-flush tool=dd: failed with flush-dropped",
                "fault=no-teardown-flush tool=cp: -",
                "fault=no-teardown-flush tool=dd: failed with flush-dropped"), expected(suite));
    }

    @Test
    void anEntryWithoutWhenTakesEveryCellLeft() throws InvalidSuite {
        Suite suite = parse("""
                expect:
                  - when: {fault: none}
                    outcome: passed
                  - outcome: failed
                """);
        assertEquals(List.of(
                "fault=none tool=cp: passed",
                "fault=none tool=dd: passed",
                "fault=ignore-flush tool=cp: failed",
                "fault=ignore-flush tool=dd: failed",
                "fault=no-teardown-flush tool=cp: failed",
                "fault=no-teardown-flush tool=dd: failed"), expected(suite));
    }

    @Test
    void aSuiteWithoutMatrixCanExpectItsOneCell() throws InvalidSuite {
        Suite suite = SuiteLoaderTest.parse(SuiteLoaderTest.ONE_CELL + """
                expect:
                  - outcome: passed
                """);
        assertEquals(List.of("single: passed"), expected(suite));
    }

    @Test
    void aSuiteWithoutExpectIsAsBefore() throws InvalidSuite {
        Suite without = SuiteLoaderTest.parse(SUITE);
        Suite with = parse("""
                expect:
                  - outcome: passed
                """);
        assertEquals(List.of(), without.expect());
        assertTrue(without.cells().stream().allMatch(c -> without.expectation(c).isEmpty()), expected(without).toString());
        assertEquals(with.cells(), without.cells());
        for (Cell cell : without.cells()) {
            assertEquals(with.stepsFor(cell), without.stepsFor(cell), cell.name());
        }
        assertEquals(List.of(), parse("expect: []\n").expect(), "an empty list expects nothing");
    }

    @Test
    void expectIsAList() {
        assertEquals(List.of("suites/x.yaml:17:3: 'expect' is a list of entries such as '- {when: {fault: none}, outcome: passed}'; "
                + "found a mapping"), problems("expect:\n  when: {fault: none}\n"));
        assertEquals(List.of("suites/x.yaml:16:8: 'expect' is a list of entries such as '- {when: {fault: none}, outcome: passed}'; "
                + "found nothing"), problems("expect:\n"));
    }

    @Test
    void anEntryIsAMapping() {
        assertEquals(List.of("suites/x.yaml:17:5: an expect entry is a mapping with 'outcome' and, if it applies to some cells only, "
                + "'when', e.g. '- {when: {fault: none}, outcome: passed}'; found a value"), problems("expect:\n  - passed\n"));
    }

    @Test
    void anUnknownKeyIsNamedWithTheNearest() {
        assertEquals(List.of("suites/x.yaml:18:5: unknown key 'tiket' in expect entry; did you mean 'ticket'?"), problems("""
                expect:
                  - outcome: failed
                    tiket: DRV-1234
                """));
        assertEquals(List.of("suites/x.yaml:18:5: unknown key 'because' in expect entry; known keys: when, outcome, defect, ticket"),
                problems("""
                        expect:
                          - outcome: failed
                            because: DRV-1234
                        """));
    }

    @Test
    void whenNamesAxesOfTheMatrix() {
        assertEquals(List.of("suites/x.yaml:17:5: this entry matches no cell of the matrix, so it checks nothing; "
                        + "its 'when' must name values the matrix has",
                "suites/x.yaml:17:12: 'when' names axis 'faults', which the matrix does not have; did you mean 'fault'?; "
                        + "its axes: fault, tool"), problems("""
                expect:
                  - when: {faults: none}
                    outcome: passed
                """));
        List<String> found = SuiteLoaderTest.problems(SuiteLoaderTest.ONE_CELL + """
                expect:
                  - when: {tool: cp}
                    outcome: passed
                """);
        assertTrue(found.contains("suites/x.yaml:8:12: 'when' names axis 'tool', which the matrix does not have; the suite has no matrix"),
                found.toString());
    }

    @Test
    void whenNamesValuesOfTheAxis() {
        assertEquals(List.of("suites/x.yaml:17:5: this entry matches no cell of the matrix, so it checks nothing; "
                        + "its 'when' must name values the matrix has",
                "suites/x.yaml:17:19: axis 'fault' has no value 'ignore-flsh'; did you mean 'ignore-flush'?; "
                        + "its values: none, ignore-flush, no-teardown-flush"), problems("""
                expect:
                  - when: {fault: ignore-flsh}
                    outcome: failed
                """));
        assertEquals(List.of("suites/x.yaml:17:40: axis 'tool' has no value 'rsync'; its values: cp, dd"), problems("""
                expect:
                  - when: {fault: none, tool: [cp, dd, rsync]}
                    outcome: passed
                """), "an entry that still matches some cells is only wrong in its value");
    }

    @Test
    void whenIsAMappingOfAxesToValues() {
        assertEquals(List.of("suites/x.yaml:17:11: 'when' is a mapping of axis names to a value or a list of values, "
                + "e.g. {fault: [none, ignore-flush]}; found a value; leave 'when' out for an entry that applies to every cell"),
                problems("expect:\n  - when: none\n    outcome: passed\n"));
        assertEquals(List.of("suites/x.yaml:17:11: 'when' is a mapping of axis names to a value or a list of values, "
                + "e.g. {fault: [none, ignore-flush]}; found an empty mapping; leave 'when' out for an entry that applies to every cell"),
                problems("expect:\n  - when: {}\n    outcome: passed\n"));
        List<String> found = problems("expect:\n  - when: {fault: []}\n    outcome: passed\n");
        assertTrue(found.contains("suites/x.yaml:17:19: axis 'fault' in 'when' needs at least one value, e.g. [none, ignore-flush]"),
                found.toString());
        found = problems("expect:\n  - when: {fault: [{none: 1}]}\n    outcome: passed\n");
        assertTrue(found.contains("suites/x.yaml:17:20: axis 'fault' in 'when' takes a value or a list of values; found a mapping"),
                found.toString());
    }

    @Test
    void outcomeIsRequiredAndPassedOrFailed() {
        assertEquals(List.of("suites/x.yaml:17:5: expect entry needs 'outcome': the verdict the cells must have"), problems("""
                expect:
                  - when: {fault: none}
                """));
        assertEquals(List.of("suites/x.yaml:17:14: 'pased' is not allowed for 'outcome'; expected one of passed, failed; "
                + "did you mean 'passed'?"), problems("""
                expect:
                  - outcome: pased
                """));
        assertEquals(List.of("suites/x.yaml:17:14: 'outcome' takes a single value; found a list"), problems("""
                expect:
                  - outcome: [passed]
                """));
    }

    @Test
    void aTicketIsNotEmpty() {
        assertEquals(List.of("suites/x.yaml:18:13: 'ticket' is empty; only with 'outcome: failed': the known driver bug the failure "
                + "is tracked as, e.g. DRV-1234"), problems("""
                expect:
                  - outcome: failed
                    ticket: ""
                """));
    }

    @Test
    void anUnknownDefectListsTheKnownOnes() {
        assertEquals(List.of("suites/x.yaml:18:13: 'flush-drop' is not allowed for 'defect'; expected one of " + Defect.labels()
                + "; did you mean 'flush-dropped'?"), problems("""
                expect:
                  - outcome: failed
                    defect: flush-drop
                """));
        assertTrue(Defect.labels().contains("flush-dropped, "), "the list holds the labels");
    }

    @Test
    void aPassingCellHasNoDefectOrTicket() {
        assertEquals(List.of("suites/x.yaml:19:5: 'defect' goes with 'outcome: failed': a cell expected to pass has no defect to name",
                "suites/x.yaml:20:5: 'ticket' goes with 'outcome: failed': a cell expected to pass has no failure to track"), problems("""
                expect:
                  - when: {fault: none}
                    outcome: passed
                    defect: flush-dropped
                    ticket: DRV-1234
                """));
    }

    @Test
    void anEntryThatDuplicatesAnEarlierOneIsNeverReached() {
        assertEquals(List.of("suites/x.yaml:21:5: this entry is never reached: every cell it matches takes the expectation of an "
                + "earlier entry (line 19), since the first entry that matches a cell wins; remove it or move it up"), problems("""
                expect:
                  - when: {fault: none}
                    outcome: passed
                  - when: {fault: ignore-flush}
                    outcome: failed
                  - when: {fault: ignore-flush}
                    outcome: failed
                    ticket: DRV-1234
                """));
    }

    @Test
    void anEntryAfterACatchAllIsNeverReached() {
        assertEquals(List.of("suites/x.yaml:18:5: this entry is never reached: every cell it matches takes the expectation of an "
                + "earlier entry (line 17), since the first entry that matches a cell wins; remove it or move it up"), problems("""
                expect:
                  - outcome: failed
                  - when: {fault: none}
                    outcome: passed
                """));
    }

    @Test
    void anEntryCoveredByEarlierOnesTogetherIsNeverReached() {
        assertEquals(List.of("suites/x.yaml:21:5: this entry is never reached: every cell it matches takes the expectation of an "
                + "earlier entry (lines 17, 19), since the first entry that matches a cell wins; remove it or move it up"), problems("""
                expect:
                  - when: {tool: cp}
                    outcome: failed
                  - when: {fault: [none, ignore-flush], tool: dd}
                    outcome: passed
                  - when: {fault: ignore-flush}
                    outcome: failed
                """));
    }

    @Test
    void problemsInAFileNameItsLines() {
        Path file = Path.of("src/test/resources/invalid/expect.yaml");
        List<String> found = assertThrows(InvalidSuite.class, () -> Catalog.loader().load(file)).problems().stream()
                .map(Problem::toString).toList();
        assertEquals(List.of(file + ":20:5: this entry is never reached: every cell it matches takes the expectation of an "
                        + "earlier entry (line 17), since the first entry that matches a cell wins; remove it or move it up",
                file + ":22:13: 'flush-droped' is not allowed for 'defect'; expected one of " + Defect.labels()
                        + "; did you mean 'flush-dropped'?"), found);
    }

    @Test
    void theReferenceExampleIsAValidSection() throws InvalidSuite {
        Suite suite = SuiteLoaderTest.parse(SUITE.replace("[none, ignore-flush, no-teardown-flush]", "[none, ignore-flush]")
                + Expect.EXAMPLE);
        assertEquals(List.of(
                "fault=none tool=cp: passed",
                "fault=none tool=dd: passed",
                "fault=ignore-flush tool=cp: failed with flush-dropped (DRV-1234)",
                "fault=ignore-flush tool=dd: failed with flush-dropped (DRV-1234)"), expected(suite));
        assertTrue(Reference.markdown(Catalog.VOCABULARY).contains("### expect\n"));
        assertTrue(Reference.markdown(Catalog.VOCABULARY).contains(Expect.EXAMPLE));
    }
}
