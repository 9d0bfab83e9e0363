package dev.orchestrate.step;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orchestrate.dut.Diskutil;
import dev.orchestrate.process.Command;
import dev.orchestrate.process.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DiskOperationTest {

    private static final Command PARTITION = Diskutil.partitionDisk("disk5", "jhfs+", "ORCH", 1 << 30);

    @Test
    void aFailedPartitionDiskIsAFindingWithDiskutilsCode() throws IOException {
        String output = Files.readString(Path.of("fixtures/macos/diskutil-partitionDisk-69825.txt"));
        assertEquals("partitionDisk failed with diskutil error -69825:"
                        + " Wiping volume data to prevent future accidental probing failed (exit code 1)",
                DiskOperation.verdict(new Outcome(PARTITION, 1, Duration.ZERO, output)));
    }

    @Test
    void aCodeDiskUtilityPutsLastIsFoundToo() throws IOException {
        String output = Files.readString(Path.of("fixtures/macos/diskutil-partitionDisk-69888.txt"));
        assertEquals("partitionDisk failed with diskutil error -69888: Couldn't unmount disk (exit code 1)",
                DiskOperation.verdict(new Outcome(PARTITION, 1, Duration.ZERO, output)));
    }

    @Test
    void outputWithoutACodeSaysSo() {
        assertEquals("partitionDisk failed with no diskutil error code: Unmounting disk (exit code 143)",
                DiskOperation.verdict(new Outcome(PARTITION, 143, Duration.ZERO, "Started partitioning on disk5\nUnmounting disk\n")));
    }
}
