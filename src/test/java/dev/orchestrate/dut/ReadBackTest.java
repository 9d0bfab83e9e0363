package dev.orchestrate.dut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.dut.ReadBack.Segment;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How each read-back maps a file's offsets onto what it reads, and which LBA a byte has. */
class ReadBackTest {

    private static final Path MEDIA = Path.of("/media.img");

    @Test
    void theFileItselfIsReadAtItsOwnOffsetsAndHasNoLba() {
        ReadBack file = ReadBack.file(Path.of("/mnt/file-1.bin"));
        assertEquals(List.of(new Segment(8192, 8192, 4096)), file.segments(8192, 4096));
        assertEquals(-1, file.lba(8192));
        assertEquals(512, file.blockSize());
        assertEquals(List.of(), file.extentMap());
        ReadBack described = ReadBack.file(Path.of("/Volumes/X/file-1.bin"), "the files on /Volumes/X", 4096);
        assertEquals("the files on /Volumes/X", described.description());
        assertEquals(4096, described.blockSize());
    }

    @Test
    void aRawSourceIsReadFromItsBase() {
        ReadBack raw = ReadBack.raw(Path.of("/img"), 1 << 20, 512);
        assertEquals(List.of(new Segment(8192, (1 << 20) + 8192, 4096)), raw.segments(8192, 4096));
        assertEquals(2048 + 16, raw.lba(8192));
        assertEquals(256 + 2, ReadBack.raw(Path.of("/img"), 1 << 20, 4096).lba(8192), "an LBA counts blocks of the read-back's size");
        assertFalse(assertInstanceOf(ReadBack.Raw.class, raw).direct());
        assertEquals(List.of(), raw.extentMap());
    }

    @Test
    void aDeviceIsReadFromItsBaseWithODirect() {
        ReadBack device = ReadBack.device(Path.of("/dev/sdc"), 3 << 20, 512, "the driver under test");
        assertTrue(assertInstanceOf(ReadBack.Raw.class, device).direct());
        assertEquals("the driver under test", device.description());
        assertEquals(List.of(new Segment(0, 3 << 20, 512)), device.segments(0, 512));
        assertEquals(6144, device.lba(0));
    }

    @Test
    void aTrustedHostReadsItsDiskFromTheBase() {
        TrustedHost host = new TrustedHost("lab@trusted", "/dev/sdx", TrustedHost.SSH, TrustedHost.TIMEOUT);
        ReadBack remote = ReadBack.trusted(host, 1 << 20, 512);
        assertEquals(Path.of("/dev/sdx"), remote.source());
        assertEquals(host.describe(), remote.description());
        assertEquals(List.of(new Segment(4096, (1 << 20) + 4096, 512)), remote.segments(4096, 512));
        assertEquals(2048 + 8, remote.lba(4096));
    }

    @Test
    void aMappedFileIsReadThroughItsExtentsAndAHoleIsUnmapped() {
        List<Extent> extents = List.of(new Extent(0, 1 << 20, 4096), new Extent(8192, 3 << 20, 4096));
        ReadBack mapped = ReadBack.mapped(MEDIA, extents, 512);
        assertEquals(List.of(new Segment(2048, (1 << 20) + 2048, 2048), new Segment(4096, -1, 4096), new Segment(8192, 3 << 20, 4096),
                new Segment(12288, -1, 1024)), mapped.segments(2048, 12288 - 2048 + 1024));
        assertEquals((1 << 20) / 512 + 1, mapped.lba(512));
        assertEquals(-1, mapped.lba(4096), "a hole has no LBA, not LBA 0");
        assertEquals((3 << 20) / 512 + 7, mapped.lba(8192 + 4096 - 512), "the last sector of the second extent");
        assertEquals(-1, mapped.lba(12288), "past the last extent is unmapped");
        assertEquals(extents, mapped.extentMap());
        assertEquals(MEDIA, mapped.source());
    }

    @Test
    void anAbsentFileHasNoByteToReadYetItsLastKnownExtentsGiveLbas() {
        List<Extent> lastKnown = List.of(new Extent(0, 1 << 20, 8192));
        ReadBack absent = ReadBack.absent(MEDIA, Path.of("/mnt/cell/file-1.bin"), lastKnown, 512);
        assertEquals(List.of(new Segment(0, -1, 8192)), absent.segments(0, 8192));
        assertEquals(2048 + 4, absent.lba(2048));
        assertEquals(-1, absent.lba(8192));
        assertEquals(lastKnown, absent.extentMap());
        assertEquals("the media image /media.img; file-1.bin is absent from the mounted volume", absent.description());
    }
}
