package dev.orchestrate.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.target.Extent;
import java.util.List;
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
    void outputWithoutABlockSizeBreaksTheRig() {
        assertThrows(RigBroken.class, () -> Extents.parse("filefrag: Operation not supported"));
    }
}
