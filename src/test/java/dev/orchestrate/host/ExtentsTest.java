package dev.orchestrate.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.dut.Extent;
import dev.orchestrate.outcome.RigBroken;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtentsTest {

    @Test
    void parsesFilefragInFileSystemBlocks() {
        String output = """
                Filesystem type is: ef53
                File size of /run/orchestrate/1-1/volume/file-1.bin is 8388608 (2048 blocks of 4096 bytes)
                 ext:     logical_offset:        physical_offset: length:   expected: flags:
                   0:        0..    1023:      69632..     70655:   1024:
                   1:     1024..    2047:      71680..     72703:   1024:      70656: last,eof
                /run/orchestrate/1-1/volume/file-1.bin: 2 extents found
                """;
        assertEquals(List.of(new Extent(0, 69632L * 4096, 1024L * 4096), new Extent(1024L * 4096, 71680L * 4096, 1024L * 4096)),
                Extents.parse(output));
    }

    @Test
    void delayedAllocationsHaveNoPlaceYet() {
        String output = """
                File size of f is 8192 (2 blocks of 4096 bytes)
                 ext:     logical_offset:        physical_offset: length:   expected: flags:
                   0:        0..       1:          0..         1:      2:             last,unknown_loc,delalloc,eof
                """;
        assertEquals(List.of(), Extents.parse(output));
    }

    @Test
    void unwrittenExtentsHoldNoDataAndInlineDataCannotBeReadRaw() {
        String unwritten = """
                File size of f is 8192 (2 blocks of 4096 bytes)
                 ext:     logical_offset:        physical_offset: length:   expected: flags:
                   0:        0..       0:       100..       100:      1:
                   1:        1..       1:       101..       101:      1:             last,unwritten,eof
                """;
        assertEquals(List.of(new Extent(0, 100L * 4096, 4096)), Extents.parse(unwritten));
        String inline = """
                File size of f is 2000 (1 block of 4096 bytes)
                 ext:     logical_offset:        physical_offset: length:   expected: flags:
                   0:        0..    4095:          0..      4095:   4096:             last,not_aligned,inline,eof
                """;
        RigBroken e = assertThrows(RigBroken.class, () -> Extents.parse(inline));
        assertTrue(e.getMessage().contains("inline in its metadata"), e.getMessage());
    }

    @Test
    void oneFilefragOfSeveralFilesIsSplitByFileWhateverTheirNames() {
        String output = """
                Filesystem type is: ef53
                File size of /v/a b.bin is 100000 (25 blocks of 4096 bytes)
                 ext:     logical_offset:        physical_offset: length:   expected: flags:
                   0:        0..      24:      34816..     34840:     25:             last,eof
                /v/a b.bin: 1 extent found
                File size of /v/資料.bin is 5000 (2 blocks of 1024 bytes)
                 ext:     logical_offset:        physical_offset: length:   expected: flags:
                   0:        0..       1:       9000..      9001:      2:             last,eof
                /v/資料.bin: 1 extent found
                """;
        Map<Path, String> sections = Extents.sections(output, List.of(Path.of("/v/a b.bin"), Path.of("/v/資料.bin")));
        assertEquals(List.of(new Extent(0, 34816L * 4096, 25L * 4096)), Extents.parse(sections.get(Path.of("/v/a b.bin"))));
        assertEquals(List.of(new Extent(0, 9000L * 1024, 2048)), Extents.parse(sections.get(Path.of("/v/資料.bin"))));
        assertThrows(RigBroken.class, () -> Extents.sections(output, List.of(Path.of("/v/other.bin"))));
    }

    @Test
    void outputWithoutABlockSizeBreaksTheRig() {
        assertThrows(RigBroken.class, () -> Extents.parse("filefrag: Operation not supported"));
    }
}
