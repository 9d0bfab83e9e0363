package dev.orchestrate.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DiskutilFailureTest {

    @Test
    void diskutilsOwnFormHasTheCodeFirst() throws IOException {
        assertEquals(Optional.of(new DiskutilFailure(-69825, "Wiping volume data to prevent future accidental probing failed")),
                DiskutilFailure.parse(Files.readString(Fixtures.MACOS.resolve("diskutil-partitionDisk-69825.txt"))));
    }

    @Test
    void diskUtilitysFormHasTheCodeLast() throws IOException {
        assertEquals(Optional.of(new DiskutilFailure(-69888, "Couldn't unmount disk")),
                DiskutilFailure.parse(Files.readString(Fixtures.MACOS.resolve("diskutil-partitionDisk-69888.txt"))));
    }

    @Test
    void progressLinesAndAColonWithoutACodeAreNoFailure() {
        assertEquals(Optional.empty(), DiskutilFailure.parse("Started partitioning on disk5\nVolume name : ORCH\nFinished (1)\n"));
    }
}
