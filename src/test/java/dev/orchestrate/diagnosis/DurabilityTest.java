package dev.orchestrate.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.data.SectorClass;
import dev.orchestrate.verify.DamagedRange;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The durability oracle: promised losses fail, losses never promised are listed, wrong data is never excused. */
class DurabilityTest {

    private static final HostHistory ONE_FSYNC = new HostHistory(List.of(
            new HostHistory.Step(1, HostHistory.Kind.COPY, "copy with cp", Set.of("file-1.bin", "file-2.bin")),
            new HostHistory.Step(2, HostHistory.Kind.PROMISE, "fsync file-1.bin", Set.of("file-1.bin")),
            new HostHistory.Step(3, HostHistory.Kind.POWER_CUT, "power-cut", Set.of())));

    private static DamagedRange range(String file, long lba, SectorClass kind) {
        return new DamagedRange(file, 0, 4096, lba, kind, kind.label(), "x", null);
    }

    @Test
    void theUnsyncedFileMayBeLostWithOrWithoutADeviceAddress() {
        List<DamagedRange> lost = List.of(range("file-2.bin", -1, SectorClass.MISSING), range("file-2.bin", 4096, SectorClass.ZEROS));
        Durability.Split split = Durability.split(lost, ONE_FSYNC);
        assertEquals(List.of(), split.promised());
        assertEquals(lost, split.neverPromised());
        assertTrue(split.text().contains("never promised, lost: 2 ranges"), split.text());
    }

    @Test
    void theFsyncedFileMustSurvive() {
        DamagedRange lost = range("file-1.bin", 2048, SectorClass.ZEROS);
        assertEquals(List.of(lost), Durability.split(List.of(lost), ONE_FSYNC).promised());
    }

    @Test
    void wrongDataInAnUnsyncedFileIsNoLoss() {
        DamagedRange wrong = range("file-2.bin", 4096, SectorClass.MISPLACED);
        assertEquals(List.of(wrong), Durability.split(List.of(wrong), ONE_FSYNC).promised());
    }
}
