package dev.orchestrate.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.outcome.RigBroken;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a disk's partitions lie, and what is stored on it, from the recorded diskutil outputs. */
class PartitionTest {

    @Test
    void aPartitionsOffsetIsInItsOwnDiskutilInfo() {
        assertEquals(new Partition("disk5s1", "disk5", 20480, 209715200),
                Partition.fromDiskutilInfo(Fixtures.plist("diskutil-info-disk5s1-efi.plist"), "disk5s1"));
        assertEquals(new Partition("disk5s2", "disk5", 209735680, 65999790235648L),
                Partition.fromDiskutilInfo(Fixtures.plist("diskutil-info-disk5s2-partition.plist"), "disk5s2"));
        RigBroken whole = assertThrows(RigBroken.class,
                () -> Partition.fromDiskutilInfo(Fixtures.plist("diskutil-info-disk5-raid-scsi.plist"), "diskutil info -plist disk5"));
        assertTrue(whole.getMessage().startsWith("diskutil info -plist disk5: no DeviceIdentifier, PartitionMapPartitionOffset and Size"),
                whole.getMessage());
    }

    @Test
    void theDiskMapListsADisksPartitionsAndTheContainersStoredOnIt() {
        DiskMap map = Fixtures.diskMap();
        assertEquals(List.of("disk5s1", "disk5s2"), map.partitionsOf("disk5"));
        assertEquals(List.of(), map.storedOn("disk5"));
        assertEquals(List.of("disk1", "disk3"), map.storedOn("disk0"), "the system's containers lie on the internal disk");
    }
}
