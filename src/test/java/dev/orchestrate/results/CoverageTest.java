package dev.orchestrate.results;

import static dev.orchestrate.results.RunFixture.cell;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orchestrate.results.Coverage.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoverageTest {

    private static List<Kind> kinds(List<Coverage.Square> row) {
        return row.stream().map(Coverage.Square::kind).toList();
    }

    @Test
    void everyKindOfSquareWithTheToolsDownTheSideWhereverTheAxisIs() {
        Coverage m = Coverage.of(List.of(
                cell(0, "size=1MiB tool=cp", "passed", "", "", null),
                cell(1, "size=1MiB tool=dd", "failed", "transfer-length", "", null),
                cell(2, "size=1MiB tool=rsync", "broken", "", "", null),
                cell(3, "size=1MiB tool=tar", "awaiting-resume", "", "", null),
                cell(4, "size=64MiB tool=cp", "failed", "transfer-length", "failed with transfer-length (DRV-12)", true),
                cell(5, "size=64MiB tool=dd", "failed", "", "failed with flush-dropped (DRV-7)", false),
                cell(6, "size=64MiB tool=rsync", "skipped", "", "", null)), Map.of());
        assertEquals("tool", m.rowAxis());
        assertEquals(List.of("size"), m.columnAxes());
        assertEquals(List.of("cp", "dd", "rsync", "tar"), m.rows());
        assertEquals(List.of("1MiB", "64MiB"), m.columns());
        assertEquals(List.of(Kind.PASSED, Kind.KNOWN_FAILURE), kinds(m.squares().get(0)));
        assertEquals(List.of(Kind.FAILED, Kind.UNEXPECTED_PASS), kinds(m.squares().get(1)));
        assertEquals(List.of(Kind.BROKEN, Kind.SKIPPED), kinds(m.squares().get(2)));
        assertEquals(List.of(Kind.NOT_FINISHED, Kind.NOT_COVERED), kinds(m.squares().get(3)), "no cell is tool=tar size=64MiB");
        assertEquals("transfer-length (DRV-12)", m.squares().get(0).get(1).detail(), "a known failure shows its ticket");
        assertEquals("transfer-length", m.squares().get(1).get(0).detail(), "a failure shows its defect");
        assertEquals("expected to fail (DRV-7)", m.squares().get(1).get(1).detail());
        assertEquals("size=64MiB tool=cp", m.squares().get(0).get(1).cell());
        assertEquals("", m.squares().get(3).get(1).cell());
        assertEquals(Map.of(Kind.PASSED, 1L, Kind.FAILED, 1L, Kind.KNOWN_FAILURE, 1L, Kind.UNEXPECTED_PASS, 1L, Kind.BROKEN, 1L,
                Kind.SKIPPED, 1L, Kind.NOT_FINISHED, 1L, Kind.NOT_COVERED, 1L), m.tally());
    }

    @Test
    void withoutAToolAxisTheFirstGoesDownAndTheOthersCombineIntoColumns() {
        Map<String, List<String>> declared = new LinkedHashMap<>();
        declared.put("oflag", List.of("none", "direct"));
        declared.put("size", List.of("64MiB", "1GiB"));
        declared.put("temperature", List.of("warm", "cold"));
        Coverage m = Coverage.of(List.of(
                cell(0, "oflag=none size=64MiB temperature=warm", "passed", "", "", null),
                cell(1, "oflag=none size=64MiB temperature=cold", "passed", "", "", null),
                cell(4, "oflag=direct size=64MiB temperature=cold", "failed", "torn-write", "", null)), declared);
        assertEquals("oflag", m.rowAxis(), "the suite's first axis");
        assertEquals(List.of("size", "temperature"), m.columnAxes());
        assertEquals(List.of("64MiB · warm", "64MiB · cold", "1GiB · warm", "1GiB · cold"), m.columns(),
                "values the suite declares but no cell has are columns too");
        assertEquals(List.of(Kind.PASSED, Kind.PASSED, Kind.NOT_COVERED, Kind.NOT_COVERED), kinds(m.squares().get(0)));
        assertEquals(List.of(Kind.NOT_COVERED, Kind.FAILED, Kind.NOT_COVERED, Kind.NOT_COVERED), kinds(m.squares().get(1)));
    }

    @Test
    void aSuiteWithoutAxesIsOneSquare() {
        Summary.Cell single = new Summary.Cell(0, "single", "", Map.of(), "passed", "", "", null, 10, null, "", null, Map.of());
        Coverage m = Coverage.of(List.of(single), Map.of());
        assertEquals("", m.rowAxis());
        assertEquals(List.of("single"), m.rows());
        assertEquals(List.of(""), m.columns());
        assertEquals(List.of(Kind.PASSED), kinds(m.squares().getFirst()));
    }

    @Test
    void theTicketIsTheLastParenthesisOfTheExpectation() {
        assertEquals("DRV-12", Coverage.ticket("failed with transfer-length (DRV-12)").orElseThrow());
        assertEquals(false, Coverage.ticket("failed with transfer-length").isPresent());
        assertEquals(false, Coverage.ticket(null).isPresent());
    }
}
