package dev.orchestrate.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.device.Refusal.Rule;
import dev.orchestrate.outcome.RigBroken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fake sysfs ({@link FakeSysfs#vm}); mounts from fixtures/linux/mountinfo-vm.txt. No real device is touched.
 */
class LinuxDisksTest {

    private static final Path MOUNTINFO = Path.of("fixtures/linux/mountinfo-vm.txt");

    @TempDir
    Path sys;

    private LinuxDisks disks;

    @BeforeEach
    void fakeSysfs() throws IOException {
        disks = FakeSysfs.vm(sys, MOUNTINFO);
    }

    @Test
    void theIdentityComesFromSysfs() {
        Candidate sdc = disks.candidate("sdc");
        Media media = sdc.identity().media();
        assertEquals("sdc", media.identifier());
        assertEquals("RAID R8", media.mediaName());
        assertEquals("SCSI", media.protocol());
        assertEquals(128_906_249_216L * 512, media.sizeBytes());
        assertEquals(512, media.blockSize());
        assertTrue(media.whole() && media.writable() && !media.solidState());
        assertEquals(new Peripheral("GAMMA", "RAID R8", "0412", "naa.6001b4d0c8a2419000731", "SCSI"), sdc.identity().peripheral());
        Candidate sdb = disks.candidate("sdb");
        assertEquals("USB", sdb.identity().media().protocol());
        assertEquals("AA010417161548431583", sdb.identity().peripheral().serial(), "device/serial before wwid");
        assertTrue(sdb.identity().media().removable());
        assertEquals(List.of(new Volume("sdb1", "/mnt/lab data")), sdb.mounted());
    }

    @Test
    void theSystemDiskAMountedDiskAPartitionAndAHeldDiskAreRefused() {
        // a virtio disk has no model for a suite to name
        assertEquals(List.of(Rule.UNNAMED, Rule.SYSTEM), rules("vda", false));
        assertEquals(List.of(Rule.UNNAMED, Rule.SYSTEM), rules("vda", true), "allowing unmounts never frees the system disk");
        assertEquals("vm-root-0001", disks.candidate("vda").identity().peripheral().serial(), "virtio keeps its serial beside the disk");
        assertEquals(List.of(Rule.MOUNTED), rules("sdb", false));
        assertEquals(List.of(), rules("sdb", true));
        assertEquals(List.of(Rule.MOUNTED, Rule.PARTITION), rules("sdb1", false));
        assertEquals(List.of(Rule.IN_USE), rules("sdd", false));
        assertEquals(List.of(), rules("sdc", false));
        String reason = DiskGuard.refusals(disks.candidate("vda"), named(disks.candidate("vda"), false)).getLast().reason();
        assertEquals("vda holds the running system (vda1 on /, vda15 on /boot/efi); never choose the boot disk"
                + " or a disk the system's volumes live on (an APFS container's physical store)", reason);
    }

    @Test
    void aDiskWhoseSerialOrModelDiffersIsRefused() {
        Candidate sdc = disks.candidate("sdc");
        Expectation other = new Expectation("sdc", "RAID R8", null, sdc.identity().media().sizeBytes(), "naa.5000c500a1b2c3d4", false);
        List<Refusal> refusals = DiskGuard.refusals(sdc, other);
        assertEquals(List.of(new Refusal(Rule.MISMATCH, "sdc says its serial number is 'naa.6001b4d0c8a2419000731' but the suite"
                + " expects 'naa.5000c500a1b2c3d4'; check that sdc is the disk under test")), refusals);
        assertFalse(DiskGuard.refusals(sdc, new Expectation("sdc", "ST1000NM0033", null, sdc.identity().media().sizeBytes(),
                "naa.6001b4d0c8a2419000731", false)).isEmpty());
    }

    @Test
    void anUnknownDeviceAndATruncatedMountinfoAreNamed() {
        RigBroken e = assertThrows(RigBroken.class, () -> disks.candidate("sdz"));
        assertTrue(e.getMessage().startsWith("no block device 'sdz' under " + sys.resolve("block")), e.getMessage());
        Path truncated = Path.of("fixtures/linux/mountinfo-truncated.txt");
        e = assertThrows(RigBroken.class, () -> new LinuxDisks(sys, truncated).candidate("sdc"));
        assertTrue(e.getMessage().startsWith(truncated + ":8: not a mountinfo line"), e.getMessage());
    }

    private List<Rule> rules(String name, boolean mayUnmount) {
        Candidate disk = disks.candidate(name);
        return DiskGuard.refusals(disk, named(disk, mayUnmount)).stream().map(Refusal::rule).toList();
    }

    private static Expectation named(Candidate disk, boolean mayUnmount) {
        Media media = disk.identity().media();
        return new Expectation(media.identifier(), media.mediaName(), media.protocol(), media.sizeBytes(),
                disk.identity().peripheral().serial(), mayUnmount);
    }
}
