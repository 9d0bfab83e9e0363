package dev.orchestrate.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.outcome.RigBroken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {

    private static final Path KEXT = Fixtures.MACOS.resolve("baseline-disk5-kext.json");

    @Test
    void theSavedKextBaselineIsWhatTheKextFixturesSay() {
        assertEquals(Fixtures.raidUnderKext(), Baseline.load(KEXT).identity());
    }

    @Test
    void theDriverMigrationShowsAsOneLinePerChangedField() {
        assertEquals(List.of(
                "Protocol: Fibre Channel Interface → SCSI",
                "Physical Interconnect: Fibre Channel Interface → SCSI",
                "IOMaximumByteCountRead: 524288 → 1048576",
                "IOMaximumByteCountWrite: 524288 → 1048576"), Baseline.load(KEXT).diff(Fixtures.raidUnderDext()));
    }

    @Test
    void identicalIdentitiesHaveNoDiffAndMissingValuesReadAsNone() {
        assertEquals(List.of(), Baseline.diff(Fixtures.raidUnderDext(), Fixtures.raidUnderDext()));
        DiskIdentity filtered = new DiskIdentity(Fixtures.raidUnderDext().media(), Fixtures.raidUnderDext().peripheral(),
                Fixtures.registry("ioreg-controller-dext-missing-limits.plist", "disk5").limits());
        assertEquals(List.of("IOMaximumSegmentByteCountRead: 65536 → (none)", "IOMaximumSegmentByteCountWrite: 65536 → (none)",
                "IOMaximumByteCountRead: 1048576 → (none)", "IOMaximumByteCountWrite: 1048576 → (none)"),
                Baseline.diff(Fixtures.raidUnderDext(), filtered));
    }

    @Test
    void aSavedBaselineReadsBackEqual(@TempDir Path dir) {
        Path file = dir.resolve("disk5.json");
        Baseline saved = new Baseline("disk5 under the DEXT", Fixtures.raidUnderDext());
        saved.save(file);
        assertEquals(saved, Baseline.load(file));
    }

    @Test
    void aLimitPublishedDifferentlyLowerInTheRegistryIsSavedAndDiffed(@TempDir Path dir) {
        Registry nvme = Fixtures.registry("ioreg-controller-nvme.plist", "disk6s2");
        DiskIdentity both = Candidate.macos(Fixtures.media("diskutil-info-disk6s2-partition.plist"), Fixtures.diskMap(), nvme).identity();
        Baseline saved = new Baseline("disk6 on its NVMe controller", both);
        saved.save(dir.resolve("disk6.json"));
        assertEquals(saved, Baseline.load(dir.resolve("disk6.json")));
        DiskIdentity agreeing = new DiskIdentity(both.media(), both.peripheral(), both.limits());
        assertEquals(List.of("IOMaximumSegmentByteCountRead on IONVMeBlockStorageDevice: 1048576 → (none)",
                "IOMaximumSegmentByteCountWrite on IONVMeBlockStorageDevice: 1048576 → (none)"), saved.diff(agreeing));
    }

    @Test
    void aDamagedBaselineSaysWhatToDo(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("disk5.json"), "{\"about\": \"cut");
        RigBroken e = assertThrows(RigBroken.class, () -> Baseline.load(file));
        assertTrue(e.getMessage().startsWith("cannot read the identity baseline " + file + ": "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; capture a fresh one from a run on the known-good driver"), e.getMessage());
    }
}
