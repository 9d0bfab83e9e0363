package dev.orchestrate.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.data.SectorFormat;
import dev.orchestrate.dut.DirectoryTarget;
import dev.orchestrate.process.Runners;
import dev.orchestrate.report.Evidence;
import dev.orchestrate.suite.Cell;
import dev.orchestrate.suite.Location;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Problem;
import dev.orchestrate.suite.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names from a name set are checked byte for byte as the target lists them, and the listing must keep its order. */
class NameCheckTest {

    @TempDir
    Path dir;

    private final Map<String, String> attached = new LinkedHashMap<>();
    private CellContext cell;

    @BeforeEach
    void copiedByHand() throws IOException {
        Path set = Files.writeString(dir.resolve("names.txt"), "cafe\\u{301}.bin\n資料.bin\n\\u{1F4E6}.bin\n", StandardCharsets.UTF_8);
        Evidence evidence = new Evidence() {
            @Override
            public void attach(String name, String mediaType, String extension, byte[] content) {
                attached.put(name, new String(content, StandardCharsets.UTF_8));
            }
        };
        DirectoryTarget target = new DirectoryTarget(Files.createDirectories(dir.resolve("volume")), "names");
        target.prepare();
        Cell first = new Cell(0, Map.of());
        cell = new CellContext(first, 7, new SectorFormat(4096), target, Files.createDirectories(dir.resolve("scratch")),
                evidence, Runners.LIVE);
        cell.opened(target.open(first, dir, evidence));
        Location at = new Location(dir.resolve("suite.yaml").toString(), 1, 1);
        generate(Map.of("size", new Value("8KiB", at), "names", new Value(set.getFileName().toString(), at)), at).run(cell);
        for (CellContext.Source s : cell.sources()) {
            Path to = cell.placement(s.index()).path();
            Files.createDirectories(to.getParent());
            Files.copy(s.path(), to);
        }
        cell.copied(cell.sources(), null);
    }

    /** A generate step as a suite would resolve it: the keys given, the defaults for the rest. */
    private static Generate generate(Map<String, Value> given, Location at) {
        List<Problem> problems = new ArrayList<>();
        Options options = Generate.SECTION.resolve(given, Map.of(), at, problems);
        assertEquals(List.of(), problems);
        return Generate.of(options);
    }

    @Test
    void everyNameThereByteForByte() {
        assertEquals(Optional.empty(), NameCheck.check(cell));
        assertTrue(attached.get("names").contains("all 3 names there, byte for byte"), attached.get("names"));
        assertTrue(attached.get("names").contains("[U+0063 U+0061 U+0066 U+0065 U+0301 U+002E U+0062 U+0069 U+006E]"),
                attached.get("names"));
    }

    @Test
    void aNameStoredInAnotherFormIsADifference() throws IOException {
        Path decomposed = cell.placement(1).path();
        Files.move(decomposed, decomposed.resolveSibling("café.bin"));
        String message = NameCheck.check(cell).orElseThrow();
        assertEquals("names: 1 of 3 differ; first: 'cafe\u0301.bin' [U+0063 U+0061 U+0066 U+0065 U+0301 U+002E U+0062 U+0069 U+006E] "
                + "stored in another normalisation form, as [U+0063 U+0061 U+0066 U+00E9 U+002E U+0062 U+0069 U+006E]", message);
    }

    @Test
    void aFileNobodyCopiedIsADifference() throws IOException {
        Files.writeString(cell.placement(1).path().resolveSibling(".資料.bin.tmp"), "left over");
        assertTrue(NameCheck.check(cell).orElseThrow()
                .endsWith("'.資料.bin.tmp' [U+002E U+8CC7 U+6599 U+002E U+0062 U+0069 U+006E U+002E U+0074 U+006D U+0070] "
                        + "is there but was never copied"));
    }

    @Test
    void aListingThatReordersIsADifference() {
        assertEquals(Optional.empty(), NameCheck.check(cell));
        List<String> listed = cell.lastListing().orElseThrow();
        // as if the previous verify (before an eject, say) had listed them the other way round
        cell.listed(listed.reversed());
        Optional<String> again = NameCheck.check(cell);
        assertTrue(again.orElseThrow().contains("the listing order changed since the previous verify: before " + listed.reversed()
                        + ", now " + listed),
                again.toString());
    }

    @Test
    void numberedFilesAreNotNameChecked() throws IOException {
        Cell second = new Cell(1, Map.of());
        CellContext numbered = new CellContext(second, 7, new SectorFormat(4096), cell.target(), dir.resolve("scratch"),
                cell.evidence(), Runners.LIVE);
        numbered.opened(cell.target().open(second, dir, cell.evidence()));
        Location at = new Location("x.yaml", 1, 1);
        generate(Map.of("size", new Value("4KiB", at)), at).run(numbered);
        numbered.copied(numbered.sources(), null);
        assertEquals(Optional.empty(), NameCheck.check(numbered));
        assertTrue(!attached.containsKey("names") || attached.size() == 0);
    }
}
