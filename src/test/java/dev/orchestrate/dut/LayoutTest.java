package dev.orchestrate.dut;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LayoutTest {

    @Test
    void regionsFollowEachOtherOnAlignedStrides() {
        Layout layout = Layout.of(List.of(new Layout.Need(0, 1, 4096), new Layout.Need(1, 3, 3 << 20), new Layout.Need(2, 1, 1)));
        assertEquals(3L << 20, layout.fileStride());
        assertEquals(Map.of(0, 0L, 1, 3L << 20, 2, 12L << 20), layout.regions());
        assertEquals(15L << 20, layout.total());
    }

    @Test
    void strideIsAtLeastOneMebibyte() {
        assertEquals(1L << 20, Layout.of(List.of(new Layout.Need(0, 1, 512))).fileStride());
    }

    @Test
    void readBackGivesLbas() {
        assertEquals(2048 + 16, ReadBack.raw(Path.of("/img"), 1 << 20, 512).lba(8192));
        assertEquals(-1, ReadBack.file(Path.of("/f")).lba(8192));
        assertEquals(-1, ReadBack.mapped(Path.of("/m"), List.of(new Extent(0, 1 << 20, 4096)), 512).lba(8192),
                "unmapped is no LBA, not LBA 0");
    }
}
