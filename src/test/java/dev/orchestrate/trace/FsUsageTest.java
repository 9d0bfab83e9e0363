package dev.orchestrate.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** fs_usage's rows read against recorded-style output written after fs_usage.c's own formats (fixtures/macos). */
class FsUsageTest {

    private static final Path MACOS = Path.of("fixtures/macos");
    /** disk5 as the run partitions it: the EFI partition, then the run's 64 MiB volume. */
    private static final DiskNodes DISK5 = new DiskNodes("disk5", 512, Map.of("disk5s1", new DiskNodes.Span(20480, 209715200),
            "disk5s2", new DiskNodes.Span(209735680, 67108864)), Set.of("disk9"));
    private static final LocalDateTime START = LocalDateTime.parse("2025-06-03T14:02:10.500000");
    private static final long S2 = 209735680;

    @Test
    void theDisksRowsBecomeRecordsAtWholeDiskOffsetsAndTheRestIsLeftOut() throws IOException {
        FsUsage.Parsed parsed = FsUsage.parse(Files.readString(MACOS.resolve("fs_usage-diskio-disk5.txt")), DISK5, START);
        assertEquals(List.of(), parsed.problems());
        assertEquals(List.of(), parsed.gaps());
        assertTrue(parsed.whole());
        assertEquals(List.of(
                new Record(4, 593_115_000L, Op.READ, 0, 512, 0, ""),
                new Record(5, 593_548_000L, Op.READ, 512, 512, 0, ""),
                new Record(6, 601_873_000L, Op.READ, S2 + 2 * 512, 512, 0, ""),
                new Record(11, 902_118_000L, Op.WRITE, S2 + 0xa000 * 512L, 1 << 20, 0, ""),
                // wrapped at column 132: the row goes on on line 14
                new Record(13, 909_554_000L, Op.WRITE, S2 + 0xa800 * 512L, 1 << 20, 0, ""),
                new Record(15, 911_012_000L, Op.WRITE, S2 + 0x400 * 512L, 4096, 0, ""),
                new Record(17, 1_001_190_000L, Op.FSYNC, 0, 0, 0, ""),
                new Record(19, 1_002_655_000L, Op.OTHER, 0, 0, 0, "DKIOCSYNCHRONIZE barrier"),
                // wrapped at column 100 and copied without the spaces at the break; a process name with a space
                new Record(21, 1_504_518_000L, Op.READ, S2 + 0xa000 * 512L, 512 << 10, 0, ""),
                new Record(23, 1_750_102_000L, Op.OTHER, S2 + 0xb000 * 512L, 2 << 20, 0, "TrimExtent"),
                new Record(25, 1_800_877_000L, Op.FSYNC, 0, 0, 0, ""),
                new Record(26, 1_801_544_000L, Op.WRITE, S2 + 2 * 512, 512, 0, "")), parsed.records());
    }

    @Test
    void whatMayHideACommandOfTheDiskIsAGapAndWhatCannotBeReadAProblemByLine() throws IOException {
        FsUsage.Parsed parsed = FsUsage.parse(Files.readString(MACOS.resolve("fs_usage-diskio-gaps.txt")), DISK5, START);
        assertEquals(List.of(new Record(6, 902_118_000L, Op.WRITE, S2 + 0xa000 * 512L, 1 << 20, 0, "")), parsed.records());
        assertEquals(List.of("line 5: not a row of fs_usage -w: 'Password:'",
                "line 12: a WrData[A] row cut short (no elapsed time and process at its end):"
                        + " '14:02:11.415981    WrData[A]       D=0x0000b000  B=0x100000'"), parsed.problems());
        assertEquals(List.of("line 7: fs_usage lost events (fs_usage: buffer overrun, events generated too quickly)",
                "line 8: WrData[A] failed with errno 5 and names no device (fs_usage prints a failed disk I/O without one):"
                        + " it may have been disk5's",
                "line 9: WRITE on disk5s3, which the disk map does not place on disk5",
                "line 10: WRITE on disk9, which the disk map does not place on disk5",
                "line 11: WRITE on disk5s2 at block 0x30000 ends beyond the partition's 67108864 bytes: its blocks are not of 512 bytes"
                        + " (a file system may have set another block size on the node)"), parsed.gaps());
        assertFalse(parsed.whole());
    }

    @Test
    void aRecorderKeepsTheDisksRowsAndDropsOtherDisksAndOtherCalls() throws IOException {
        List<String> lines = Files.readAllLines(MACOS.resolve("fs_usage-diskio-disk5.txt"));
        List<Integer> dropped = IntStream.rangeClosed(1, lines.size())
                .filter(n -> !FsUsage.kept(lines.get(n - 1), DISK5)).boxed().toList();
        assertEquals(List.of(7, 8, 9, 10, 12, 16, 18, 20), dropped);
        assertTrue(FsUsage.kept("fs_usage: buffer overrun, events generated too quickly", DISK5));
        assertTrue(FsUsage.kept(Files.readAllLines(MACOS.resolve("fs_usage-diskio-gaps.txt")).get(7), DISK5), "a failed I/O names no disk");
    }

    @Test
    void fsUsagePrintsOnlyTheTimeOfDaySoARecordingGoesOnPastMidnight() {
        String text = """
                23:59:59.900000    WrData[A]       D=0x00000000  B=0x200    /dev/disk5                0.000100 W kernel_task.17
                00:00:00.100000    WrData[A]       D=0x00000001  B=0x200    /dev/disk5                0.000100 W kernel_task.17
                """;
        FsUsage.Parsed parsed = FsUsage.parse(text, DISK5, LocalDateTime.parse("2025-06-03T23:59:59.500"));
        assertEquals(List.of(400_000_000L, 600_000_000L), parsed.records().stream().map(Record::nanos).toList());
        assertEquals(Optional.of(LocalTime.parse("00:00:00.100")), FsUsage.stamp(text.lines().toList().get(1)));
    }
}
