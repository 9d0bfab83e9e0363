package dev.orchestrate.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.outcome.RigBroken;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** diskutil info, diskutil list and the IORegistry read into one identity. */
class IdentityTest {

    @Test
    void diskutilInfoOfTheRaidBox() {
        Media media = Fixtures.media("diskutil-info-disk5-raid-scsi.plist");
        assertEquals(new Media("disk5", "RAID R8", "GAMMA RAID R8 Media", "SCSI", 65_999_999_991_808L, 512, false, false, true, true, true,
                "GUID_partition_scheme", false, false, false, List.of(), null), media);
    }

    @Test
    void theDisksSizeIsSizeNotTheTotalSizeOfTheVolumeMountedOnIt() {
        Media stick = Fixtures.media("diskutil-info-disk9-whole-disk-fat-stick.plist");
        assertEquals(15_682_240_512L, stick.sizeBytes(), "Size, not the FAT volume's TotalSize of 15,665,463,296");
        Map<String, Object> noSize = Map.of("DeviceIdentifier", "disk9", "TotalSize", 15_665_463_296L, "IOKitSize", 15_682_240_512L);
        assertEquals(15_682_240_512L, Media.fromDiskutilInfo(noSize, "no Size").sizeBytes(), "else IOKitSize");
        assertEquals(0, Media.fromDiskutilInfo(Map.of("DeviceIdentifier", "disk9", "TotalSize", 15_665_463_296L), "TotalSize only")
                .sizeBytes(), "never TotalSize: the disk's size is unknown");
    }

    @Test
    void theSystemContainerNamesItsPhysicalStore() {
        Media container = Fixtures.media("diskutil-info-disk3-system-container.plist");
        assertEquals(List.of("disk0s2"), container.physicalStores());
        assertTrue(container.virtual() && container.internal());
        assertTrue(Fixtures.media("diskutil-info-disk2-booted-image.plist").systemImage());
        assertEquals("/", Fixtures.media("diskutil-info-disk2-booted-image.plist").mountPoint());
    }

    @Test
    void flagsTheOutputDoesNotStateTakeTheirSafeValue() {
        Media media = Media.fromDiskutilInfo(Map.of("DeviceIdentifier", "disk9"), "sparse");
        assertTrue(media.internal());
        assertFalse(media.whole());
        assertFalse(media.writable());
        RigBroken e = assertThrows(RigBroken.class, () -> Media.fromDiskutilInfo(Map.of("MediaName", "x"), "diskutil info -plist /"));
        assertTrue(e.getMessage().startsWith("diskutil info -plist /: no DeviceIdentifier"), e.getMessage());
        e = assertThrows(RigBroken.class, () -> Media.fromDiskutilInfo(Map.of("DeviceIdentifier", "disk9", "Internal", "Yes"), "f.plist"));
        assertEquals("f.plist: 'Internal' is the string 'Yes', expected true or false", e.getMessage());
        e = assertThrows(RigBroken.class, () -> Media.fromDiskutilInfo(List.of(), "f.plist"));
        assertEquals("f.plist: expected a <dict> at the top of the property list, found an array", e.getMessage());
    }

    @Test
    void slicesBelongToTheirWholeDisk() {
        assertEquals("disk0", Media.wholeDiskOf("disk0s2"));
        assertEquals("disk3", Media.wholeDiskOf("disk3s1s1"));
        assertEquals("disk12", Media.wholeDiskOf("disk12"));
    }

    @Test
    void theInternalDiskCarriesTheSystemContainersVolumes() {
        DiskMap map = Fixtures.diskMap();
        List<Volume> onDisk0 = map.mountedOn("disk0");
        assertTrue(onDisk0.contains(new Volume("disk3s1s1", "/")), onDisk0.toString());
        assertTrue(onDisk0.contains(new Volume("disk3s5", "/System/Volumes/Data")), onDisk0.toString());
        assertTrue(onDisk0.contains(new Volume("disk1s1", "/System/Volumes/iSCPreboot")), onDisk0.toString());
        assertEquals(List.of(new Volume("disk4s2", "/Volumes/Archive")), map.mountedOn("disk4"));
        assertEquals(List.of(), map.mountedOn("disk5"));
    }

    @Test
    void theRegistryGivesThePeripheralAndTheLimitsAboveTheMedia() {
        Registry registry = Fixtures.registry("ioreg-controller-dext.plist", "disk5");
        assertEquals(new Peripheral("GAMMA", "RAID R8", "0412", "GR8A2419000731", "SCSI"), registry.peripheral());
        assertEquals(129L, registry.limits().get(Limits.SEGMENT_COUNT_WRITE), "from the controller");
        assertEquals(1_048_576L, registry.limits().get(Limits.BYTES_WRITE), "from the peripheral");
        assertEquals(-1L, registry.limits().get(Limits.HBA_ALIGNMENT_MASK));
        assertEquals("0xFFFFFFFFFFFFFFFF", registry.limits().fields().get(Limits.HBA_ALIGNMENT_MASK));
        assertEquals(registry.peripheral(), Fixtures.registry("ioreg-controller-dext.plist", "disk5s2").peripheral(),
                "a slice has the same peripheral");
    }

    @Test
    void theHbaLimitsAreTheControllersAndAnotherValueFurtherDownIsShownBesideThem() {
        Registry nvme = Fixtures.registry("ioreg-controller-nvme.plist", "disk6s2");
        assertEquals(4_096L, nvme.limits().get(Limits.SEGMENT_BYTES_READ), "the controller's, not its block device's");
        assertEquals(256L, nvme.limits().get(Limits.SEGMENT_COUNT_READ));
        assertEquals(1_048_576L, nvme.limits().get(Limits.BYTES_READ), "from the block device, the nearest that holds it");
        assertEquals(List.of(new LimitElsewhere(Limits.SEGMENT_BYTES_READ, "IONVMeBlockStorageDevice", 1_048_576L),
                new LimitElsewhere(Limits.SEGMENT_BYTES_WRITE, "IONVMeBlockStorageDevice", 1_048_576L)), nvme.elsewhere(),
                "the segment counts agree, so only the byte counts are shown twice");
        Map<String, String> shown = Candidate.macos(Fixtures.media("diskutil-info-disk6s2-partition.plist"), Fixtures.diskMap(), nvme)
                .identity().fields();
        assertEquals("4096", shown.get("IOMaximumSegmentByteCountWrite"));
        assertEquals("1048576", shown.get("IOMaximumSegmentByteCountWrite on IONVMeBlockStorageDevice"));
        assertEquals("IOMaximumSegmentByteCountWrite on IONVMeBlockStorageDevice", List.copyOf(shown.keySet()).getLast());
    }

    @Test
    void fieldsComeInAStableOrderWithMountPointLeftOut() {
        List<String> labels = List.copyOf(Fixtures.raidUnderDext().fields().keySet());
        assertEquals(List.of("Device Identifier", "Media Name", "Protocol"), labels.subList(0, 3));
        assertEquals("IOMaximumByteCountWrite", labels.getLast());
        assertFalse(labels.contains("Mount Point"));
        assertNull(new DiskIdentity(Fixtures.media("diskutil-info-disk7-usb-stick.plist"), null, null).fields().get("Serial Number"));
    }
}
