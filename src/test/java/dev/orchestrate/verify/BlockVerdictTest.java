package dev.orchestrate.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.data.SectorClass;
import dev.orchestrate.data.SectorFormat;
import dev.orchestrate.data.StampedFile;
import dev.orchestrate.dut.Extent;
import dev.orchestrate.dut.ReadBack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The blocks a tool's check failed, read on a media image through the file's extent map: a file of
 * 1 MiB of pseudo-random bytes in two extents, its first half at byte 1 MiB of the media, its second
 * at 4 MiB, each failed block of 128 KiB.
 */
class BlockVerdictTest {

    private static final int KIB = 1024;
    private static final StampedFile FILE = new StampedFile(9, 1001, 1, 1 << 20, new SectorFormat(512));
    private static final List<Extent> EXTENTS = List.of(new Extent(0, 1 << 20, 512 * KIB), new Extent(512 * KIB, 4 << 20, 512 * KIB));

    @TempDir
    Path dir;

    private byte[] media;

    @BeforeEach
    void fill() {
        media = new byte[8 << 20];
        new Random(1).nextBytes(media);
    }

    /** Zeros the file's bytes {@code [from, to)} where they lie on the media. */
    private void zero(long from, long to) {
        for (long at = from; at < to; at++) {
            long fileOffset = at;
            Extent e = EXTENTS.stream().filter(x -> x.contains(fileOffset)).findFirst().orElseThrow();
            media[(int) (e.physical() + at - e.logical())] = 0;
        }
    }

    private Verdict verdict(List<Extent> extents, BadBlock... bad) throws IOException {
        Path image = Files.write(dir.resolve("media.img"), media);
        Expected file = new Expected(FILE, "file-1.bin", ReadBack.mapped(image, extents, 512));
        return BlockVerdict.of("fio", List.of(new BlockVerdict.Checked(file, Arrays.asList(bad))), false);
    }

    private static BadBlock block(long offset, String says) {
        return new BadBlock(offset, 128 * KIB, says);
    }

    @Test
    void theZerosOfFailedBlocksAreTheDamageAtTheirFileOffsetAndLba() throws IOException {
        zero(400 * KIB, 512 * KIB);
        Verdict v = verdict(EXTENTS, block(384 * KIB, "crc32c: verify failed"));
        DamagedRange r = v.ranges().getFirst();
        assertEquals(List.of(400L * KIB, 512L * KIB, SectorClass.ZEROS), List.of(r.start(), r.end(), r.kind()), r.describe());
        assertEquals(((1 << 20) + 400 * KIB) / 512, r.lba());
        assertEquals("fio's data, which its check failed in the block of 131,072 bytes at offset 393,216 (crc32c: verify failed)",
                r.expected());
        assertEquals(1, v.ranges().size());
        assertEquals(224, v.counts().get(SectorClass.ZEROS));
        assertEquals(2048 - 224 - 32, v.counts().get(SectorClass.INTACT), "the block's 32 sectors of data before its zeros are not judged");
        assertTrue(v.readPath().contains("32 sectors of failed blocks that hold zeros are not judged"), v.readPath());
    }

    @Test
    void zerosAcrossBlocksMakeOneRangeUntilTheDeviceAddressJumps() throws IOException {
        zero(400 * KIB, 640 * KIB);
        Verdict v = verdict(EXTENTS, block(512 * KIB, "verify: bad magic header 0, wanted acca"),
                block(384 * KIB, "crc32c: verify failed"));
        assertEquals(2, v.ranges().size(), "split where the file's second extent starts");
        DamagedRange first = v.ranges().getFirst();
        DamagedRange second = v.ranges().getLast();
        assertEquals(List.of(400L * KIB, 512L * KIB), List.of(first.start(), first.end()));
        assertEquals(List.of(512L * KIB, 640L * KIB, (long) (4 << 20) / 512), List.of(second.start(), second.end(), second.lba()));
        assertTrue(second.expected().endsWith("(verify: bad magic header 0, wanted acca)"), second.expected());
    }

    @Test
    void consecutiveZerosOnOneExtentAreOneRange() throws IOException {
        zero(528 * KIB, 1024 * KIB);
        Verdict v = verdict(EXTENTS, block(512 * KIB, "crc32c: verify failed"), block(640 * KIB, "verify: bad magic header 0, wanted acca"),
                block(768 * KIB, "verify: bad magic header 0, wanted acca"), block(896 * KIB, "verify: bad magic header 0, wanted acca"));
        assertEquals(1, v.ranges().size());
        assertEquals(List.of(528L * KIB, 1024L * KIB), List.of(v.ranges().getFirst().start(), v.ranges().getFirst().end()));
        assertTrue(v.headline().startsWith("first bad byte at offset 540,672 of file-1.bin (LBA 8,224): found zeros"), v.headline());
    }

    @Test
    void aFailedBlockWithoutZerosIsDamagedAsAWhole() throws IOException {
        media[(1 << 20) + 100 * KIB] ^= 1;
        Verdict v = verdict(EXTENTS, block(0, "crc32c: verify failed"));
        DamagedRange r = v.ranges().getFirst();
        assertEquals(List.of(0L, 128L * KIB, SectorClass.DAMAGED), List.of(r.start(), r.end(), r.kind()));
        assertEquals(256, v.counts().get(SectorClass.DAMAGED));
        assertFalse(v.rangesCut());
    }

    @Test
    void aBlockNoDeviceBlockHoldsIsMissing() throws IOException {
        Verdict v = verdict(EXTENTS.subList(0, 1), block(640 * KIB, "verify: bad magic header 0, wanted acca"));
        DamagedRange r = v.ranges().getFirst();
        assertEquals(List.of(640L * KIB, 768L * KIB, SectorClass.MISSING, -1L), List.of(r.start(), r.end(), r.kind(), r.lba()));
    }

    @Test
    void noBadBlockIsAPassAndAStoppedCheckIsCut() throws IOException {
        assertTrue(verdict(EXTENTS).passed());
        Path image = Files.write(dir.resolve("media.img"), media);
        Expected file = new Expected(FILE, "file-1.bin", ReadBack.mapped(image, EXTENTS, 512));
        assertTrue(BlockVerdict.of("fio", List.of(new BlockVerdict.Checked(file, List.of(block(0, "crc32c: verify failed")))), true)
                .rangesCut());
    }
}
