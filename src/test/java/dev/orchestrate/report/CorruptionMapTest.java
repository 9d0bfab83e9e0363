package dev.orchestrate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.data.SectorClass;
import dev.orchestrate.data.SectorFormat;
import dev.orchestrate.data.Stamp;
import dev.orchestrate.data.StampedFile;
import dev.orchestrate.dut.Extent;
import dev.orchestrate.dut.ReadBack;
import dev.orchestrate.dut.Region;
import dev.orchestrate.verify.DamagedRange;
import dev.orchestrate.verify.Expected;
import dev.orchestrate.verify.Stray;
import dev.orchestrate.verify.Strays;
import dev.orchestrate.verify.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorruptionMapTest {

    private static final StampedFile FILE = new StampedFile(1, 1001, 1, 1 << 20, new SectorFormat(4096));

    private static Verdict verdict(DamagedRange... ranges) {
        return new Verdict("test", 1, 256, Map.of(SectorClass.ZEROS, 1L), List.of(ranges), false, List.of(),
                Strays.unscanned(Region.none("test")), false);
    }

    @Test
    void drawsTheFileAndItsDeviceRegionWithDamageByClass() {
        ReadBack mapped = ReadBack.mapped(Path.of("/m"), List.of(new Extent(0, 8 << 20, 1 << 20)), 512);
        String svg = CorruptionMap.svg(verdict(new DamagedRange("file-1.bin", 4096, 8192, ((8 << 20) + 4096) / 512, SectorClass.ZEROS,
                        "zeros", "x", null)),
                List.of(new Expected(FILE, "file-1.bin", mapped)));
        assertTrue(svg.startsWith("<svg"));
        assertTrue(svg.contains("file-1.bin along its offsets (0 .. 1,048,576 bytes): 1 damaged ranges"), svg);
        assertTrue(svg.contains("file-1.bin on the device, LBA 16,384 .. 18,431"), svg);
        assertEquals(2, svg.split("fill=\"#d62728\"", -1).length - 2, "one zeros mark on each bar, plus the legend");
    }

    @Test
    void theScannedRegionShowsTheFilesPlacesAndTheStraysAlongItsLbas() {
        Region region = new Region(Path.of("/img"), 0, 16 << 20, 512, "the cell's region");
        Stray copy = new Stray(12 << 20, (12 << 20) + 4096, 512, SectorClass.DUPLICATED, new Stamp(1, 1001, 0, 1), (8 << 20) / 512,
                "file-1.bin", "held");
        Verdict v = new Verdict("test", 1, 256, Map.of(SectorClass.INTACT, 256L), List.of(), false, List.of(),
                new Strays(region, 1, 1, List.of(copy), Map.of(SectorClass.DUPLICATED, 1L)), false);
        String svg = CorruptionMap.svg(v, List.of(new Expected(FILE, "file-1.bin", ReadBack.raw(Path.of("/img"), 8 << 20, 512))));
        assertTrue(svg.contains("the region, LBA 0 .. 32,767: 1 sector of this run outside the files"), svg);
        assertEquals(1, svg.split("fill=\"#1f77b4\"", -1).length - 2, "one duplicated mark on the region bar, plus the legend");
    }

    @Test
    void aFileWithoutADeviceAddressHasOnlyItsOffsetBar() {
        String svg = CorruptionMap.svg(verdict(), List.of(new Expected(FILE, "file-1.bin", ReadBack.file(Path.of("/f")))));
        assertTrue(svg.contains("intact"));
        assertTrue(!svg.contains("on the device"));
    }
}
