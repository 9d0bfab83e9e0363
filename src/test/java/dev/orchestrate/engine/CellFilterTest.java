package dev.orchestrate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.suite.InvalidSuite;
import dev.orchestrate.suite.Suite;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CellFilterTest {

    private static Suite suite() throws InvalidSuite {
        return Catalog.loader().load(Path.of("suites/smoke.yaml"));
    }

    @Test
    void sameAxisIsEitherOtherAxesMustAllMatch() throws InvalidSuite {
        CellFilter filter = CellFilter.parse(List.of("tool=cp", "size=4KiB", "size=1MiB"));
        assertEquals(List.of("tool=cp size=4KiB", "tool=cp size=1MiB"),
                suite().cells().stream().filter(filter::matches).map(c -> c.name()).toList());
    }

    @Test
    void roundTripsThroughTheConfigurationParameter() {
        CellFilter filter = CellFilter.parse(List.of("tool=cp", "tool=dd"));
        assertEquals(filter, CellFilter.parse(filter.asParameter(), filter.cellsParameter()));
        assertEquals(CellFilter.ALL, CellFilter.parse("", ""));
        assertEquals(CellFilter.ALL, CellFilter.parse(null, null));
        CellFilter picked = filter.picking(List.of(Map.of("tool", "cp", "size", "1,5MiB"), Map.of("tool", "dd", "size", "4KiB")));
        assertEquals(picked, CellFilter.parse(picked.asParameter(), picked.cellsParameter()), "axis values with commas too");
    }

    @Test
    void pickedCellsAreFoundByTheirAxisValuesWithinWhatOnlyMatches() throws InvalidSuite {
        CellFilter filter = CellFilter.parse(List.of("size=4KiB", "size=64MiB"))
                .picking(List.of(Map.of("size", "4KiB", "tool", "dd"), Map.of("tool", "cp", "size", "1MiB"), Map.of("tool", "cp")));
        assertEquals(List.of("tool=dd size=4KiB"), suite().cells().stream().filter(c -> filter.matches(c) && filter.picks(c))
                .map(c -> c.name()).toList(), "the axes' order does not matter, nor does --only lose to a pick");
        assertTrue(suite().cells().stream().allMatch(CellFilter.ALL::picks));
        assertTrue(suite().cells().stream().noneMatch(CellFilter.ALL.picking(List.of())::picks));
    }

    @Test
    void aCellsParameterThatIsNotJsonIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CellFilter.parse("", "tool=cp"));
    }

    @Test
    void unknownAxesAndValuesAreNamedWithSuggestions() throws InvalidSuite {
        assertEquals(List.of("--only tol=...: suite 'smoke' has no axis 'tol'; did you mean 'tool'?; axes: tool, size",
                        "--only size=1MB: axis 'size' has no value '1MB'; did you mean '1MiB'?; values: 4KiB, 1MiB, 64MiB"),
                CellFilter.parse(List.of("tol=cp", "size=1MB")).problemsWith(suite()));
    }

    @Test
    void termsNeedAnEqualsSign() {
        assertThrows(IllegalArgumentException.class, () -> CellFilter.parse(List.of("cp")));
    }
}
