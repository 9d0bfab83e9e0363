package dev.orchestrate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.suite.Cell;
import dev.orchestrate.suite.InvalidSuite;
import dev.orchestrate.suite.Suite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShardTest {

    private static Suite suite() throws InvalidSuite {
        return Catalog.loader().load(Path.of("suites/smoke.yaml"));
    }

    private static List<String> names(List<Cell> cells) {
        return cells.stream().map(Cell::name).toList();
    }

    @Test
    void theSelectedCellsAreDealtOutRoundRobinInMatrixOrder() throws InvalidSuite {
        assertEquals(List.of("tool=cp size=4KiB", "tool=cp size=64MiB", "tool=dd size=1MiB"),
                names(Shard.parse("1/2").cells(suite(), CellFilter.ALL)));
        assertEquals(List.of("tool=cp size=1MiB", "tool=dd size=4KiB", "tool=dd size=64MiB"),
                names(Shard.parse("2/2").cells(suite(), CellFilter.ALL)));
    }

    @Test
    void theShardsOfTheSelectionAfterOnlyMakeItUpExactlyOnce() throws InvalidSuite {
        CellFilter cp = CellFilter.parse(List.of("tool=cp"));
        List<String> all = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            List<String> part = names(new Shard(i, 3).cells(suite(), cp));
            assertEquals(1, part.size(), part.toString());
            all.addAll(part);
        }
        assertEquals(names(Shard.ALL.cells(suite(), cp)), all);
        assertEquals(names(new Shard(2, 3).cells(suite(), cp)), names(Shard.parse(" 2 / 3 ").cells(suite(), cp)),
                "the same shard of the same selection is the same cells, on any station");
    }

    @Test
    void pickedCellsAreKeptFromTheShardsOwnPartNotDealtAnew() throws InvalidSuite {
        CellFilter failed = CellFilter.ALL.picking(List.of(Map.of("tool", "cp", "size", "4KiB"), Map.of("tool", "cp", "size", "1MiB")));
        assertEquals(List.of("tool=cp size=4KiB"), names(Shard.parse("1/2").cells(suite(), failed)));
        assertEquals(List.of("tool=cp size=1MiB"), names(Shard.parse("2/2").cells(suite(), failed)),
                "each station reruns the failed cells it owns, as it ran them");
        assertEquals(List.of(), names(Shard.parse("1/2").cells(suite(), CellFilter.parse(List.of("tool=dd")).picking(List.of(
                Map.of("tool", "cp", "size", "4KiB"))))), "a pick outside --only is not selected");
    }

    @Test
    void aShardIsWrittenAsGivenAndAllIsEmpty() {
        assertEquals("2/3", Shard.parse("2/3").text());
        assertEquals("", Shard.parse("1/1").text());
        assertEquals(Shard.ALL, Shard.parseOrAll(""));
        assertEquals(Shard.ALL, Shard.parseOrAll(null));
        assertEquals(new Shard(2, 3), Shard.parseOrAll("2/3"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0/2", "3/2", "x", "1/0", "2", "1/2/3", "-1/2", "a/b", ""})
    void anythingButOneToNOfNIsRefusedWithWhatToGive(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shard.parse(text));
        assertTrue(e.getMessage().startsWith("--shard '" + text + "' is not a shard: give I/N"), e.getMessage());
    }
}
