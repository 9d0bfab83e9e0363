package dev.orchestrate.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.device.Refusal.Rule;
import dev.orchestrate.outcome.RigBroken;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The disks of the lab Mac (fixtures/macos), each named correctly by the suite: which may be written, and why the others may not. */
class DiskGuardTest {

    @ParameterizedTest(name = "{0} (may unmount: {1}) → {2}")
    @CsvSource(delimiter = '|', value = {
        "diskutil-info-disk0-internal-ssd.plist      | false | INTERNAL SYSTEM",
        "diskutil-info-disk0-internal-ssd.plist      | true  | INTERNAL SYSTEM",
        "diskutil-info-disk3-system-container.plist  | true  | INTERNAL SYSTEM",
        "diskutil-info-disk2-booted-image.plist      | true  | SYSTEM SYSTEM_IMAGE READ_ONLY",
        "diskutil-info-disk4-mounted-external.plist  | false | MOUNTED",
        "diskutil-info-disk4-mounted-external.plist  | true  | ''",
        "diskutil-info-disk6s2-partition.plist       | false | MOUNTED PARTITION",
        "diskutil-info-disk6s2-partition.plist       | true  | PARTITION",
        "diskutil-info-disk5-raid-scsi.plist         | false | ''",
        "diskutil-info-disk7-usb-stick.plist         | false | ''",
        "diskutil-info-disk8-ramdisk.plist           | false | ''",
        "diskutil-info-disk9-whole-disk-fat-stick.plist | false | MOUNTED",
        "diskutil-info-disk9-whole-disk-fat-stick.plist | true  | ''",
    })
    void theLabDisks(String fixture, boolean mayUnmount, String rules) {
        Candidate disk = candidate(fixture);
        Set<Rule> refused = DiskGuard.refusals(disk, namedCorrectly(disk, mayUnmount)).stream().map(Refusal::rule)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Rule.class)));
        Set<Rule> expected = rules.isBlank() ? EnumSet.noneOf(Rule.class)
                : Set.of(rules.split(" ")).stream().map(Rule::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Rule.class)));
        assertEquals(expected, refused);
    }

    @Test
    void reasonsSayWhatIsWrongAndWhatToDo() {
        Candidate boot = candidate("diskutil-info-disk0-internal-ssd.plist");
        List<String> reasons = DiskGuard.refusals(boot, namedCorrectly(boot, false)).stream().map(Refusal::reason).toList();
        assertEquals(List.of(
                "disk0 is an internal disk; internal disks are never written, whatever the suite says:"
                        + " attach the disk under test externally",
                "disk0 holds the running system (disk1s1 on /System/Volumes/iSCPreboot, disk1s2 on /System/Volumes/xarts,"
                        + " disk1s3 on /System/Volumes/Hardware, disk3s1s1 on /, disk3s2 on /System/Volumes/Preboot,"
                        + " disk3s4 on /System/Volumes/Update, disk3s5 on /System/Volumes/Data, disk3s6 on /System/Volumes/VM);"
                        + " never choose the boot disk or a disk the system's volumes live on (an APFS container's physical store)"),
                reasons);
    }

    @Test
    void theRaidBoxUnderTheDextIsRefusedWhenTheSuiteExpectsTheKextsProtocol() {
        Candidate raid = candidate("diskutil-info-disk5-raid-scsi.plist");
        Expectation kextEra = new Expectation("disk5", "RAID R8", "Fibre Channel Interface", 65_999_999_991_808L,
                "GR8A2419000731", false);
        assertEquals(List.of(new Refusal(Rule.MISMATCH, "disk5 says its protocol is 'SCSI' but the suite expects 'Fibre Channel Interface';"
                + " check that disk5 is the disk under test")), DiskGuard.refusals(raid, kextEra));
    }

    @Test
    void aStickNamedByTheSizeDiskutilShowsIsItselfWhateverVolumeIsOnIt() {
        Candidate stick = candidate("diskutil-info-disk9-whole-disk-fat-stick.plist");
        Expectation bySize = new Expectation("disk9", "Cruzer Fit", "USB", 15_682_240_512L, "SN-disk9", true);
        assertEquals(List.of(), DiskGuard.refusals(stick, bySize));
    }

    @Test
    void theMediaNameMayBeGivenAsDiskutilPrintsItOrAsTheRegistryNamesThisDisk() {
        Candidate stick = candidate("diskutil-info-disk9-whole-disk-fat-stick.plist");
        for (String name : List.of("Cruzer Fit", "SanDisk' Cruzer Fit Media")) {
            assertEquals(List.of(), DiskGuard.refusals(stick, new Expectation("disk9", name, "USB", 15_682_240_512L, "SN-disk9", true)),
                    name);
        }
        assertEquals(List.of(new Refusal(Rule.MISMATCH, "disk9 says its media name is 'Cruzer Fit' but the suite expects"
                + " 'SanDisk' Ultra Fit Media'; check that disk9 is the disk under test")), DiskGuard.refusals(stick,
                new Expectation("disk9", "SanDisk' Ultra Fit Media", "USB", 15_682_240_512L, "SN-disk9", true)));
    }

    @Test
    void everyMismatchAndEveryUnnamedFieldIsReported() {
        Candidate raid = candidate("diskutil-info-disk5-raid-scsi.plist");
        List<Refusal> refusals = DiskGuard.refusals(raid, new Expectation("/dev/disk4", "RAID R8", null, 1L, null, false));
        assertEquals(List.of(Rule.MISMATCH, Rule.MISMATCH, Rule.UNNAMED), refusals.stream().map(Refusal::rule).toList());
        assertEquals("the suite names disk4 but this is disk5; identifiers change across reboots and re-attach,"
                + " so check which disk is under test and name it", refusals.get(0).reason());
        assertEquals("disk5 says its size in bytes is '65999999991808' but the suite expects '1'; check that disk5 is the disk under test",
                refusals.get(1).reason());
        assertEquals("the suite does not give the expected serial number of disk5; add serial: 'GR8A2419000731'"
                + " if disk5 is the disk under test", refusals.get(2).reason());
    }

    @Test
    void requireBreaksTheRigWithEveryReason() {
        Candidate image = candidate("diskutil-info-disk2-booted-image.plist");
        RigBroken e = assertThrows(RigBroken.class, () -> DiskGuard.require(image, namedCorrectly(image, true)));
        assertTrue(e.getMessage().startsWith("refusing to write disk2:\n  - disk2 holds the running system (disk2 on /)"), e.getMessage());
        assertEquals(4, e.getMessage().lines().count(), e.getMessage());
        DiskGuard.require(candidate("diskutil-info-disk7-usb-stick.plist"),
                namedCorrectly(candidate("diskutil-info-disk7-usb-stick.plist"), false));
    }

    /** The RAID box's facts come from its controller's registry; the other disks get a serial of their own. */
    private static Candidate candidate(String fixture) {
        Media media = Fixtures.media(fixture);
        Registry registry = media.identifier().equals("disk5") ? Fixtures.registry("ioreg-controller-dext.plist", "disk5")
                : new Registry(new Peripheral(null, null, null, "SN-" + media.identifier(), null), Limits.NONE, List.of());
        return Candidate.macos(media, Fixtures.diskMap(), registry);
    }

    /** What a suite that names this disk exactly would expect. */
    private static Expectation namedCorrectly(Candidate disk, boolean mayUnmount) {
        Media media = disk.identity().media();
        return new Expectation(media.identifier(), media.mediaName(), media.protocol(), media.sizeBytes(),
                disk.identity().peripheral().serial(), mayUnmount);
    }
}
